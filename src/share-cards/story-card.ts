/**
 * Which share image a story gets and what its card says, from the view the page shows:
 * pure, so the choice and the card's words are tested without a build.
 */
import type { ArticleView } from '../lib/article-view.ts';
import { formatArticleDay } from '../lib/dates.ts';
import { CARD_HEIGHT, CARD_WIDTH, cardKey, type CardContent } from './layout.ts';

/** Where cards go in the output folder; the share-card integration alone fills and empties it. */
export const CARD_FOLDER = 'cards/';

export interface StoryCard {
  content: CardContent;
  /** The card's file, relative to the output folder: named by its key, so a changed card gets a new address and no stale copy is served from a cache. */
  file: string;
  width: number;
  height: number;
  /** What the card shows, as text, for og:image:alt and twitter:image:alt. */
  alt: string;
}

export function storyCardContent(view: ArticleView, siteName: string): CardContent {
  const { article } = view;
  return {
    headline: article.title,
    // The kind of work ("Analysis", "Opinion", "Paid content · from …"); news leaves it empty.
    kindLabel: view.kindLabel ?? '',
    source: view.source.name,
    dateText: formatArticleDay(article.published, article.lang),
    siteName,
    lang: article.lang,
    dir: article.dir,
  };
}

export function storyCard(view: ArticleView, siteName: string): StoryCard {
  const content = storyCardContent(view, siteName);
  const byline = [content.source, content.dateText].join(' · ');
  return {
    content,
    file: `${CARD_FOLDER}${cardKey(content)}.png`,
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    alt: [content.kindLabel, content.headline, byline].filter(Boolean).join(' — '),
  };
}
