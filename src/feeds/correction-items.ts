/**
 * A correction as a feed item: "Correction: <headline>", what was put right, dated the day of
 * the correction and linked to the correction itself at the end of the story. The publisher
 * issues corrections, so it is the item's author.
 */
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { ArticleView } from '../lib/article-view.ts';
import type { SiteCorrection } from '../lib/corrections.ts';
import { feedTimestamp, type FeedStory } from './feed-story.ts';

const paragraph = (...children: Element['children']): Element => ({ type: 'element', tagName: 'p', properties: {}, children });

export function correctionFeedItem({ item, change }: SiteCorrection<ArticleView>, storyUrl: string, publisher: { name: string; url: string }): FeedStory {
  const { article, labels } = item;
  // A tree written by hast-util-to-html, so the editor's text stays text.
  const body: Root = {
    type: 'root',
    children: [
      paragraph({ type: 'text', value: change.text }),
      paragraph({ type: 'element', tagName: 'a', properties: { href: storyUrl }, children: [{ type: 'text', value: article.title }] }),
    ],
  };
  return {
    url: `${storyUrl}#${change.id}`,
    title: `${labels.correction}: ${article.title}`,
    summary: change.text,
    contentHtml: toHtml(body),
    published: feedTimestamp(change.value),
    author: publisher,
    categories: article.topics.map((t) => ({ name: t.name, slug: t.slug })),
    lang: article.lang,
    dir: article.dir,
  };
}
