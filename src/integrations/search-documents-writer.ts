/**
 * Reads the loader's search records and writes the search documents
 * (./search-documents.ts), in a short-lived process of its own started by the indexer
 * (`fork(search-documents-writer.ts, [cacheDir, site, lang, storiesPerShard, salt])`), which
 * replies with one message. At 10,000 stories the text read in takes about 190 MB; kept in
 * the indexer's process it stayed there (200 MB after a full collection, and in a worker
 * thread for some 10 s after the thread ended) while Pagefind ran, at the moment the build
 * itself peaks. A process hands all of it back when it exits.
 */
import { readRecordFiles } from '../content/search-records.ts';
import { writeSearchDocuments } from './search-documents.ts';

const [cacheDir, site, lang, storiesPerShard, salt] = process.argv.slice(2);
if (!cacheDir || !site || !lang || !Number(storiesPerShard) || salt === undefined || !process.send) {
  throw new Error('search-documents-writer: run by the search indexer (cacheDir, site, lang, storiesPerShard, salt)');
}
const records = readRecordFiles(new URL(cacheDir)) ?? { files: [], searchable: 0 };
const shards = writeSearchDocuments(site, records.files, records.searchable, lang, Number(storiesPerShard), salt);
process.send?.(shards, () => process.disconnect?.());
