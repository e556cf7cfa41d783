/**
 * Article files are UTF-8. A file saved in another encoding would otherwise be read with
 * `�` in place of its accented letters (Windows-1252) or not be read at all (UTF-16 has a
 * NUL byte in every ASCII letter, so no "---" is found): this says which encoding it is in
 * and on which line, so the editor can save it again as UTF-8.
 *
 * The decoder is the platform's (TextDecoder with `fatal`); a byte-order mark tells UTF-16
 * and UTF-32 for certain; chardet only names the likeliest legacy encoding for the message.
 */
import { detect } from 'chardet';

export interface EncodingProblem {
  /** 1-based line of the first text that is not UTF-8. */
  line: number;
  message: string;
}

export type DecodedText = { text: string; problem?: undefined } | { text?: undefined; problem: EncodingProblem };

/** Longest first: UTF-32 LE's mark starts with UTF-16 LE's. */
const BYTE_ORDER_MARKS: readonly (readonly [readonly number[], string])[] = [
  [[0xff, 0xfe, 0x00, 0x00], 'UTF-32 (little-endian)'],
  [[0x00, 0x00, 0xfe, 0xff], 'UTF-32 (big-endian)'],
  [[0xff, 0xfe], 'UTF-16 (little-endian)'],
  [[0xfe, 0xff], 'UTF-16 (big-endian)'],
];

const SAVE_AS_UTF8 = 'save it again as UTF-8 (most editors offer it under Save As or Encoding)';

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((byte, i) => bytes[i] === byte);
}

/** The file's lines as bytes: a newline byte is never part of a longer UTF-8 sequence. */
function* lines(bytes: Uint8Array): Generator<Uint8Array> {
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      yield bytes.subarray(start, i);
      start = i + 1;
    }
  }
}

/** A short quotation of a line, as the guessed encoding reads it. */
function quote(line: Uint8Array, encoding: string | null): string {
  let text: string;
  try {
    text = new TextDecoder(encoding ?? 'windows-1252').decode(line);
  } catch {
    text = new TextDecoder('windows-1252').decode(line);
  }
  text = text.replace(/\r$/, '').trim();
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 59)}…` : text);
}

/** The file's text, or what keeps it from being read as UTF-8. A UTF-8 byte-order mark is fine. */
export function decodeArticleText(bytes: Uint8Array): DecodedText {
  const mark = BYTE_ORDER_MARKS.find(([prefix]) => startsWith(bytes, prefix));
  if (mark) return { problem: { line: 1, message: `the file is ${mark[1]} text (it starts with that encoding's byte-order mark), not UTF-8; ${SAVE_AS_UTF8}` } };
  // The whole file at once first: line by line only to find the line at fault.
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  if (!bytes.includes(0)) {
    try {
      return { text: utf8.decode(bytes) };
    } catch {
      // Found below.
    }
  }
  let number = 0;
  for (const line of lines(bytes)) {
    number++;
    // No text file holds a NUL; UTF-16 without a byte-order mark has one in every ASCII letter.
    if (line.includes(0)) {
      return { problem: { line: number, message: `the file is not UTF-8 text: line ${number} holds NUL bytes, as UTF-16 text without a byte-order mark does; ${SAVE_AS_UTF8}` } };
    }
    try {
      utf8.decode(line);
    } catch {
      const found = detect(bytes);
      const named = found && !/^UTF-/i.test(found) ? found : null;
      return {
        problem: {
          line: number,
          message: `the file is not UTF-8 text${named ? `: it looks like ${named}` : ''}, and line ${number} (${quote(line, named)}) has bytes UTF-8 does not allow; ${SAVE_AS_UTF8}`,
        },
      };
    }
  }
  // Unreachable: a file whose every line decodes decodes whole.
  return { text: utf8.decode(bytes) };
}
