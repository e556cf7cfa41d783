/**
 * What share cards cost to draw: `node scripts/bench/share-card-cost.ts [count]` draws
 * `count` cards (default 300) for the bench corpus's stories (none has a lead photo, so at
 * 10,000 stories a cold build draws 10,000 cards) and prints milliseconds per card, first
 * on one core (libvips on one thread, one card at a time), then as the build draws them
 * (one card per core at once). Not part of `npm run bench`; docs/share-cards.md has figures.
 */
import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import sharp from 'sharp';
import { drawCard } from '../../src/share-cards/draw.ts';
import { cardLayout, type CardContent } from '../../src/share-cards/layout.ts';
import { generateCorpus } from './corpus.ts';

const count = Number(process.argv[2] ?? 300);
const cards: CardContent[] = generateCorpus(1, count).map((file) => {
  const title = /^title: (.*)$/m.exec(file.text)?.[1] ?? '';
  const arabic = file.lang === 'ar';
  return {
    headline: title.replace(/^"|"$/g, ''),
    kindLabel: '',
    source: /^source: (.*)$/m.exec(file.text)?.[1] ?? '',
    dateText: arabic ? '19 مايو 2025' : '19 May 2025',
    siteName: 'The Reader',
    lang: file.lang,
    dir: arabic ? 'rtl' : 'ltr',
  };
});

async function run(label: string, threads: number, atOnce: number): Promise<void> {
  sharp.concurrency(threads);
  // Fontconfig and Pango start once per process; not part of any card's cost.
  await drawCard(cardLayout(cards[0]!));
  const limit = pLimit(atOnce);
  const cpu = process.cpuUsage();
  const start = performance.now();
  await Promise.all(cards.map((card) => limit(() => drawCard(cardLayout(card)))));
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  console.log(`${label}: ${(wall / count).toFixed(1)} ms per card wall, ${(cpuMs / count).toFixed(1)} ms CPU per card; 10,000 cards ≈ ${((wall / count) * 10).toFixed(0)} s`);
}

const cores = availableParallelism();
await run('one core', 1, 1);
await run(`${cores} cores, as the build draws them`, cores, cores);
