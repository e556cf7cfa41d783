/**
 * The article files as the last build found them: each file's stamp (size, times, inode)
 * and the digest of its text. A file whose stamp is the one recorded holds the text it held
 * then, so a build takes its digest from here instead of reading it: at 100,000 stories,
 * reading every file was seconds of every publish. Any write to a file changes its ctime,
 * and an editor's save that replaces it changes its inode.
 *
 * A file changed within the same tick of the file system's clock as the last build read it
 * can keep its stamp (git's "racily clean" files), so a stamp is trusted only when the file
 * was last written well before the record was taken; a file written later is read again.
 */
import { mkdirSync, readFileSync, type Stats } from 'node:fs';
import { cacheFile, writeWhole } from './layout.ts';

const FILE = 'article-stamps.json';

/** Longer than the coarsest file-time resolution in use (FAT's 2 s). */
const RACY_MS = 3000;

export type ArticleStamp = [size: number, mtimeMs: number, ctimeMs: number, ino: number];

export interface ArticleStampsRecord {
  /** When this build began looking at the files (ms since 1970). */
  takenAt: number;
  /** Path (as the loader names the file) → its stamp and the digest of its text. */
  files: Record<string, { stamp: ArticleStamp; textDigest: string }>;
}

export function stampOf(stat: Stats): ArticleStamp {
  return [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino];
}

export function readArticleStamps(cacheDir: URL): ArticleStampsRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(cacheFile(cacheDir, FILE), 'utf8')) as Partial<ArticleStampsRecord>;
    return typeof record.takenAt === 'number' && typeof record.files === 'object' && record.files !== null ? (record as ArticleStampsRecord) : undefined;
  } catch {
    return undefined;
  }
}

/** The digest of the file's text, when its stamp says it is the file the record saw; otherwise it must be read. */
export function knownTextDigest(record: ArticleStampsRecord | undefined, path: string, stamp: ArticleStamp): string | undefined {
  const entry = record?.files[path];
  if (!entry || entry.stamp.some((value, i) => value !== stamp[i])) return undefined;
  return stamp[1] < record!.takenAt - RACY_MS ? entry.textDigest : undefined;
}

export function writeArticleStamps(cacheDir: URL, record: ArticleStampsRecord): void {
  mkdirSync(cacheDir, { recursive: true });
  writeWhole(cacheFile(cacheDir, FILE), JSON.stringify(record));
}
