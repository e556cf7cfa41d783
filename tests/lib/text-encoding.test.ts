/**
 * Article files must be UTF-8: a file in another encoding is refused with its encoding and
 * the line at fault, instead of being published with `�` in it or read as no frontmatter.
 */
import { describe, expect, it } from 'vitest';
import { decodeArticleText } from '../../src/lib/text-encoding.ts';

const story = '---\ntitle: Café reopens in “the old town”\nstandfirst: S.\n---\n\nText.\n';
const SAVE = 'save it again as UTF-8 (most editors offer it under Save As or Encoding)';

/** Bytes of `text` in a single-byte Windows code page (TextEncoder only writes UTF-8). */
function windows1252(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1252');
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Uint8Array.from([...text].map((char) => table.get(char) ?? 0x3f));
}

function utf16le(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf16le'));
}

describe('reading an article file', () => {
  it('reads UTF-8 as it is, a UTF-8 byte-order mark included', () => {
    expect(decodeArticleText(new TextEncoder().encode(story))).toEqual({ text: story });
    expect(decodeArticleText(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(story)]))).toEqual({ text: `\uFEFF${story}` });
  });

  it('refuses Windows-1252, naming the encoding and the line', () => {
    expect(decodeArticleText(windows1252(story))).toEqual({
      problem: { line: 2, message: `the file is not UTF-8 text: it looks like windows-1252, and line 2 ("title: Café reopens in “the old town”") has bytes UTF-8 does not allow; ${SAVE}` },
    });
  });

  it('refuses UTF-16 and UTF-32 by their byte-order marks', () => {
    expect(decodeArticleText(utf16le(`\uFEFF${story}`)).problem).toEqual({ line: 1, message: `the file is UTF-16 (little-endian) text (it starts with that encoding's byte-order mark), not UTF-8; ${SAVE}` });
    expect(decodeArticleText(new Uint8Array(Buffer.from(`\uFEFF${story}`, 'utf16le').swap16())).problem?.message).toMatch(/^the file is UTF-16 \(big-endian\) text/);
    expect(decodeArticleText(Uint8Array.of(0xff, 0xfe, 0, 0, 0x2d, 0, 0, 0)).problem?.message).toMatch(/^the file is UTF-32 \(little-endian\) text/);
  });

  it('refuses UTF-16 without a byte-order mark by its NUL bytes', () => {
    expect(decodeArticleText(utf16le(story)).problem).toEqual({ line: 1, message: `the file is not UTF-8 text: line 1 holds NUL bytes, as UTF-16 text without a byte-order mark does; ${SAVE}` });
  });
});
