/**
 * The site's writers (content/authors.yaml) and matching a story's `byline` to them, as
 * sources are matched (./sources.ts): by name, alias or id, ignoring case and spacing. A
 * byline may name several writers, as a YAML list or as printed ("A and B", "A, B and C").
 */
import { distance } from 'fastest-levenshtein';
import type { ListLines } from './yaml-errors.ts';

export interface Author {
  /** Stable id, used in URLs (/authors/<id>/). */
  id: string;
  /** The name as printed in a byline. */
  name: string;
  /** The writer's job, e.g. "Middle East correspondent". */
  role?: string;
  /** A short biography, plain text. */
  bio?: string;
  /** Areas of expertise, e.g. [Syria, Security]. */
  expertise: string[];
  /** Languages the writer works in, as BCP 47 tags (en, ar). */
  languages: string[];
  /** The writer's profiles elsewhere (http(s) addresses): schema.org sameAs. */
  links: string[];
  aliases: string[];
}

/** One writer of a story: a listed author, or a name printed as written (when the site allows it). */
export interface BylineName {
  name: string;
  author?: Author;
}

export interface AuthorRegistry {
  authors: readonly Author[];
  /** The file the list was read from, for messages. */
  file: string;
  /** The author a name, alias or id means, or undefined. */
  match(input: string): Author | undefined;
  /** The known name closest to an unmatched input, for "did you mean …?", or undefined when none is near. */
  suggest(input: string): string | undefined;
}

export class AuthorListError extends Error {}


const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function key(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Checks the raw entries of content/authors.yaml and builds the lookup table once. */
export function createAuthorRegistry(raw: unknown, file = 'content/authors.yaml', lineOf: ListLines = () => undefined): AuthorRegistry {
  // An empty file reads as null: a site without writers of its own yet.
  if (raw === null || raw === undefined) raw = [];
  if (!Array.isArray(raw)) throw new AuthorListError(`${file}: expected a list of authors, each with id and name`);
  const at = (...path: (string | number)[]) => {
    const line = lineOf(path) ?? lineOf(path.slice(0, 1));
    return line ? `${file}:${line}` : file;
  };
  const authors: Author[] = raw.map((entry: unknown, index) => {
    const where = `${at(index)}: author ${index + 1}`;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw new AuthorListError(`${where}: expected a mapping with id and name`);
    const e = entry as Record<string, unknown>;
    const known = ['id', 'name', 'role', 'bio', 'expertise', 'languages', 'links', 'aliases'];
    for (const field of Object.keys(e)) {
      if (!known.includes(field)) throw new AuthorListError(`${at(index, field)}: author ${index + 1}: ${field}: not a field of an author; expected ${known.join(', ')}`);
    }
    const text = (field: string, required: boolean): string | undefined => {
      const value = e[field];
      if ((value === undefined || value === null) && !required) return undefined;
      if (typeof value !== 'string' || !value.trim()) throw new AuthorListError(`${at(index, field)}: author ${index + 1}: ${field}: expected text, got ${JSON.stringify(value ?? null)}`);
      return value.trim();
    };
    const list = (field: string, check?: (item: string) => string | undefined): string[] => {
      const value = e[field];
      if (value === undefined || value === null) return [];
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !v.trim())) {
        throw new AuthorListError(`${at(index, field)}: author ${index + 1}: ${field}: expected a list of text, got ${JSON.stringify(value)}`);
      }
      const items = (value as string[]).map((v) => v.trim());
      for (const item of items) {
        const problem = check?.(item);
        if (problem) throw new AuthorListError(`${at(index, field)}: author ${index + 1}: ${field}: "${item}" ${problem}`);
      }
      return items;
    };
    const id = text('id', true)!;
    if (!ID.test(id)) throw new AuthorListError(`${at(index, 'id')}: author ${index + 1}: id: "${id}" is not a valid id; expected lower-case letters, digits and hyphens, such as jane-tester`);
    const role = text('role', false);
    const bio = text('bio', false);
    return {
      id,
      name: text('name', true)!,
      ...(role ? { role } : {}),
      ...(bio ? { bio } : {}),
      expertise: list('expertise'),
      languages: list('languages', (tag) => (LANG.test(tag) ? undefined : 'is not a language tag; expected one such as en or ar')),
      links: list('links', (link) => {
        try {
          return /^https?:$/.test(new URL(link).protocol) ? undefined : 'is not an http(s) address';
        } catch {
          return 'is not an http(s) address';
        }
      }),
      aliases: list('aliases'),
    };
  });

  const byKey = new Map<string, Author>();
  // Which entry each name and id came from, for a message that points at both.
  const entryOf = new Map<string, number>();
  const ids = new Map<string, number>();
  const line = (i: number) => (lineOf([i]) ? `, line ${lineOf([i])}` : '');
  authors.forEach((author, index) => {
    const first = ids.get(author.id);
    if (first !== undefined) {
      throw new AuthorListError(`${at(index, 'id')}: id "${author.id}" is used by two authors: author ${first + 1} (${authors[first]!.name}${line(first)}) and author ${index + 1} (${author.name}${line(index)}); give each its own id`);
    }
    ids.set(author.id, index);
    for (const name of [author.id, author.name, ...author.aliases]) {
      const k = key(name);
      const other = byKey.get(k);
      const owner = entryOf.get(k);
      if (other && other !== author && owner !== undefined) {
        throw new AuthorListError(
          `${at(index)}: "${name}" names two authors: author ${owner + 1} (${other.name}${line(owner)}) and author ${index + 1} (${author.name}${line(index)}); a name, id or alias may name one author only`,
        );
      }
      byKey.set(k, author);
      entryOf.set(k, index);
    }
  });

  return {
    authors,
    file,
    match: (input) => byKey.get(key(input)),
    suggest(input) {
      const wanted = key(input);
      let best: { name: string; distance: number } | undefined;
      for (const author of authors) {
        for (const name of [author.name, ...author.aliases]) {
          const d = distance(wanted, key(name));
          if (!best || d < best.distance) best = { name: author.name, distance: d };
        }
      }
      return best && best.distance <= nearEnough(wanted) ? best.name : undefined;
    },
  };
}

