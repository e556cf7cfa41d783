/** The year stamped on an old story's shared photo: drawn on photos of every size, never larger than the photo. */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { drawPhotoStamp } from '../../src/share-cards/photo-stamp.ts';

const photo = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#336699' } }).jpeg().toBuffer();

describe('drawPhotoStamp', () => {
  it.each([
    [1200, 750],
    [400, 300],
    [40, 30],
    [8, 8],
  ])('stamps a %i × %i photo and keeps its size', async (width, height) => {
    const stamped = await drawPhotoStamp(await photo(width, height), 2019);
    const meta = await sharp(stamped).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', width, height]);
  });

  it('puts the year in a box at the bottom left and leaves the top right as it was', async () => {
    const stamped = await drawPhotoStamp(await photo(1200, 750), 2019);
    const pixel = async (left: number, top: number) => [...(await sharp(stamped).extract({ left, top, width: 1, height: 1 }).raw().toBuffer())];
    const [r, g, b] = await pixel(1150, 20);
    expect(Math.abs(r! - 0x33) + Math.abs(g! - 0x66) + Math.abs(b! - 0x99)).toBeLessThan(30);
    // The box is the site's accent red, well away from the photo's blue.
    const [br, , bb] = await pixel(50, 740 - 45);
    expect(br! - bb!).toBeGreaterThan(60);
  });
});
