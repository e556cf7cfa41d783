/**
 * The search index's shards as the cache folder keeps them between builds: the last
 * build's plan (which stories each shard holds, src/search/shard-plan.ts) and each shard's
 * Pagefind files, in a folder named by the shard's id. A shard's files never change under
 * its id, so a build copies to the output folder only the shards it does not have yet.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { ShardPlan } from '../search/shard-plan.ts';
import { cacheFile, writeWhole } from './layout.ts';

const PLAN = 'search/shards/plan.json';

/** The folder of one shard's Pagefind files (written by Pagefind, which makes it). */
export function shardFolder(cacheDir: URL, id: string): string {
  return cacheFile(cacheDir, `search/shards/${id}/`);
}

/** Last build's plan, if its every shard is still in the cache folder. */
export function readShardPlan(cacheDir: URL): ShardPlan | undefined {
  try {
    const plan = JSON.parse(readFileSync(cacheFile(cacheDir, PLAN), 'utf8')) as ShardPlan;
    return plan.shards.every((shard) => existsSync(`${shardFolder(cacheDir, shard.id)}pagefind-entry.json`)) ? plan : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps this plan for the next build and removes the folders of shards it no longer has. */
export function writeShardPlan(cacheDir: URL, plan: ShardPlan): void {
  mkdirSync(new URL('search/shards/', cacheDir), { recursive: true });
  writeWhole(cacheFile(cacheDir, PLAN), JSON.stringify(plan));
  const ids = new Set(plan.shards.map((shard) => shard.id));
  for (const entry of readdirSync(cacheFile(cacheDir, 'search/shards/'), { withFileTypes: true })) {
    if (entry.isDirectory() && !ids.has(entry.name)) rmSync(cacheFile(cacheDir, `search/shards/${entry.name}`), { recursive: true, force: true });
  }
}

/** Forgets the plan, so the next build writes every shard (a build whose indexing failed). */
export function forgetShardPlan(cacheDir: URL): void {
  rmSync(cacheFile(cacheDir, PLAN), { force: true });
}
