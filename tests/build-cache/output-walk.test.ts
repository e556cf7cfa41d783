import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stampFiles, stampFilesInWorkers } from '../../src/build-cache/output-walk.ts';

describe('stamping the output folder', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'output-walk-'));
    const write = (path: string, text: string) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    write('index.html', 'front');
    write('404.html', 'missing');
    for (let i = 0; i < 25; i++) write(`articles/story-${i}/index.html`, `story ${i}`);
    write('articles/story-3/card.png', 'png');
    write('_astro/site.css', 'css');
    write('topics/water/2/index.html', 'page 2');
    write('.git/HEAD', 'a deploy repository');
    symlinkSync('index.html', join(root, 'home.html'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds every file but a deploy repository, links as files', () => {
    const paths = [...stampFiles(root).keys()].sort();
    expect(paths).toHaveLength(31);
    expect(paths).toContain('articles/story-3/card.png');
    expect(paths).toContain('topics/water/2/index.html');
    expect(paths).toContain('home.html');
    expect(paths.some((path) => path.startsWith('.git'))).toBe(false);
    expect(stampFiles(root).get('index.html')?.size).toBe(5);
  });

  it('deals the walk out in parts that together are the whole walk, each file once', () => {
    const whole = stampFiles(root);
    const parts = [0, 1, 2].map((part) => stampFiles(root, { part, parts: 3 }));
    expect(parts.every((stamps) => stamps.size > 0)).toBe(true);
    expect(parts.reduce((sum, stamps) => sum + stamps.size, 0)).toBe(whole.size);
    expect(new Map(parts.flatMap((stamps) => [...stamps]))).toEqual(whole);
  });

  it('walks on worker threads to the same stamps', async () => {
    expect(await stampFilesInWorkers(root, 2)).toEqual(stampFiles(root));
    expect(await stampFilesInWorkers(join(root, 'nothing-here'), 2)).toEqual(new Map());
  });
});