/**
 * How many edits still look like a misspelling of a name rather than another person: a
 * quarter of the name, at least one and at most three ("Jane Testor" for "Jane Tester", not
 * "Jane Doe" for "John Roe").
 */
function nearEnough(name: string): number {
  return Math.min(3, Math.max(1, Math.floor(name.length / 4)));
}

/**
 * The names a byline holds, in order. A list is taken as it is. Text is one name unless it
 * reads as several with at least one of them listed (or misspelt from a listed name): it is
 * then split at commas, " and " and " & " ("Jane Tester and Sam Example"). Text naming no
 * listed writer stays whole, so "John Smith, Reuters" is printed as written.
 */
export function bylineNames(byline: string | readonly string[], registry: AuthorRegistry): string[] {
  if (typeof byline !== 'string') return byline.map((name) => name.trim()).filter(Boolean);
  const text = byline.trim();
  if (!text) return [];
  if (registry.match(text)) return [text];
  const parts = text
    .split(/\s*,\s*|\s+and\s+|\s+&\s+/)
    .map((name) => name.trim())
    .filter(Boolean);
  return parts.length > 1 && parts.some((part) => registry.match(part) || registry.suggest(part)) ? parts : [text];
}

export type BylineProblem = { name: string; message: string };

/**
 * Matches each name of a byline to a listed author. A name not listed is kept as plain text
 * when `allowUnlisted` is set, unless it is within a few letters of a listed name: that is
 * almost always a misspelling, and printing it would hide the writer's page.
 */
export function matchByline(
  names: readonly string[],
  registry: AuthorRegistry,
  allowUnlisted: boolean,
): { names: BylineName[]; problems: BylineProblem[] } {
  const matched: BylineName[] = [];
  const problems: BylineProblem[] = [];
  for (const name of names) {
    const author = registry.match(name);
    if (author) {
      if (!matched.some((m) => m.author?.id === author.id)) matched.push({ name: author.name, author });
      continue;
    }
    const near = registry.suggest(name);
    if (allowUnlisted && !near) {
      matched.push({ name });
      continue;
    }
    problems.push({
      name,
      message:
        `"${name}" is not a known author; ` +
        (near ? `did you mean "${near}"? Known` : 'known') +
        ` authors are listed in ${registry.file}` +
        (allowUnlisted ? '' : ' (to print names that are not listed as plain text, set allowUnlistedBylines in src/site.config.ts)'),
    });
  }
  return { names: matched, problems };
}

/** A byline as printed: "A", "A and B", "A, B and C", with the language's "and". */
export function joinNames(names: readonly string[], lang: string): string {
  return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(names);
}

/** What an author's page prints of their languages: "English, Arabic" in the page's language. */
export function languageNames(tags: readonly string[], inLang: string): string[] {
  const names = new Intl.DisplayNames([inLang], { type: 'language', fallback: 'code' });
  return tags.map((tag) => names.of(tag) ?? tag);
}

/** A profile link's text: its host without "www." ("mastodon.social"), which says where it leads. */
export function linkText(url: string): string {
  const { hostname, pathname } = new URL(url);
  const host = hostname.replace(/^www\./, '');
  const path = pathname.replace(/\/$/, '');
  return path ? `${host}${path}` : host;
}

export type BylinePart = { kind: 'name'; byline: BylineName } | { kind: 'text'; text: string };

/** A byline's names with the language's separators between them, for a page to link each name. */
export function bylineParts(bylines: readonly BylineName[], lang: string): BylinePart[] {
  const parts = new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).formatToParts(bylines.map((b) => b.name));
  let next = 0;
  return parts.map((part) => (part.type === 'element' ? { kind: 'name', byline: bylines[next++]! } : { kind: 'text', text: part.value }));
}
