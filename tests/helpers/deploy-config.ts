/**
 * Readers for the deploy files' own formats: the server block of deploy/nginx.conf, the
 * _headers file of Netlify / Cloudflare Pages, and a Content-Security-Policy value. Small on
 * purpose: they read what this project writes, and throw on a line they cannot read.
 */

export interface NginxBlock {
  /** Directives of the server level, in order, comments stripped: [name, rest]. */
  directives: [string, string][];
  locations: { match: string; body: string }[];
}

/** Splits the server block into its own directives and its locations (one level deep). */
export function parseServerBlock(text: string): NginxBlock {
  const code = text
    .split('\n')
    .map((line) => line.replace(/(^|\s)#.*$/, ''))
    .join('\n');
  const open = code.indexOf('{');
  const close = code.lastIndexOf('}');
  let inner = code.slice(open + 1, close);
  const locations: NginxBlock['locations'] = [];
  inner = inner.replace(/location\s+([^{]+?)\s*\{([^{}]*)\}/g, (_m, match: string, body: string) => {
    locations.push({ match: match.trim(), body });
    return '';
  });
  const directives = splitDirectives(inner).map((d): [string, string] => {
    const space = d.indexOf(' ');
    return space < 0 ? [d, ''] : [d.slice(0, space), d.slice(space + 1)];
  });
  return { directives, locations };
}

/** Splits on the semicolons that end directives, not on those inside quoted values. */
function splitDirectives(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quote = '';
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === ';') {
      out.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  out.push(current);
  return out.map((d) => d.trim().replace(/\s+/g, ' ')).filter(Boolean);
}

export function unquote(value: string): string {
  return /^".*"$/.test(value) || /^'.*'$/.test(value) ? value.slice(1, -1) : value;
}

/** nginx `add_header Name "value" always;` lines of the server level. */
export function nginxHeaders(block: NginxBlock): Map<string, { value: string; always: boolean }> {
  const headers = new Map<string, { value: string; always: boolean }>();
  for (const [name, rest] of block.directives) {
    if (name !== 'add_header') continue;
    const m = /^(\S+)\s+("[^"]*"|'[^']*'|\S+)\s*(always)?$/.exec(rest);
    if (!m) throw new Error(`cannot read add_header ${rest}`);
    headers.set(m[1]!, { value: unquote(m[2]!), always: m[3] === 'always' });
  }
  return headers;
}

export interface HeaderRule {
  path: string;
  headers: Map<string, string>;
}

/** The _headers format: a path line, then indented "Name: value" lines. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const raw of text.split('\n')) {
    if (!raw.trim() || raw.trim().startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      rules.push({ path: raw.trim(), headers: new Map() });
      continue;
    }
    const rule = rules.at(-1);
    const m = /^\s+([A-Za-z0-9-]+):\s*(.*)$/.exec(raw);
    if (!rule || !m) throw new Error(`public/_headers: cannot read line ${JSON.stringify(raw)}`);
    if (rule.headers.has(m[1]!)) throw new Error(`public/_headers: ${m[1]} twice under ${rule.path}`);
    rule.headers.set(m[1]!, m[2]!.trim());
  }
  return rules;
}

/** CSP as directive → sorted sources, so the comparison ignores order and spacing. */
export function cspDirectives(policy: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of policy.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...sources] = part.split(/\s+/);
    out[name!.toLowerCase()] = sources.sort().join(' ');
  }
  return out;
}
