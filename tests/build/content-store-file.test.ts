/**
 * The content store's module, read from Astro's own store file when the build renders
 * (src/integrations/content-store-file.ts), must give exactly the store Astro's module gives.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { storeFileModule } from '../../src/integrations/content-store-file.ts';
import { ROOT } from '../helpers/build-site.ts';

/** What a module exports, by importing it from a file as the build does. */
async function load(dir: string, name: string, code: string): Promise<unknown> {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, code);
  return ((await import(pathToFileURL(file).href)) as { default: unknown }).default;
}

/** Astro's form of the module (vite-plugin-content-virtual-mod.js): the file's text as one literal. */
const astroModule = (json: string) => `export default JSON.parse(${JSON.stringify(json)})`;

const dir = resolve(ROOT, '.tmp/content-store-file', String(process.pid));
// A folder name the path literal in the module must survive: quotes, a backslash, spaces and Arabic.
const storeDir = join(dir, `it's "a" \\ مجلد`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the content store read from a file', () => {
  it('gives exactly the store Astro’s module gives, quotes, escapes, Arabic and emoji included', async () => {
    mkdirSync(storeDir, { recursive: true });
    const store = [['Map', 1, 2], 'articles', { html: '<p class="x">Aid & "water"\n\\ — حلب 🇸🇾 “quoted”\u2028</p>', n: 3 }];
    const json = JSON.stringify([store, store]);
    writeFileSync(join(storeDir, 'data-store.json'), json);
    const fromFile = await load(dir, 'from-file', storeFileModule(join(storeDir, 'data-store.json')));
    expect(fromFile).toEqual(await load(dir, 'astro', astroModule(json)));
    expect(fromFile).toEqual([store, store]);
  });
});
