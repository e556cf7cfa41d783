/**
 * Plain text pasted from a news page → the article model. Pasted pages follow a few habits
 * we rely on: the headline is the first line, the standfirst the next paragraph, every line
 * break is a paragraph break (browsers soft-wrap), a photo arrives as its caption pasted
 * once or more with its credit, and the page's furniture is mixed into the story.
 */
import { furnitureAt, isFurnitureLine, isHeadLabel, isRepeatedLabel, startsLikeFurniture } from './furniture.ts';
import { isHeadlineShaped, isLabelShaped, isNameShaped, isStoryShaped } from './line-shape.ts';
import { unitsOf, words, type Unit } from './lines.ts';
import type { BodyBlock, PageArticle } from './page-article.ts';
import { figureAt } from './photo-blocks.ts';
import { agencyDateline, bylineAt, dateLineOf, sourceLineOf } from './story-facts.ts';

/* -------------------------------------------------------------- headings */

/**
 * A short line that does not end a sentence: what a subheading looks like once the page's
 * styling is gone. Lists, lower-case fragments and numbers are not.
 */
function looksLikeHeading(text: string): boolean {
  if (text.length > 80 || words(text).length > 12 || !/\p{L}/u.test(text)) return false;
  if (/^\p{Ll}/u.test(text) || /^(?:[-*+•·▪–—]\s|\d+[.)]\s)/u.test(text)) return false;
  const last = text.replace(/["'”’»)\]]+$/u, '').at(-1) ?? '';
  return !/[.!?…:;,؟،۔。！？]/u.test(last);
}

const BULLET = /^[•·▪]\s+/u;

/* ------------------------------------------------------------------ the head */

/**
 * Where the headline is: the first headline-shaped line near the top that is not a label
 * (sponsor, kicker, skip link), a byline, a date or a name. Without one, the first line,
 * as before: in doubt, nothing is skipped.
 */
function headlineIndex(units: readonly Unit[]): number {
  const top = Math.min(units.length, 10);
  for (let i = 0; i < top; i++) {
    const text = units[i]!.text;
    const skippable = isHeadLabel(text) || isNameShaped(text) || dateLineOf(text) !== undefined || bylineAt(units, i) !== undefined || figureAt(units, i) !== undefined;
    if (!skippable && isHeadlineShaped(text)) return i;
    // Only labels, names, dates and photos are passed over; anything else ends the search.
    if (!skippable) break;
  }
  return 0;
}

/* ------------------------------------------------------------- the reader */

/** Reads pasted text into headline, standfirst, photos, subheadings and paragraphs. */
export function readPastedText(text: string): PageArticle {
  const units = unitsOf(text);
  const head = headlineIndex(units);
  const article: PageArticle = { title: units[head]?.text ?? '', standfirst: '', body: [], removed: [], sourceClues: [], dateLines: [], notes: [] };
  /** Paragraphs that look like subheadings, decided once their neighbours are known. */
  const candidates = new Set<BodyBlock>();
  // Pastes with blank lines between paragraphs let a group of lines be read as one box.
  const blankSeparated = units.length > 3 && units.filter((u) => u.blankBefore).length * 5 >= units.length * 2;
  let lastStory = -1;
  units.forEach((u, i) => {
    if (isStoryShaped(u.text) && !isFurnitureLine(u.text)) lastStory = i;
  });
  const context = { lastStory };
  /** A name standing alone above the headline: the byline when the page gives no other. */
  let nameAbove: string | undefined;
  let inHead = true;
  const readDateline = (paragraph: string) => {
    const dateline = article.dateline === undefined ? agencyDateline(paragraph) : undefined;
    if (!dateline) return;
    article.dateline = dateline.place;
    article.sourceClues.push(dateline.source);
  };
  const takeByline = (i: number): number | undefined => {
    const byline = article.byline === undefined ? bylineAt(units, i) : undefined;
    if (!byline) return undefined;
    article.byline = byline.byline;
    if (byline.place !== undefined && article.dateline === undefined) article.dateline = byline.place;
    if (byline.source) article.sourceClues.push(byline.source);
    if (byline.removed.length) article.removed.push(...byline.removed);
    return byline.end;
  };

  // What stands above the headline is the page's: a byline is read, the rest reported.
  for (let i = 0; i < head; ) {
    const byline = takeByline(i);
    if (byline !== undefined) {
      i = byline;
      continue;
    }
    const line = units[i]!.text;
    const date = dateLineOf(line);
    if (date) article.dateLines.push(date);
    else if (isNameShaped(line) && nameAbove === undefined) nameAbove = line;
    else {
      article.removed.push(line);
      const clue = sourceLineOf(line);
      if (clue) article.sourceClues.push(clue);
    }
    i++;
  }

  for (let i = head + 1; i < units.length; ) {
    const unit = units[i]!;
    const date = dateLineOf(unit.text);
    if (date) {
      article.dateLines.push(date);
      i++;
      continue;
    }
    const photo = figureAt(units, i);
    if (photo) {
      const { figure } = photo;
      if (!figure.caption) article.notes.push(`line ${figure.line}: a photo credit (${figure.credit}) with no caption; write the caption or delete the figure`);
      if (figure.credit === undefined) article.notes.push(`line ${figure.line}: the photo "${figure.caption}" has no credit; add who took it`);
      article.removed.push(...photo.removed);
      if (inHead && !article.lead) article.lead = figure;
      else article.body.push({ kind: 'figure', figure });
      i = photo.end;
      continue;
    }
    if (inHead) {
      const byline = takeByline(i);
      if (byline !== undefined) {
        i = byline;
        continue;
      }
    }
    const furniture = furnitureAt(units, i, context, blankSeparated);
    if (furniture) {
      article.removed.push(furniture.lines.join(' | '));
      for (const line of furniture.lines) {
        const clue = sourceLineOf(line);
        if (clue) article.sourceClues.push(clue);
      }
      i = furniture.end;
      continue;
    }
    if (startsLikeFurniture(unit.text)) {
      article.notes.push(`line ${unit.line}: "${unit.text.slice(0, 60)}…" starts like page furniture but goes on as a sentence, so it was kept; delete it if it is not the story's`);
    }
    if (inHead) {
      if (!article.standfirst) {
        // A short label or a name between the headline and the standfirst is the page's.
        if (!isStoryShaped(unit.text) && (isHeadLabel(unit.text) || isRepeatedLabel(units, i) || isNameShaped(unit.text)) && units.slice(i + 1).some((u) => isStoryShaped(u.text))) {
          if (isNameShaped(unit.text) && article.byline === undefined && nameAbove === undefined) nameAbove = unit.text;
          else article.removed.push(unit.text);
          i++;
          continue;
        }
        article.standfirst = unit.text;
        readDateline(unit.text);
        i++;
        continue;
      }
      inHead = false;
    }
    // "Hana Yusuf, contributing writer": the writer's name again, with a role, not a sentence.
    const writer = article.byline ?? nameAbove;
    if (isRepeatedLabel(units, i) || (writer !== undefined && unit.text.startsWith(writer) && unit.text !== writer && isLabelShaped(unit.text, 10))) {
      article.removed.push(unit.text);
      i++;
      continue;
    }
    if (BULLET.test(unit.text)) {
      const items: string[] = [];
      for (; i < units.length && BULLET.test(units[i]!.text); i++) items.push(units[i]!.text.replace(BULLET, ''));
      article.body.push({ kind: 'list', items });
      continue;
    }
    const block: BodyBlock = { kind: 'paragraph', text: unit.text };
    if (looksLikeHeading(unit.text)) candidates.add(block);
    else readDateline(unit.text);
    article.body.push(block);
    i++;
  }
  if (article.byline === undefined && nameAbove !== undefined) {
    article.byline = nameAbove;
    article.notes.push(`byline: "${nameAbove}" stands alone near the headline and was taken as the writer's name; delete it from the byline if it is not`);
  }

  // A lone short line followed by a paragraph is a subheading; several in a row are a
  // list or a table the page lost, which only the editor can rebuild.
  article.body = article.body.map((block, index, all) => {
    if (!candidates.has(block) || block.kind !== 'paragraph') return block;
    const before = all[index - 1];
    const after = all[index + 1];
    const inRun = (before !== undefined && candidates.has(before)) || (after !== undefined && candidates.has(after));
    if (inRun) return block;
    return after?.kind === 'paragraph' ? { kind: 'heading', text: block.text } : block;
  });
  const kept = article.body.flatMap((b, i, all) =>
    b.kind === 'paragraph' && candidates.has(b) && (candidates.has(all[i - 1]!) || candidates.has(all[i + 1]!)) ? [b.text] : [],
  );
  if (kept.length) {
    article.notes.push(`${kept.length} short lines in a row were kept as paragraphs (starting "${kept[0]}"); make them a list or subheadings if that is what they were`);
  }
  return article;
}
