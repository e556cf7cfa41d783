/** Share images drawn in the worker thread the build uses: the files it leaves, and how it fails. */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { drawInWorker } from '../../src/share-cards/draw-worker.ts';

const content = { headline: 'Market reopens', kindLabel: '', source: 'Example Wire', dateText: '19 May 2025', siteName: 'The Reader', lang: 'en', dir: 'ltr' as const };
let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('drawInWorker', () => {
  it('draws a card and a stamped photo into their files', async () => {
    root = mkdtempSync(join(tmpdir(), 'cards-'));
    writeFileSync(join(root, 'photo.jpg'), await sharp({ create: { width: 400, height: 300, channels: 3, background: '#336699' } }).jpeg().toBuffer());
    await drawInWorker(root, [
      { record: { file: 'cards/a.png', content }, target: join(root, 'a.png') },
      { record: { file: 'cards/b.jpg', stamp: { photo: 'photo.jpg', year: 2019 } }, target: join(root, 'b.jpg') },
    ]);
    const card = await sharp(join(root, 'a.png')).metadata();
    expect([card.format, card.width, card.height]).toEqual(['png', 1200, 630]);
    const stamped = await sharp(join(root, 'b.jpg')).metadata();
    expect([stamped.format, stamped.width, stamped.height]).toEqual(['jpeg', 400, 300]);
    // No half-written file is left behind.
    expect(readdirSync(root).sort()).toEqual(['a.png', 'b.jpg', 'photo.jpg']);
  });

  it('fails with a message naming what it could not draw, and leaves no image for it', async () => {
    root = mkdtempSync(join(tmpdir(), 'cards-'));
    const drawing = drawInWorker(root, [{ record: { file: 'cards/b.jpg', stamp: { photo: 'missing-photo.jpg', year: 2019 } }, target: join(root, 'b.jpg') }]);
    await expect(drawing).rejects.toThrow(/share cards: drawing failed: .*missing-photo\.jpg/);
    expect(existsSync(join(root, 'b.jpg'))).toBe(false);
  });
});
