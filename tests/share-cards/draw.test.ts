/**
 * The drawn card, read back as pixels: the size, where each line starts, and that Arabic
 * comes out shaped (joined letters) and in reading order (right to left).
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { drawCard, laidOver, type Layer } from '../../src/share-cards/draw.ts';
import { cardLayout, type CardContent } from '../../src/share-cards/layout.ts';

const base: CardContent = { headline: '', kindLabel: '', source: 'Example Wire', dateText: '19 May 2025', siteName: 'The Reader', lang: 'en', dir: 'ltr' };
const arabic = (headline: string): CardContent => ({ ...base, headline, dateText: '19 مايو 2025', lang: 'ar', dir: 'rtl' });

/** Runs of columns with ink in the headline's band (dark pixels), gaps narrower than `gap` closed. */
async function inkRuns(png: Buffer, gap = 12): Promise<[from: number, to: number][]> {
  const layout = cardLayout(base).texts.find((t) => t.role === 'headline')!;
  const { data, info } = await sharp(png).extract({ left: 0, top: layout.y, width: 1200, height: layout.maxHeight }).greyscale().raw().toBuffer({ resolveWithObject: true });
  const inked = Array.from({ length: info.width }, (_, x) => {
    for (let y = 0; y < info.height; y++) if (data[y * info.width + x]! < 128) return true;
    return false;
  });
  const runs: [number, number][] = [];
  inked.forEach((ink, x) => {
    if (!ink) return;
    const last = runs.at(-1);
    if (last && x - last[1] <= gap) last[1] = x;
    else runs.push([x, x]);
  });
  return runs;
}

describe('drawing a share card', () => {
  it('makes a 1200 × 630 PNG', async () => {
    const meta = await sharp(await drawCard(cardLayout({ ...base, headline: 'Market reopens' }))).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
  });

  it('starts an English headline at the left margin and an Arabic one at the right margin', async () => {
    const english = await inkRuns(await drawCard(cardLayout({ ...base, headline: 'Market reopens' })));
    expect(english[0]![0]).toBeGreaterThanOrEqual(72);
    expect(english[0]![0]).toBeLessThan(90);
    expect(english.at(-1)![1]).toBeLessThan(700);
    const right = await inkRuns(await drawCard(cardLayout(arabic('سوق حلب'))));
    expect(right.at(-1)![1]).toBeLessThanOrEqual(1128);
    expect(right.at(-1)![1]).toBeGreaterThan(1110);
    expect(right[0]![0]).toBeGreaterThan(700);
  });

  it('writes Arabic words in reading order: the first word is the rightmost', async () => {
    // "في" (in) is short, "مستشفيات" (hospitals) long: read right to left, the short word comes first.
    const words = await inkRuns(await drawCard(cardLayout(arabic('في مستشفيات'))));
    expect(words).toHaveLength(2);
    const [left, right] = words.map(([from, to]) => to - from);
    expect(right!).toBeLessThan(left! / 2);
  });

  it('joins Arabic letters as Arabic is written, not as isolated letters', async () => {
    const word = 'مستشفيات';
    // A zero-width non-joiner between letters forces the isolated forms the text would show unshaped.
    const isolated = [...word].join('\u200c');
    const width = async (text: string) => {
      const runs = await inkRuns(await drawCard(cardLayout(arabic(text))), 40);
      return runs.at(-1)![1] - runs[0]![0];
    };
    const joined = await width(word);
    const apart = await width(isolated);
    expect(joined).toBeGreaterThan(100);
    expect(joined).toBeLessThan(apart * 0.8);
  });

  it('keeps every text inside the card: a word longer than a line, a headline too long for five lines', async () => {
    const address = `https://example.org/${'a'.repeat(300)}`;
    for (const content of [{ ...base, headline: address, source: address }, { ...base, headline: 'word '.repeat(200) }, arabic(`${'كلمة '.repeat(150)}${address}`)]) {
      const png = await drawCard(cardLayout(content));
      expect((await sharp(png).metadata()).width).toBe(1200);
      const runs = await inkRuns(png);
      expect(runs[0]![0]).toBeGreaterThanOrEqual(72);
      expect(runs.at(-1)![1]).toBeLessThanOrEqual(1128);
    }
  });

  it('lays a text over the card as sharp\'s composite does, edges and half-transparent pixels included', async () => {
    const [width, height] = [40, 30];
    const picture = Buffer.from(Array.from({ length: width * height * 3 }, (_, i) => (i * 37) % 256));
    // Every alpha from 0 to 255 over varied colours, and one layer running past the right and bottom edges.
    const layer = (w: number, h: number, left: number, top: number, seed: number): Layer => ({
      data: Buffer.from(Array.from({ length: w * h * 4 }, (_, i) => (i % 4 === 3 ? (i * seed) % 256 : (i * 53 + seed) % 256))),
      width: w,
      height: h,
      left,
      top,
    });
    const layers = [layer(20, 16, 3, 2, 7), layer(25, 20, 30, 20, 11)];
    const ours = laidOver(picture, width, height, layers);
    // composite refuses a layer larger than the picture: it is given the part inside.
    const inside = await Promise.all(
      layers.map(async (l) => {
        const [w, h] = [Math.min(l.width, width - l.left), Math.min(l.height, height - l.top)];
        const data = await sharp(l.data, { raw: { width: l.width, height: l.height, channels: 4 } }).extract({ left: 0, top: 0, width: w, height: h }).raw().toBuffer();
        return { input: data, raw: { width: w, height: h, channels: 4 as const }, left: l.left, top: l.top };
      }),
    );
    const theirs = await sharp(picture, { raw: { width, height, channels: 3 } })
      .composite(inside)
      .removeAlpha()
      .raw()
      .toBuffer();
    expect(ours.length).toBe(theirs.length);
    const worst = Math.max(...ours.map((value, i) => Math.abs(value - theirs[i]!)));
    expect(worst).toBeLessThanOrEqual(1);
    // The picture passed in is left as it was.
    expect(picture[0]).toBe(0);
    expect(ours.equals(picture)).toBe(false);
  });
});
