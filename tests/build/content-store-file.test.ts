/**
 * The content store's module, split into pieces so V8 compiles it in linear time
 * (src/integrations/content-store-pieces.ts), must still give exactly the same store.
 */
import { describe, expect, it } from 'vitest';
import { splitStoreModule } from '../../src/integrations/content-store-pieces.ts';

/** What the module exports, by running its code. */
function run(code: string): unknown {
  return new Function(code.replace(/^export default /, 'return '))() as unknown;
}

/** Astro's form of the module (vite-plugin-content-virtual-mod.js). */
const astroModule = (json: string) => `export default JSON.parse(${JSON.stringify(json)})`;

describe('the content store module in pieces', () => {
  it('gives exactly the same store, quotes, escapes, Arabic and emoji included, whatever a piece boundary cuts', () => {
    const store = [['Map', 1, 2], 'articles', { html: '<p class="x">Aid & "water"\n\\ — حلب 🇸🇾 “quoted”</p>', n: 3 }];
    const json = JSON.stringify([store, store, store]);
    // Pieces of one character cut every surrogate pair (the emoji) in two; joined, they are whole again.
    for (const piece of [1, 2, 3, 7, 64]) {
      const code = splitStoreModule(astroModule(json), piece);
      expect(code).toBeDefined();
      expect(run(code!)).toEqual(run(astroModule(json)));
    }
  });

  it('splits a store into literals of at most the piece size, and leaves a small one alone', () => {
    const json = JSON.stringify({ text: 'a'.repeat(2500) });
    const code = splitStoreModule(astroModule(json), 1000)!;
    expect(code.match(/"(?:[^"\\]|\\.)*"/g)!.map((literal) => (JSON.parse(literal) as string).length)).toEqual([1000, 1000, json.length - 2000]);
    expect(splitStoreModule(astroModule(json), json.length)).toBeUndefined();
  });

  it('leaves any other module as it is', () => {
    expect(splitStoreModule('export default new Map()', 1)).toBeUndefined();
    expect(splitStoreModule('export default JSON.parse(notAString)', 1)).toBeUndefined();
    expect(splitStoreModule(`export default JSON.parse(${JSON.stringify('"x"')}, reviver)`, 1)).toBeUndefined();
  });
});
