import { describe, expect, it } from 'vitest';
import { foreignFiles, fromRecord, staleFiles, toRecord, type Stamp } from '../../src/build-cache/output-stamps.ts';

const stamp = (mtimeMs: number, size = 100, ino = 1, ctimeMs = mtimeMs): Stamp => ({ mtimeMs, ctimeMs, size, ino });

describe('files the last build left', () => {
  const recorded = new Map([
    ['index.html', stamp(1000, 100, 1)],
    ['articles/a/index.html', stamp(1000, 200, 2)],
  ]);

  it('are foreign when added, rewritten or replaced since', () => {
    const now = new Map([
      ['index.html', stamp(1000, 100, 1)],
      ['articles/a/index.html', stamp(2000, 200, 2)],
      ['stray.html', stamp(500, 10, 3)],
    ]);
    expect(foreignFiles(now, recorded).sort()).toEqual(['articles/a/index.html', 'stray.html']);
    // The same time and size in another file: a replacement, not the file the build left.
    expect(foreignFiles(new Map([['index.html', stamp(1000, 100, 9)]]), recorded)).toEqual(['index.html']);
    expect(foreignFiles(recorded, recorded)).toEqual([]);
  });

  it('are stale when this build neither wrote them again nor kept them as its pages', () => {
    const before = new Map([
      ['articles/kept/index.html', stamp(1000)],
      ['articles/removed/index.html', stamp(1000)],
      ['_astro/old.css', stamp(1000)],
      ['_astro/photo.webp', stamp(1000)],
      ['_astro/cached.jpg', stamp(1000)],
      ['gone-during-build.html', stamp(1000)],
    ]);
    const after = new Map([
      ['articles/kept/index.html', stamp(1000)],
      ['articles/removed/index.html', stamp(1000)],
      ['_astro/old.css', stamp(1000)],
      // Copied again by this build: a new time.
      ['_astro/photo.webp', stamp(3000)],
      // Copied again with its modification time set back to the source's, as Astro copies a
      // cached image or a public file: only the change time tells.
      ['_astro/cached.jpg', stamp(1000, 100, 1, 3000)],
      ['_astro/new.css', stamp(3000)],
    ]);
    const pages = new Set(['articles/kept/index.html']);
    expect(staleFiles(before, after, (path) => pages.has(path)).sort()).toEqual(['_astro/old.css', 'articles/removed/index.html']);
  });
});

describe('the record kept in the cache folder', () => {
  it('from before change times were kept gives stamps that match no file, so the folder is rebuilt whole', () => {
    const old = { outDir: '/site/dist/', files: [['index.html', 1000, 100, 7]] };
    expect(foreignFiles(new Map([['index.html', stamp(1000, 100, 7)]]), fromRecord(old, '/site/dist/')!)).toEqual(['index.html']);
  });

  it('gives back its stamps for the folder it was made for only', () => {
    const stamps = new Map([['index.html', stamp(1000.25, 100, 7)]]);
    const record = JSON.parse(JSON.stringify(toRecord('/site/dist/', stamps))) as unknown;
    expect(fromRecord(record, '/site/dist/')).toEqual(stamps);
    expect(fromRecord(record, '/site/other/')).toBeUndefined();
    expect(fromRecord(undefined, '/site/dist/')).toBeUndefined();
    expect(fromRecord({ outDir: '/site/dist/' }, '/site/dist/')).toBeUndefined();
  });
});
