import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/lib/problems.ts';
import { readStoryWarnings, warningsFor, writeStoryWarnings } from '../../src/build-cache/story-warnings.ts';

const warning: Problem = { file: 'content/articles/a.md', line: 7, field: 'image.alt', message: 'the photo has no alt text', severity: 'warning' };

describe('story warnings kept between builds', () => {
  it('gives back a story’s warnings for the version they were about, and none for another', () => {
    const cacheDir = pathToFileURL(`${mkdtempSync(join(tmpdir(), 'story-warnings-'))}/`);
    writeStoryWarnings(cacheDir, { a: { digest: 'd1', warnings: [warning] } });
    const record = readStoryWarnings(cacheDir);
    expect(warningsFor(record, 'a', 'd1')).toEqual([warning]);
    expect(warningsFor(record, 'a', 'd2')).toEqual([]);
    expect(warningsFor(record, 'b', 'd1')).toEqual([]);
  });

  it('reads a missing or broken record as no warnings', () => {
    const cacheDir = pathToFileURL(`${mkdtempSync(join(tmpdir(), 'story-warnings-'))}/`);
    expect(readStoryWarnings(cacheDir)).toEqual({});
  });
});
