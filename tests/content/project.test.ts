/**
 * The content folder's sources list: an editor who deletes it or breaks its YAML is told
 * which file and which line, as for any other mistake in it.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadContentProject } from '../../src/content/project.ts';
import { ROOT } from '../helpers/build-site.ts';

const folder = `.tmp/project-test/${process.pid}`;

describe('the content folder’s sources.yaml', () => {
  beforeEach(() => mkdirSync(join(ROOT, folder, 'articles'), { recursive: true }));
  afterEach(() => rmSync(join(ROOT, folder), { recursive: true, force: true }));

  it('names the file when it is missing', () => {
    expect(() => loadContentProject(ROOT, folder)).toThrow(
      `${folder}/sources.yaml: not found; the content folder needs this file, listing the news sources its articles may name (an empty list is written [])`,
    );
  });

  it('names the file, line and column of broken YAML', () => {
    writeFileSync(join(ROOT, folder, 'sources.yaml'), '- id: ap\n  name: "Associated Press\n  url: https://apnews.com\n');
    expect(() => loadContentProject(ROOT, folder)).toThrow(`${folder}/sources.yaml:4:1: not valid YAML: Missing closing "quote`);
  });

  it('accepts an empty list, and reads the sources of a valid one', () => {
    writeFileSync(join(ROOT, folder, 'sources.yaml'), '[]\n');
    expect(loadContentProject(ROOT, folder).sources.sources).toEqual([]);
    writeFileSync(join(ROOT, folder, 'sources.yaml'), '- id: ap\n  name: Associated Press\n  url: https://apnews.com\n');
    expect(loadContentProject(ROOT, folder).sources.sources.map((s) => s.name)).toEqual(['Associated Press']);
  });
});
