/**
 * Photo blocks in pasted text: a caption and its credit, in any order, each repeated any
 * number of times, in the forms news pages print them.
 */
import { namesPhotoSupplier } from '../lib/credits.ts';
import { isFurnitureLine } from './furniture.ts';
import { wordsOf } from './line-shape.ts';
import { isShouted, sameText, words, type Unit } from './lines.ts';
import type { PageFigure } from './page-article.ts';

const CREDIT_LABEL = String.raw`(?:(?:photo(?:graph)?s?|image|picture|pic)\s+credits?|credits?|photo(?:graph)?s?|photographer|images?|pictures?|pic|file(?:\s+photo)?|تصوير|الصورة|صورة)`;
/**
 * "photo credit: …", "credit: …", "Photo: …", "File: …", "تصوير: …", "Image source, …",
 * "Photo by …", "Courtesy of …", "© AFP": a credit's prefix word, before or after the caption.
 */
const LABELLED = new RegExp(String.raw`^(?:${CREDIT_LABEL}\s*:|image\s+source\s*,|(?:photo(?:graph)?|picture|image)\s+by\s|courtesy(?:\s+of)?\s|©\s*\p{L})\s*\S`, 'iu');
/**
 * A caption's prefix word: "Image caption, …" (public broadcasters' pages, which screen
 * readers announce), "Pictured: …", "Caption: …", «في الصورة: …».
 */
const CAPTION_LABEL = /^(?:image\s+caption\s*,|(?:photo\s+)?caption\s*:|pictured\s*:|above\s*:|في الصورة\s*:)\s*/iu;
/** "AP Photo/Hussein Malla" */
const AGENCY_PHOTO = /^\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?\s+Photos?\s*\/\s*\p{L}/u;
/** "AMIR COHEN/REUTERS", "John Smith/AFP via Getty Images", "Reuters/Amir Cohen" */
const SLASHED = /^(\p{Lu}[\p{L}\p{M}.'’& -]{0,60}?)\s*\/\s*(\p{Lu}[\p{L}\p{M}.'’& -]{0,60})$/u;

function isSlashedCredit(text: string): boolean {
  const m = SLASHED.exec(text);
  if (!m) return false;
  const name = m[1]!.trim();
  const agency = m[2]!.trim();
  const [agencyHead] = agency.split(/\s+via\s+/i);
  if (words(name).length > 6 || words(agencyHead ?? '').length > 6) return false;
  return (isShouted(text) && words(name).length >= 2) || /\svia\s/i.test(agency) || namesPhotoSupplier(agency) || namesPhotoSupplier(name);
}

function isCreditText(text: string): boolean {
  return text.length <= 150 && (LABELLED.test(text) || AGENCY_PHOTO.test(text) || isSlashedCredit(text));
}

/** A line naming only a photo agency: "Reuters", "Getty Images", "AFP via Getty Images", «رويترز». */
function isAgencyLine(text: string): boolean {
  return wordsOf(text).length <= 5 && namesPhotoSupplier(text.replace(/^\(|\)$/gu, ''));
}

