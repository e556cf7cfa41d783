/**
 * Puts every story's share card into <outDir>/cards/ at the end of the build. Pages name
 * their card and leave a note (src/build-cache/card-records.ts); here each card is taken from the
 * cache folder when a build already drew it, or drawn once (./draw-worker.ts) and kept
 * there. A card is named by a digest of what it shows, so a story whose headline, source,
 * date or language did not change keeps its card, and a changed story gets a new one. Cards
 * no page names any more are removed from the output folder and from the cache.
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cardFolder, collectCardRecords, type CardRecord } from '../build-cache/card-records.ts';
import { drawInWorker, type DrawJob } from './draw-worker.ts';
import { CARD_FOLDER } from './story-card.ts';

/** An article page's slug from its file in the output folder ("articles/<slug>/index.html"). */
function articleSlug(path: string): string | undefined {
  return /^articles\/([^/]+)\/index\.html$/.exec(path)?.[1];
}

function filesIn(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

export default function shareCards(): AstroIntegration {
  let cacheDir: URL | undefined;
  return {
    name: 'share-cards',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = config.cacheDir;
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        if (!cacheDir) throw new Error('share cards: the build started without its configuration');
        const root = fileURLToPath(dir);
        const kept = cardFolder(cacheDir);
        const published = join(root, CARD_FOLDER);
        // Every article page this build has, rendered now or kept from the last build.
        const slugs: string[] = [];
        for (const url of [...assets.values()].flat()) {
          const slug = articleSlug(relative(root, fileURLToPath(url)).split(sep).join('/'));
          if (slug) slugs.push(slug);
        }
        const wanted = new Map<string, CardRecord>();
        for (const record of collectCardRecords(cacheDir, slugs).values()) wanted.set(record.file, record);
        mkdirSync(kept, { recursive: true });
        mkdirSync(published, { recursive: true });
        // Every card's file is <outDir>/cards/<name>, kept in the cache folder under the same name.
        // Each folder is listed once: a look per card was seconds at 100,000 stories.
        const inPublished = new Set(filesIn(published));
        const inKept = new Set(filesIn(kept));
        const toDraw: DrawJob[] = [];
        const toCopy: string[] = [];
        let reused = 0;
        for (const [file, record] of wanted) {
          const name = file.slice(CARD_FOLDER.length);
          if (inPublished.has(name)) {
            reused += 1;
            continue;
          }
          if (inKept.has(name)) reused += 1;
          else toDraw.push({ record, target: join(kept, name) });
          toCopy.push(name);
        }
        await drawInWorker(root, toDraw);
        for (const name of toCopy) copyFileSync(join(kept, name), join(published, name));
        // Stale cards are neither shipped nor kept.
        const names = new Set([...wanted.keys()].map((file) => file.slice(CARD_FOLDER.length)));
        let removed = 0;
        for (const [folder, listed] of [[published, inPublished], [kept, inKept]] as const) {
          for (const name of listed) {
            if (names.has(name)) continue;
            rmSync(join(folder, name), { force: true });
            if (folder === published) removed += 1;
          }
        }
        logger.info(`drew ${toDraw.length}, reused ${reused} share card(s)${removed ? `, removed ${removed} no story names` : ''}`);
      },
    },
  };
}
