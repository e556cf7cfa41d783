/**
 * News sources: canonical names, aliases and domains, and matching what an editor
 * wrote (a name, an alias or a URL) to one of them. An unknown host is never guessed
 * into a known source.
 */
import { distance } from 'fastest-levenshtein';
import type { ListLines } from './yaml-errors.ts';

export interface Source {
  /** Stable id, used in URLs (/sources/<id>/). */
  id: string;
  /** Canonical name as shown to readers, e.g. "The Media Line". */
  name: string;
  /** Home page. */
  url: string;
  aliases: string[];
  /** Hosts that belong to the source, lower-case, without "www.". */
  domains: string[];
}

export interface SourceRegistry {
  sources: readonly Source[];
  /** The file the list was read from, for messages. */
  file: string;
  /** Finds the source an editor meant, or undefined. */
  match(input: string): Source | undefined;
  /** The known name closest to an unmatched input, for "did you mean …?". */
  suggest(input: string): string | undefined;
}

/** Lower-cased host without a leading "www.", or undefined when the text is no URL or host. */
export function hostOf(input: string): string | undefined {
  const text = input.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : /^[\w-]+(\.[\w-]+)+(\/.*)?$/.test(text) ? `https://${text}` : undefined;
  if (!withScheme) return undefined;
  try {
    return new URL(withScheme).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

function key(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/^the /, '');
}

export class SourceListError extends Error {}


/** Checks the raw entries of content/sources.yaml and builds the lookup tables once. */
export function createSourceRegistry(raw: unknown, file = 'content/sources.yaml', lineOf: ListLines = () => undefined): SourceRegistry {
  if (!Array.isArray(raw)) throw new SourceListError(`${file}: expected a list of sources`);
  const at = (...path: (string | number)[]) => {
    const line = lineOf(path) ?? lineOf(path.slice(0, 1));
    return line ? `${file}:${line}` : file;
  };
  const sources: Source[] = raw.map((entry: unknown, index) => {
    const where = `${at(index)}: source ${index + 1}`;
    if (!entry || typeof entry !== 'object') throw new SourceListError(`${where}: expected a mapping with id, name and url`);
    const e = entry as Record<string, unknown>;
    for (const field of ['id', 'name', 'url'] as const) {
      if (typeof e[field] !== 'string' || !(e[field] as string).trim()) {
        throw new SourceListError(`${at(index, field)}: source ${index + 1}: ${field}: expected text, got ${JSON.stringify(e[field] ?? null)}`);
      }
    }
    const url = e.url as string;
    const home = hostOf(url);
    if (!home) throw new SourceListError(`${at(index, 'url')}: source ${index + 1}: url: "${url}" is not a URL`);
    const list = (value: unknown, field: string): string[] => {
      if (value === undefined || value === null) return [];
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
        throw new SourceListError(`${at(index, field)}: source ${index + 1}: ${field}: expected a list of text`);
      }
      return value as string[];
    };
    const aliases = list(e.aliases, 'aliases');
    const domains = [...new Set([home, ...list(e.domains, 'domains').map((d) => d.toLowerCase().replace(/^www\./, ''))])];
    return { id: (e.id as string).trim(), name: (e.name as string).trim(), url, aliases, domains };
  });

  const byKey = new Map<string, Source>();
  const byDomain = new Map<string, Source>();
  // Which entry each name came from, for a message that points at both.
  const entryOf = new Map<string, number>();
  sources.forEach((source, index) => {
    for (const name of [source.id, source.name, ...source.aliases]) {
      const k = key(name);
      const other = byKey.get(k);
      const first = entryOf.get(k);
      if (other && other !== source && first !== undefined) {
        const line = (i: number) => (lineOf([i]) ? `, line ${lineOf([i])}` : '');
        throw new SourceListError(
          `${at(index)}: "${name}" names two sources: source ${first + 1} (${other.name}${line(first)}) and source ${index + 1} (${source.name}${line(index)}); ` +
            'a name, id or alias may name one source only: remove the repeated source, or change one of the names',
        );
      }
      byKey.set(k, source);
      entryOf.set(k, index);
    }
    for (const domain of source.domains) byDomain.set(domain, source);
  });

  function matchHost(host: string): Source | undefined {
    // news.example.com belongs to example.com; examplenews.com does not.
    for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
      const found = byDomain.get(h);
      if (found) return found;
    }
    return undefined;
  }

  return {
    sources,
    file,
    match(input) {
      const byName = byKey.get(key(input));
      if (byName) return byName;
      const host = hostOf(input);
      return host ? matchHost(host) : undefined;
    },
    suggest(input) {
      const wanted = key(input);
      let best: { name: string; distance: number } | undefined;
      for (const source of sources) {
        for (const name of [source.name, ...source.aliases]) {
          const d = distance(wanted, key(name));
          if (!best || d < best.distance) best = { name: source.name, distance: d };
        }
      }
      return best && best.distance <= Math.max(3, Math.floor(wanted.length / 2)) ? best.name : undefined;
    },
  };
}
