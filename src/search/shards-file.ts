/**
 * pagefind/shards.json: what the search page reads first. It lists the index's shards
 * (each a Pagefind bundle in pagefind/<id>/), the first one being the one whose script the
 * page loads, and for each the addresses of the stories it holds in an older version,
 * whose hits the page drops: their current version is in another shard.
 */
export const SHARDS_FILE = 'shards.json';

export interface ShardsFile {
  shards: { id: string; superseded?: string[] }[];
}