/** Ends as a sentence or caption does; a slashed credit after anything else is likely prose. */
function endsSentence(text: string): boolean {
  return /[.!?…"”’)\]]$/u.test(text);
}

/** A whole line that is only a credit: "(photo credit: …)", "AMIR COHEN/REUTERS", "Photo: AP". */
function loneCredit(text: string): string | undefined {
  const inner = text.startsWith('(') && text.endsWith(')') ? text.slice(1, -1).trim() : text;
  if (!inner || !(isCreditText(inner) || isAgencyLine(inner))) return undefined;
  // "Image source," is a label for screen readers and "©" a mark, not part of the credit.
  return inner.replace(/^image\s+source\s*,\s*/iu, '').replace(/^©\s*/u, '');
}

/** A line labelled as a caption: "Image caption, Crowds gathered …" → the caption. */
function labelledCaption(text: string): string | undefined {
  return CAPTION_LABEL.test(text) ? text.replace(CAPTION_LABEL, '').trim() || undefined : undefined;
}

/**
 * A caption with its credit at the end: "… 2017. (photo credit: …)", "… Paris. Photo: AP",
 * "… on Monday [File: Jane Doe/AFP]", "… (تصوير: … / رويترز)".
 */
function inlineCredit(text: string): { caption: string; credit: string } | undefined {
  const paren = /^(.*?)\s*(?:\(([^()]+)\)|\[([^[\]]+)\])$/u.exec(text);
  if (paren) {
    const caption = paren[1]!.trim();
    const inner = (paren[2] ?? paren[3]!).trim();
    if (caption && (LABELLED.test(inner) || AGENCY_PHOTO.test(inner) || (isSlashedCredit(inner) && endsSentence(caption))) && inner.length <= 150) {
      return { caption, credit: inner };
    }
  }
  // Without parentheses the credit must follow a finished sentence and be short and
  // unpunctuated, or a paragraph mentioning "Credit: …" would become a photo.
  const breaks = /[.!?…"”’)]\s+/gu;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    const tail = text.slice(m.index + m[0].length);
    if (tail.length > 80 || words(tail).length > 8 || /[.!?…]$/u.test(tail)) continue;
    if (isCreditText(tail)) return { caption: text.slice(0, m.index + 1).trim(), credit: tail };
  }
  return undefined;
}

export interface FigureMatch {
  figure: PageFigure;
  /** Index of the first unit after the photo. */
  end: number;
  /** Page furniture inside the photo block ("Share", "Enlarge image", "1 of 3"), taken out. */
  removed: string[];
}

/** Furniture lines from `from` on, at most two: what a photo block may be interrupted by. */
function furnitureRun(units: readonly Unit[], from: number): number {
  let end = from;
  while (end < units.length && end < from + 2 && isFurnitureLine(units[end]!.text) && !loneCredit(units[end]!.text)) end++;
  return end;
}

/** A line that can be a caption: not furniture, not a credit, and not a long paragraph. */
function captionLike(text: string): boolean {
  return !isFurnitureLine(text) && !loneCredit(text) && wordsOf(text).length <= 45;
}

/**
 * A photo block starting at `start`: its caption and credit in any order, each repeated
 * any number of times, as one figure. Returns undefined when the unit is no photo.
 */
export function figureAt(units: readonly Unit[], start: number): FigureMatch | undefined {
  const first = units[start]!;
  const next = units[start + 1];
  let caption: string | undefined;
  let credit: string | undefined;
  const removed: string[] = [];
  const inline = inlineCredit(first.text);
  const lone = loneCredit(first.text);
  const labelled = labelledCaption(first.text);
  if (labelled) {
    caption = labelled;
  } else if (inline) {
    caption = inline.caption;
    credit = inline.credit;
  } else if (lone) {
    credit = lone;
  } else {
    // A plain line is a caption only when the next line (no blank between) is its
    // credit, repeats it with one, or simply repeats it; or when its credit follows
    // after a line or two of furniture ("Share", "Enlarge image").
    if (!next || !captionLike(first.text)) return undefined;
    const afterFurniture = furnitureRun(units, start + 1);
    const credited = units[afterFurniture];
    if (afterFurniture > start + 1 && credited && loneCredit(credited.text) && !startsPhoto(units, afterFurniture)) {
      caption = first.text;
      removed.push(...units.slice(start + 1, afterFurniture).map((u) => u.text));
      credit = loneCredit(credited.text)!;
      return { figure: { caption, credit, line: first.line }, end: afterFurniture + 1, removed };
    }
    if (next.blankBefore) return undefined;
    const nextInline = inlineCredit(next.text);
    if (!loneCredit(next.text) && !(nextInline && sameText(nextInline.caption, first.text)) && !sameText(next.text, first.text)) {
      return undefined;
    }
    // The credit below opens the next photo when a caption follows it directly.
    if (loneCredit(next.text) && startsPhoto(units, start + 1) && !sameText(units[start + 2]!.text, first.text)) return undefined;
    caption = first.text;
  }

  let end = start + 1;
  for (; end < units.length; end++) {
    const unit = units[end]!;
    // A share line or an "Enlarge" button between the caption and its credit.
    if (caption !== undefined && credit === undefined && isFurnitureLine(unit.text) && !loneCredit(unit.text)) {
      const resume = furnitureRun(units, end);
      const there = units[resume];
      const thereCredit = there && loneCredit(there.text);
      if (resume > end && thereCredit && !startsPhoto(units, resume)) {
        removed.push(...units.slice(end, resume).map((u) => u.text));
        credit = thereCredit;
        end = resume;
        continue;
      }
    }
    const withCredit = inlineCredit(unit.text);
    const creditOnly = withCredit ? undefined : loneCredit(unit.text);
    const sameCredit = (c: string) => credit !== undefined && sameText(c, credit);
    if (withCredit) {
      const captionFits = caption === undefined ? !unit.blankBefore : sameText(withCredit.caption, caption);
      const creditFits = credit === undefined ? !unit.blankBefore : sameCredit(withCredit.credit);
      if (!captionFits || !creditFits) break;
      caption ??= withCredit.caption;
      credit ??= withCredit.credit;
    } else if (creditOnly) {
      if (!(sameCredit(creditOnly) || (credit === undefined && !unit.blankBefore))) break;
      credit ??= creditOnly;
    } else if (labelledCaption(unit.text) !== undefined) {
      // A labelled caption belongs to the credit just before it, or repeats the caption.
      const text = labelledCaption(unit.text)!;
      if (caption !== undefined ? !sameText(text, caption) : unit.blankBefore) break;
      caption ??= text;
    } else if (caption !== undefined) {
      // A repeat of the caption, even after a blank line, is still the same photo.
      if (!sameText(unit.text, caption)) break;
    } else {
      // Credit first, then the caption on the next line, with no blank between; a later
      // repeat with the same credit confirms it even after a blank line.
      const after = units[end + 1];
      const confirm = after && inlineCredit(after.text);
      const confirmed = confirm && sameText(confirm.caption, unit.text) && sameCredit(confirm.credit);
      if (unit.blankBefore && !confirmed) break;
      if (!captionLike(unit.text) && !confirmed) break;
      caption = unit.text;
    }
  }
  return { figure: { caption: caption ?? '', ...(credit !== undefined ? { credit } : {}), line: first.line }, end, removed };
}

/**
 * Whether a lone credit at `index` opens a photo whose caption follows it directly. A credit
 * that hangs, with no blank line, under a button of the photo block above ("Enlarge") is
 * that photo's, even in a paste without blank lines.
 */
function startsPhoto(units: readonly Unit[], index: number): boolean {
  const next = units[index + 1];
  const under = units[index - 1];
  const hangsUnderButton = !units[index]!.blankBefore && under !== undefined && isFurnitureLine(under.text);
  return next !== undefined && !next.blankBefore && captionLike(next.text) && inlineCredit(next.text) === undefined && !hangsUnderButton;
}

/**
 * One caption as a page prints it, split into caption and credit: "… Paris. Photo: AP",
 * "… on Monday [File: Jane Doe/AFP]", "Image source, Getty Images Image caption, …". A
 * caption without a recognised credit is returned whole.
 */
export function splitCaption(text: string): { caption: string; credit?: string } {
  const both = /^image\s+source\s*,\s*(.+?)\s*image\s+caption\s*,\s*(.+)$/iu.exec(text);
  if (both) return { caption: both[2]!.trim(), credit: both[1]!.trim() };
  const caption = labelledCaption(text) ?? text.trim();
  const inline = inlineCredit(caption);
  if (inline) return inline;
  const lone = loneCredit(caption);
  if (lone) return { caption: '', credit: lone };
  return { caption };
}
