/**
 * Run by `npm install` (postinstall). Rewrites date-fns's `exports` map, 740 entries of one
 * shape (199 KB of package.json), as the one pattern they all follow.
 *
 * Why: for every ES module it loads, Node (24 and 26 alike) finds the package.json that scopes
 * it and JSON-parses that file's whole `exports` field again (the spread in
 * `getPackageScopeConfig` reads the lazily parsed field). date-fns is ~150 small modules, so
 * `import { parse } from 'date-fns/parse'` took 0.8–0.9 s, and 0.05 s with the pattern. Every
 * build pays that in its config, its content config and each render worker.
 *
 * The pattern maps every subpath the list had to the same files. If a date-fns release changes
 * the shape, the file is left as it is and a warning says so: slower, never broken.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Target = { require: { types: string; default: string }; import: { types: string; default: string } };

const PACKAGE_JSON = join(import.meta.dirname, '../node_modules/date-fns/package.json');
const PATTERN: Target = {
  require: { types: './*.d.cts', default: './*.cjs' },
  import: { types: './*.d.ts', default: './*.js' },
};

/** What the pattern gives for `subpath` ("./parse" → "./parse.js", ...). */
function expand(subpath: string): string {
  return JSON.stringify(PATTERN).replaceAll('./*', `./${subpath.slice(2)}`);
}

/** The compact map, or why the list cannot be replaced by the pattern. */
export function compact(exports: Record<string, unknown>): Record<string, unknown> | string {
  const explicit = new Set(['./package.json', '.']);
  for (const [subpath, target] of Object.entries(exports)) {
    if (explicit.has(subpath)) continue;
    if (subpath === './*') return 'already compact';
    if (JSON.stringify(target) !== expand(subpath)) return `"${subpath}" maps to ${JSON.stringify(target)}, not ${expand(subpath)}`;
  }
  return { './package.json': exports['./package.json'], '.': exports['.'], './*': PATTERN };
}

function main(): void {
  if (!existsSync(PACKAGE_JSON)) {
    console.warn(`compact-date-fns-exports: ${PACKAGE_JSON} not found; nothing to do`);
    return;
  }
  const pkg = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string; exports: Record<string, unknown> };
  const result = compact(pkg.exports);
  if (typeof result === 'string') {
    if (result !== 'already compact') console.warn(`compact-date-fns-exports: left date-fns ${pkg.version} as it is: ${result}`);
    return;
  }
  writeFileSync(PACKAGE_JSON, `${JSON.stringify({ ...pkg, exports: result }, null, 2)}\n`);
}

if (import.meta.main) main();
