/**
 * Draws a card's layout (./layout.ts) with sharp: each text is set by Pango (sharp's text
 * input, which shapes with HarfBuzz and orders right-to-left text with FriBidi, using the
 * machine's fonts through fontconfig), then laid onto the background. No browser, and
 * nothing beyond sharp, which Astro already installs for its images.
 */
import sharp from 'sharp';
import { shortenedHeadline, type CardLayout, type CardText } from './layout.ts';

/**
 * PNG: a card is flat colour and text, which PNG keeps sharp where JPEG blurs the letters'
 * edges, and at about 45 KB it is smaller than a JPEG of the same card at quality 85. A
 * palette PNG would be a third of that but took three times as long to make.
 */
export const CARD_FORMAT = 'png';

interface SetText {
  /**
   * Raw RGBA pixels, alpha not premultiplied (as sharp gives Pango's text), laid over the
   * background without encoding.
   */
  data: Buffer;
  width: number;
  height: number;
}

async function setText(text: CardText, markup: string, size: number): Promise<SetText> {
  // dpi 72 makes Pango's points the card's pixels.
  const { data, info } = await sharp({ text: { text: markup, font: `${text.font} ${size}px`, width: text.width, wrap: 'word-char', rgba: true, dpi: 72, spacing: Math.round(size * text.leading) } })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** The text at the first size that fits its box; a headline too long even at the smallest loses words at its end. */
async function fitText(text: CardText): Promise<SetText> {
  for (const size of text.sizes) {
    const set = await setText(text, text.markup, size);
    if (set.height <= text.maxHeight) return cropped(set, text);
  }
  const smallest = text.sizes.at(-1)!;
  if (text.role === 'headline') {
    // Only the markup's text is cut: the span around it stays whole.
    const match = /^(<span[^>]*>)(.*)(<\/span>)$/s.exec(text.markup);
    if (match) {
      // The most words that fit, found by halving: a few settings even for a very long headline.
      const setWords = (keep: number) => setText(text, `${match[1]}${shortenedHeadline(match[2]!, keep)}${match[3]}`, smallest);
      let fits = 0;
      let tooMany = match[2]!.split(/\s+/).length;
      while (tooMany - fits > 1) {
        const keep = Math.floor((fits + tooMany) / 2);
        if ((await setWords(keep)).height <= text.maxHeight) fits = keep;
        else tooMany = keep;
      }
      if (fits) return cropped(await setWords(fits), text);
    }
  }
  // A text still too big (a very long source name) is cut at its box's edges.
  return cropped(await setText(text, text.markup, smallest), text);
}

/** The set text within its box: a word longer than a line (an address) can set wider than asked. */
async function cropped(set: SetText, text: CardText): Promise<SetText> {
  if (set.width <= text.width && set.height <= text.maxHeight) return set;
  const width = Math.min(set.width, text.width);
  const height = Math.min(set.height, text.maxHeight);
  // A right-to-left text keeps its start, on the right.
  const left = text.dir === 'rtl' ? set.width - width : 0;
  const data = await sharp(set.data, { raw: { width: set.width, height: set.height, channels: 4 } }).extract({ left, top: 0, width, height }).raw().toBuffer();
  return { data, width, height };
}

/**
 * The card without its text, as raw RGB pixels, drawn once per process: every card shares it.
 */
const backgrounds = new Map<string, Promise<Buffer>>();

function background(layout: CardLayout): Promise<Buffer> {
  const rects = layout.rects.map((r) => `<rect x="${r.x}" y="${r.y}" width="${r.width}" height="${r.height}" fill="${r.fill}"/>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}"><rect width="100%" height="100%" fill="${layout.background}"/>${rects}</svg>`;
  let pixels = backgrounds.get(svg);
  if (!pixels) backgrounds.set(svg, (pixels = sharp(Buffer.from(svg), { density: 72 }).removeAlpha().raw().toBuffer()));
  return pixels;
}

/** Set text, or any raw RGBA pixels with straight (not premultiplied) alpha, and where they go. */
export interface Layer extends SetText {
  left: number;
  top: number;
}

/**
 * The layers laid over a copy of an opaque RGB picture, each pixel by its alpha. This is
 * what sharp's composite does, but composite turns the whole 1200 × 630 card into floating
 * point for every card, which was half of a card's drawing time, where the texts cover a
 * fraction of it. tests/share-cards/draw.test.ts checks the result against composite's.
 */
export function laidOver(picture: Buffer, width: number, height: number, layers: readonly Layer[]): Buffer {
  const out = Buffer.from(picture);
  for (const layer of layers) {
    const rows = Math.min(layer.height, height - layer.top);
    const columns = Math.min(layer.width, width - layer.left);
    for (let y = 0; y < rows; y++) {
      let from = y * layer.width * 4;
      let to = ((layer.top + y) * width + layer.left) * 3;
      for (let x = 0; x < columns; x++, from += 4, to += 3) {
        const alpha = layer.data[from + 3]!;
        if (alpha === 0) continue;
        const rest = 255 - alpha;
        // A Buffer keeps the integer part, so + 127 rounds to the nearest level.
        for (let c = 0; c < 3; c++) out[to + c] = (layer.data[from + c]! * alpha + out[to + c]! * rest + 127) / 255;
      }
    }
  }
  return out;
}

/** The card as a PNG file's bytes. */
export async function drawCard(layout: CardLayout): Promise<Buffer> {
  const [pixels, set] = await Promise.all([background(layout), Promise.all(layout.texts.map(fitText))]);
  const layers = layout.texts.map((text, i): Layer => {
    const { data, width, height } = set[i]!;
    // Pango's box is as wide as its longest line; a right-to-left text ends at the box's right edge.
    const left = text.dir === 'rtl' ? text.x + text.width - width : text.x;
    return { data, width, height, left: Math.max(0, Math.round(left)), top: text.y };
  });
  return sharp(laidOver(pixels, layout.width, layout.height, layers), { raw: { width: layout.width, height: layout.height, channels: 3 } })
    .png()
    .toBuffer();
}
