/**
 * Reads the loader's search records and writes the search documents
 * (./search-documents.ts), in a worker thread of the indexer's process: at 10,000 stories
 * the text read in takes about 190 MB, which the worker's end hands back at once, where
 * the indexer's own heap would keep most of it (about 110 MB more, after a full collection)
 * while Pagefind runs, at the time the build itself peaks.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readSearchRecords } from '../content/search-records.ts';
import { writeSearchDocuments } from './search-documents.ts';

export interface DocumentsJob {
  cacheDir: string;
  site: string;
  lang: string;
  storiesPerShard: number;
}

const job = workerData as DocumentsJob;
parentPort?.postMessage(writeSearchDocuments(job.site, readSearchRecords(new URL(job.cacheDir)) ?? [], job.lang, job.storiesPerShard));
