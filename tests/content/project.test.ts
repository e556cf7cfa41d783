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

  it('names the file, line and column of broken YAML: where an unclosed quote opens, and its field', () => {
    writeFileSync(join(ROOT, folder, 'sources.yaml'), '- id: ap\n  name: "Associated Press\n  url: https://apnews.com\n');
    expect(() => loadContentProject(ROOT, folder)).toThrow(
      `${folder}/sources.yaml:2:9: source 1: name: not valid YAML: the " that opens this value is not closed; end the value with " too, or leave the quotes out`,
    );
  });

  it('names both lines of a source listed twice', () => {
    const reuters = '- id: reuters\n  name: Reuters\n  url: https://www.reuters.com\n';
    writeFileSync(join(ROOT, folder, 'sources.yaml'), `${reuters}- id: ap\n  name: Associated Press\n  url: https://apnews.com\n${reuters.replace('id: reuters', 'id: reuters-2')}`);
    expect(() => loadContentProject(ROOT, folder)).toThrow(
      `${folder}/sources.yaml:7: "Reuters" names two sources: source 1 (Reuters, line 1) and source 3 (Reuters, line 7); a name, id or alias may name one source only: remove the repeated source, or change one of the names`,
    );
  });

  it('names the line of a mistake in one source, and of one in authors.yaml', () => {
    writeFileSync(join(ROOT, folder, 'sources.yaml'), '- id: ap\n  name: Associated Press\n  url: https://apnews.com\n- id: x\n  name: X\n  url: not a url\n');
    expect(() => loadContentProject(ROOT, folder)).toThrow(`${folder}/sources.yaml:6: source 2: url: "not a url" is not a URL`);
    writeFileSync(join(ROOT, folder, 'sources.yaml'), '[]\n');
    writeFileSync(join(ROOT, folder, 'authors.yaml'), '- id: jane\n  name: Jane\n- id: jane\n  name: Jane Again\n');
    expect(() => loadContentProject(ROOT, folder)).toThrow(`${folder}/authors.yaml:3: id "jane" is used by two authors: author 1 (Jane, line 1) and author 2 (Jane Again, line 3); give each its own id`);
  });

  it('accepts an empty list, and reads the sources of a valid one', () => {
    writeFileSync(join(ROOT, folder, 'sources.yaml'), '[]\n');
    expect(loadContentProject(ROOT, folder).sources.sources).toEqual([]);
    writeFileSync(join(ROOT, folder, 'sources.yaml'), '- id: ap\n  name: Associated Press\n  url: https://apnews.com\n');
    expect(loadContentProject(ROOT, folder).sources.sources.map((s) => s.name)).toEqual(['Associated Press']);
  });
});
