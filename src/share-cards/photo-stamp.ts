/**
 * An old story's lead photo, stamped with the story's year where link previews show it, as
 * the Guardian does: a photo from 2019 shared today is not taken for today's news. Only the
 * shared copy is stamped; the page shows the photo as it is.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { CARD_COLOURS } from './layout.ts';
import { CARD_FOLDER } from './story-card.ts';

/** Bump when the stamp's look changes: every stamped photo is then made again. */
const STAMP_DESIGN_VERSION = 1;

export interface PhotoStamp {
  /** The shared photo's file, relative to the output folder (an astro:assets JPEG or a file from public/). */
  photo: string;
  /** The year the story was published, in its own time zone. */
  year: number;
}

/** The stamped copy's file, relative to the output folder: named by the photo and the year. */
export function stampedPhotoFile(stamp: PhotoStamp): string {
  const key = createHash('sha256').update(JSON.stringify([STAMP_DESIGN_VERSION, stamp.photo, stamp.year])).digest('hex').slice(0, 16);
  return `${CARD_FOLDER}${key}.jpg`;
}

/** The photo with its year in a box at the bottom left, as a JPEG of the same size. */
export async function drawPhotoStamp(photo: Buffer, year: number): Promise<Buffer> {
  const { width = 1200, height = 630 } = await sharp(photo).metadata();
  const size = Math.max(20, Math.round(width / 18));
  const pad = Math.round(size * 0.4);
  // dpi 72 makes Pango's points the photo's pixels, as on the cards.
  const text = await sharp({ text: { text: `<span foreground="#ffffff">${year}</span>`, font: `Noto Sans, DejaVu Sans, sans-serif Bold ${size}px`, rgba: true, dpi: 72 } })
    .png()
    .toBuffer({ resolveWithObject: true });
  const box = await sharp({ create: { width: text.info.width + 2 * pad, height: text.info.height + 2 * pad, channels: 4, background: CARD_COLOURS.accent } })
    .composite([{ input: text.data, left: pad, top: pad }])
    .png()
    .toBuffer({ resolveWithObject: true });
  const margin = Math.round(size * 0.6);
  // A photo too small for the box gets it shrunk to fit: sharp refuses a layer larger than its base.
  const fits = { width: Math.max(1, width - 2 * margin), height: Math.max(1, height - 2 * margin) };
  const layer = box.info.width <= fits.width && box.info.height <= fits.height ? box : await sharp(box.data).resize(fits.width, fits.height, { fit: 'inside' }).png().toBuffer({ resolveWithObject: true });
  return sharp(photo)
    .composite([{ input: layer.data, left: Math.max(0, Math.min(margin, width - layer.info.width)), top: Math.max(0, height - layer.info.height - margin) }])
    .jpeg({ quality: 85 })
    .toBuffer();
}
