import { describe, expect, it } from 'vitest';
import { CARD_DESIGN_VERSION, CARD_HEIGHT, CARD_WIDTH, cardKey, cardLayout, escapeMarkup, headlineSizes, shortenedHeadline, type CardContent } from '../../src/share-cards/layout.ts';

const english: CardContent = {
  headline: 'Syrian Interior Ministry announces targeted operation against ISIS cell in Aleppo',
  kindLabel: '',
  source: 'The Media Line',
  dateText: '18 May 2025',
  siteName: 'The Reader',
  lang: 'en',
  dir: 'ltr',
};
const arabic: CardContent = { ...english, headline: 'خبر تجريبي: إعادة افتتاح سوق قديم في حلب', source: 'Example Wire', dateText: '19 مايو 2025', lang: 'ar', dir: 'rtl' };

const text = (layout: ReturnType<typeof cardLayout>, role: string) => layout.texts.find((t) => t.role === role);

describe('share card layout', () => {
  it('is 1200 × 630, the size Facebook and X show large', () => {
    const layout = cardLayout(english);
    expect([layout.width, layout.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
    expect([CARD_WIDTH, CARD_HEIGHT]).toEqual([1200, 630]);
  });

  it('shows the headline, then source and date, then the site name, each inside the card', () => {
    const layout = cardLayout(english);
    expect(layout.texts.map((t) => t.role)).toEqual(['headline', 'byline', 'site']);
    expect(text(layout, 'headline')!.markup).toContain(english.headline);
    expect(text(layout, 'byline')!.markup).toContain('The Media Line · 18 May 2025');
    expect(text(layout, 'site')!.markup).toContain('The Reader');
    for (const t of layout.texts) {
      expect(t.x).toBeGreaterThanOrEqual(0);
      expect(t.x + t.width).toBeLessThanOrEqual(CARD_WIDTH);
      expect(t.y + t.maxHeight).toBeLessThanOrEqual(CARD_HEIGHT);
    }
    // Boxes follow each other down the card without overlapping.
    const boxes = layout.texts.map((t) => [t.y, t.y + t.maxHeight] as const);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]![0]).toBeGreaterThanOrEqual(boxes[i - 1]![1]);
  });

  it('has a slot for the kind of work, left out when a story has none', () => {
    expect(text(cardLayout(english), 'kind')).toBeUndefined();
    const analysis = cardLayout({ ...english, kindLabel: 'Analysis' });
    expect(analysis.texts[0]!.role).toBe('kind');
    expect(analysis.texts[0]!.markup).toContain('Analysis');
  });

  it('lays an Arabic card out right to left, in an Arabic typeface, every line starting with a right-to-left mark', () => {
    const layout = cardLayout(arabic);
    for (const t of layout.texts) {
      expect(t.dir).toBe('rtl');
      // The mark makes Pango start from the right even when the line opens with a Latin name ("Example Wire").
      expect(t.markup).toMatch(/^<span[^>]*>\u200f/);
    }
    expect(text(layout, 'headline')!.font).toMatch(/^Noto Naskh Arabic/);
    expect(text(cardLayout(english), 'headline')!.markup).toMatch(/^<span[^>]*>\u200e/);
  });

  it('escapes the text, so a headline with < or & is shown as written and cannot add markup', () => {
    const layout = cardLayout({ ...english, headline: 'Q&A: <b>bold</b> "claims"' });
    expect(text(layout, 'headline')!.markup).toContain('Q&amp;A: &lt;b&gt;bold&lt;/b&gt; &quot;claims&quot;');
    expect(escapeMarkup("it's")).toBe('it&apos;s');
  });

  it('tries smaller headline sizes for longer headlines, down to the same smallest size', () => {
    const short = headlineSizes('Market reopens');
    const long = headlineSizes('x'.repeat(140));
    expect(short[0]!).toBeGreaterThan(long[0]!);
    expect(short.at(-1)).toBe(long.at(-1));
    expect([...short].sort((a, b) => b - a)).toEqual(short);
  });

  it('shortens a headline at a word boundary with an ellipsis', () => {
    expect(shortenedHeadline('one two three four', 2)).toBe('one two…');
    expect(shortenedHeadline('one two', 5)).toBe('one two');
  });
});

describe('card key', () => {
  it('changes with everything the card shows, and with the design version', () => {
    const key = cardKey(english);
    expect(key).toMatch(/^[0-9a-f]{16}$/);
    expect(cardKey({ ...english })).toBe(key);
    for (const change of [{ headline: 'Another headline' }, { kindLabel: 'Analysis' }, { source: 'Reuters' }, { dateText: '19 May 2025' }, { siteName: 'Other' }, { lang: 'en-GB' }, { dir: 'rtl' as const }]) {
      expect(cardKey({ ...english, ...change }), JSON.stringify(change)).not.toBe(key);
    }
    expect(CARD_DESIGN_VERSION).toBeGreaterThanOrEqual(1);
  });
});
