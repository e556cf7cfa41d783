/**
 * What a story's share card shows and where: a pure description of the 1200 × 630 picture
 * that link previews (Open Graph, X/Twitter's summary_large_image) show for a story without
 * a lead photo. No drawing here (./draw.ts draws it with sharp), so the layout, the text
 * direction and the key that names the file are tested without rendering.
 *
 * Pango (through sharp) shapes and wraps the text: Arabic letters are joined and ordered
 * by HarfBuzz and FriBidi, not by this module. This module decides the boxes, the fonts,
 * the sizes to try, and the paragraph direction.
 */
import { createHash } from 'node:crypto';

/** Bump when the card's look changes: every card is then made again. */
export const CARD_DESIGN_VERSION = 2;

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** What a card shows; the card's key is made of these and nothing else. */
export interface CardContent {
  headline: string;
  /** The kind-of-work label ("Analysis"), in the story's language; empty for news. */
  kindLabel: string;
  source: string;
  /** The publication date as the story shows it. */
  dateText: string;
  siteName: string;
  /** The story's language (BCP 47). */
  lang: string;
  dir: 'ltr' | 'rtl';
}

/** The site's look, from src/styles/site.css (its light scheme: previews are light). */
export const CARD_COLOURS = {
  background: '#fdfcfa',
  text: '#1a1a1a',
  muted: '#555555',
  rule: '#d9d6d0',
  accent: '#8a1c1c',
} as const;

/**
 * Fontconfig family lists, closest first to site.css's --serif, --sans and --arabic: the
 * build machine's own fonts (docs/share-cards.md names what Debian needs: fonts-noto-core).
 */
const FONTS = {
  serif: 'Charter, Bitstream Charter, Noto Serif, DejaVu Serif, serif',
  sans: 'Noto Sans, DejaVu Sans, sans-serif',
  arabic: 'Noto Naskh Arabic, Noto Sans Arabic, serif',
  arabicSans: 'Noto Sans Arabic, Noto Naskh Arabic, sans-serif',
} as const;

export interface CardRect {
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
}

export interface CardText {
  role: 'kind' | 'headline' | 'byline' | 'site';
  /** Pango markup: the text escaped, in one coloured span, with a direction mark first. */
  markup: string;
  /** Fontconfig family list and weight, without the size. */
  font: string;
  /** Sizes in px to try in turn, largest first; the first whose text fits the box is used. */
  sizes: readonly number[];
  /** Extra space between lines, as a share of the size: Naskh's own lines are already tall. */
  leading: number;
  /** The box: x and width on the page, top edge, and the most height the text may take. */
  x: number;
  y: number;
  width: number;
  maxHeight: number;
  /** The text starts at the box's left edge (ltr) or right edge (rtl). */
  dir: 'ltr' | 'rtl';
}

export interface CardLayout {
  width: number;
  height: number;
  background: string;
  rects: CardRect[];
  texts: CardText[];
}

const MARGIN = 72;
const INNER = CARD_WIDTH - 2 * MARGIN;

/** Escapes text for Pango markup, which is XML: a headline's "<" or "&" is shown, not parsed. */
export function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * Pango takes a paragraph's direction from its first strong letter, so an Arabic story
 * whose source is "Example Wire" would lay out its byline left to right. A left-to-right
 * or right-to-left mark first sets the direction the story has.
 */
function directed(text: string, dir: 'ltr' | 'rtl'): string {
  return `${dir === 'rtl' ? '\u200f' : '\u200e'}${escapeMarkup(text.replace(/\s+/g, ' ').trim())}`;
}

function span(text: string, colour: string, dir: 'ltr' | 'rtl', extra = ''): string {
  return `<span foreground="${colour}"${extra}>${directed(text, dir)}</span>`;
}

/**
 * Headline sizes to try, largest first. A short headline starts large; every headline can
 * fall back to the smallest size, and ./draw.ts shortens one that does not fit even then.
 */
export function headlineSizes(headline: string): number[] {
  const ladder = [76, 68, 60, 54, 48, 42];
  const length = [...headline].length;
  const start = length <= 40 ? 0 : length <= 70 ? 1 : length <= 100 ? 2 : 3;
  return ladder.slice(start);
}

/** The headline cut at a word boundary to `words` words, with an ellipsis. */
export function shortenedHeadline(headline: string, words: number): string {
  const all = headline.trim().split(/\s+/);
  return words >= all.length ? headline.trim() : `${all.slice(0, Math.max(1, words)).join(' ')}…`;
}

export function cardLayout(content: CardContent): CardLayout {
  const { dir } = content;
  const arabic = dir === 'rtl' || /^ar\b/i.test(content.lang);
  const headlineFont = `${arabic ? FONTS.arabic : FONTS.serif} Bold`;
  const leading = arabic ? 0 : 0.18;
  const sansFont = arabic ? FONTS.arabicSans : FONTS.sans;
  // In a right-to-left line, a mark on each side of the dot keeps a Latin source name from
  // pulling the day's digits after it ("Example Wire · 19" read as one left-to-right run).
  const separator = dir === 'rtl' ? '\u200f · \u200f' : ' · ';
  const byline = [content.source, content.dateText].map((part) => part.trim()).filter(Boolean).join(separator);
  const texts: CardText[] = [];
  if (content.kindLabel.trim()) {
    texts.push({ role: 'kind', markup: span(content.kindLabel, CARD_COLOURS.accent, dir), font: `${sansFont} Bold`, sizes: [28], leading, x: MARGIN, y: 56, width: INNER, maxHeight: 44, dir });
  }
  texts.push(
    { role: 'headline', markup: span(content.headline, CARD_COLOURS.text, dir), font: headlineFont, sizes: headlineSizes(content.headline), leading, x: MARGIN, y: 112, width: INNER, maxHeight: 330, dir },
    { role: 'byline', markup: span(byline, CARD_COLOURS.muted, dir), font: sansFont, sizes: [30, 26], leading, x: MARGIN, y: 466, width: INNER, maxHeight: 48, dir },
    // The site's name is in the site's language, written as the masthead is.
    { role: 'site', markup: span(content.siteName, CARD_COLOURS.text, dir), font: `${FONTS.serif} Bold`, sizes: [36], leading: 0, x: MARGIN, y: 556, width: INNER, maxHeight: 50, dir },
  );
  return {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    background: CARD_COLOURS.background,
    rects: [
      // The accent rule across the top, and the hairline above the masthead, as on the site's pages.
      { x: 0, y: 0, width: CARD_WIDTH, height: 14, fill: CARD_COLOURS.accent },
      { x: MARGIN, y: 532, width: INNER, height: 2, fill: CARD_COLOURS.rule },
    ],
    texts,
  };
}

/** The card's key: a digest of everything it shows and of the design, so an unchanged story's card is reused. */
export function cardKey(content: CardContent): string {
  const { headline, kindLabel, source, dateText, siteName, lang, dir } = content;
  return createHash('sha256')
    .update(JSON.stringify([CARD_DESIGN_VERSION, headline, kindLabel, source, dateText, siteName, lang, dir]))
    .digest('hex')
    .slice(0, 16);
}
