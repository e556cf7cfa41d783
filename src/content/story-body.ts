/**
 * A story's body for a page or a feed: Astro's `render()` of its collection entry, with the
 * HTML the loader kept in the cache folder (src/build-cache/rendered-bodies.ts) instead of
 * in the store. Photos in the text are filled in by Astro as for any rendered entry.
 */
import { cacheDir } from 'astro:config/server';
import { render, type CollectionEntry } from 'astro:content';
import { readRenderedBody } from '../build-cache/rendered-bodies.ts';

export function renderStory(entry: CollectionEntry<'articles'>): ReturnType<typeof render> {
  const html = readRenderedBody(new URL(cacheDir), String(entry.digest));
  return render({ ...entry, rendered: { ...entry.rendered, html } });
}
