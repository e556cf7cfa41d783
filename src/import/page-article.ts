/**
 * The article as read from a news page — pasted text or a saved HTML page — before it is
 * written as our Markdown: headline, standfirst, photos, body blocks, what was taken out,
 * and what the page says about the story.
 */
import type { DateLine, SourceClue } from './story-facts.ts';

export interface PageFigure {
  /** The caption without its credit; empty when the page gave only a credit. */
  caption: string;
  /** The credit as printed, without its parentheses: "photo credit: Mohammad Bash. Via Shutterstock". */
  credit?: string;
  /** 1-based line of the pasted text where the photo starts (pastes only). */
  line?: number;
  /** The photo's address, only when its host is one the site may show (saved pages only). */
  src?: string;
  /** The photo's description for readers who cannot see it. */
  alt?: string;
}

export type BodyBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'figure'; figure: PageFigure }
  /** Markdown already written by a converter (saved pages); never raw HTML. */
  | { kind: 'markdown'; markdown: string };

export interface PageArticle {
  title: string;
  /** Empty when the page has nothing after the headline. */
  standfirst: string;
  byline?: string;
  /** The first photo before the body: the lead image. */
  lead?: PageFigure;
  body: BodyBlock[];
  /** Furniture taken out, as on the page, one entry per line or block. */
  removed: string[];
  /** Lines of the page naming who reported the story, in page order. */
  sourceClues: SourceClue[];
  /** The dateline's place ("Beirut"), when the story opens with one. */
  dateline?: string;
  /** Dates the page shows ("Published 1 June 2025"): suggestions, never used on their own. */
  dateLines: DateLine[];
  /** Dates the page states in machine-readable metadata (saved pages' JSON-LD). */
  published?: string;
  updated?: string;
  /** The page's own address, from its metadata. */
  url?: string;
  section?: string;
  lang?: string;
  /** What the editor should look at, one sentence each. */
  notes: string[];
}
