/**
 * The bytes of a paste or a page as text, in the character set the page declares (a byte
 * order mark, the HTTP Content-Type, or <meta charset>), else UTF-8. Bytes that are not
 * text (a photo, a PDF, random data) are refused rather than written as an article of
 * control characters; an .html file must hold a page.
 */

export type PageText = { ok: true; text: string; charset: string } | { ok: false; problem: string };

export interface DecodeOptions {
  /** What the bytes are called in messages: a file name or an address. */
  name: string;
  /** Whether the bytes should be an HTML page. */
  html: boolean;
  /** The HTTP Content-Type header, when the page was fetched. */
  contentType?: string;
}

/** Share of control characters (other than tab, line and page breaks) above which the input is not text. */
const MAX_CONTROL_SHARE = 0.005;
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffd]/gu;

function charsetOf(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
}

/** <meta charset="…"> or <meta http-equiv="Content-Type" content="…; charset=…"> in the page's first bytes. */
function metaCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  return /<meta\s[^>]*?charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function decoderFor(label: string | undefined): TextDecoder | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}

export function decodePageText(bytes: Uint8Array, options: DecodeOptions): PageText {
  const { name } = options;
  if (!bytes.length || !/\S/u.test(new TextDecoder().decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/u, ''))) {
    return { ok: false, problem: `${name} is empty; expected ${options.html ? 'a news page saved from the browser' : 'text pasted from a news page'}` };
  }
  // A byte order mark wins over any label, as in browsers.
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8' : bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  const declared = bom ?? charsetOf(options.contentType) ?? (options.html ? metaCharset(bytes) : undefined);
  // Undeclared bytes that are not UTF-8 are most often a Windows editor's: windows-1252.
  const decoder = decoderFor(declared) ?? (isUtf8(bytes) ? new TextDecoder('utf-8') : new TextDecoder('windows-1252'));
  const text = decoder.decode(bytes).replace(/^\uFEFF/u, '');
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > Math.max(2, text.length * MAX_CONTROL_SHARE)) {
    return {
      ok: false,
      problem: `${name} is not text: ${controls} of its ${text.length} characters are control bytes or not ${decoder.encoding} (a photo, PDF or other binary file?); expected ${options.html ? 'an HTML page' : 'text pasted from a news page, or a page saved as .html'}`,
    };
  }
  if (options.html && !/<(?:!doctype\s+html|html|head|body|article|main)\b/iu.test(text)) {
    return {
      ok: false,
      problem: `${name} is not an HTML page: it has no <html>, <head> or <body> tag; save the page again with "Save page as…" (HTML only), or paste its text into a .txt file and import that`,
    };
  }
  return { ok: true, text, charset: decoder.encoding };
}
