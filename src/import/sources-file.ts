/** Adding a source the import found to content/sources.yaml. */
import { topicSlug } from '../lib/slugs.ts';
import type { SourceRegistry } from '../lib/sources.ts';
import { yamlScalar } from './article-file.ts';
import type { SourceClue } from './story-facts.ts';

/** A sources.yaml entry for a source the text named that the list does not know. */
export interface NewSource {
  id: string;
  name: string;
  url: string;
  domains: string[];
}

export function newSourceEntry(promo: SourceClue & { host: string }, registry: SourceRegistry): NewSource {
  const base = topicSlug(promo.name) || topicSlug(promo.host.replace(/\./g, '-'));
  const taken = new Set(registry.sources.map((s) => s.id));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return { id, name: promo.name, url: `https://${promo.host}`, domains: [promo.host] };
}

/** The sources file's text with the entry appended; its comments and layout are left alone. */
export function appendSourceEntry(sourcesText: string, entry: NewSource): string {
  const lines = [
    `- id: ${yamlScalar(entry.id)}`,
    `  name: ${yamlScalar(entry.name)}`,
    `  url: ${yamlScalar(entry.url)}`,
    `  domains: ${yamlScalar(entry.domains)}`,
  ];
  const base = sourcesText.length && !sourcesText.endsWith('\n') ? `${sourcesText}\n` : sourcesText;
  return `${base}${lines.join('\n')}\n`;
}
