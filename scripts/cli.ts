/** What the editor commands share: how they fail and how they show paths. */
import { isAbsolute, relative } from 'node:path';

export function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

/** Relative to the project when inside it (what `npm run check` shows), else absolute. */
export function shownPath(path: string, root = process.cwd()): string {
  const rel = relative(root, path).split('\\').join('/');
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
