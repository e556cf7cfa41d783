/**
 * A text file saved under a photo's name, used as a story's lead photo: `npm run check` reads
 * every photo a story names and refuses it, with the story, field and file; and the build it
 * stops, run without a build cache (as after `npm ci`), leaves the last good dist/ as it was.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dirDigest, ROOT, runAstro } from '../helpers/build-site.ts';
import { assembleContent } from '../helpers/fixture-content.ts';

const story = `---
title: A photo that is not one
standfirst: Its lead photo is a text file named like a JPEG.
published: 2025-05-18
source: Reuters
image:
  src: ./p.jpg
  alt: A street
  credit: AP
---

Text.
`;

describe('a lead photo that is not an image, built without a cache over the last good build', () => {
  const folder = resolve(ROOT, '.tmp/photo-not-an-image');
  const outDir = resolve(folder, 'dist');
  const cacheDir = resolve(folder, 'cache');
  let content: string;
  let before: Record<string, string>;
  let failed: { code: number; output: string };
  beforeAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    content = assembleContent('photo-not-an-image', { fixtures: ['reader'] });
    const env = { CONTENT_DIR: content, OUT_DIR: outDir, CACHE_DIR: cacheDir };
    const good = await runAstro(['build'], env);
    before = existsSync(outDir) ? dirDigest(outDir) : {};
    // Here, not in one of the tests: without a good build to keep, "left as it was" would
    // pass over an empty folder, whichever test runs alone.
    expect(good.code, good.output).toBe(0);
    expect(Object.keys(before).length).toBeGreaterThan(10);
    writeFileSync(resolve(ROOT, content, 'articles/p.jpg'), 'This is not a photo.\n');
    writeFileSync(resolve(ROOT, content, 'articles/photo-story.md'), story);
    // As after `npm ci`: the cache lived in node_modules.
    rmSync(cacheDir, { recursive: true, force: true });
    failed = await runAstro(['build'], env);
  });

  it('is refused by npm run check, naming the story, the field and the file', () => {
    const run = spawnSync(process.execPath, ['scripts/check.ts'], { cwd: ROOT, env: { ...process.env, CONTENT_DIR: content }, encoding: 'utf8' });
    expect(run.stderr).toContain(
      `error ${content}/articles/photo-story.md:7: image.src: "./p.jpg" (${content}/articles/p.jpg) is not an image the build can read: its bytes are not a JPEG, PNG, WebP, AVIF, GIF or SVG`,
    );
    expect(run.stderr).toContain('1 error in 1 article; nothing was built.');
    expect(run.status).toBe(1);
  });

  it('fails the build', () => {
    expect(failed.code, failed.output).not.toBe(0);
    expect(failed.output).toContain('p.jpg');
  });

  it('leaves the last good build in dist/ byte for byte, and nothing beside it', () => {
    expect(dirDigest(outDir)).toEqual(before);
    expect(readdirSync(folder).sort()).toEqual(['cache', 'dist']);
  });
});
