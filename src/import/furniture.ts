/**
 * Page furniture in pasted text: lines that belong to the page, not to the story (buttons,
 * labels, counters, time stamps, link lists, promos, sign-offs). It is told by its shape and
 * place (see line-shape.ts), not by a site's wording, in English and Arabic. Only a whole
 * line, or a block such as a link list under its label, is furniture: a line shaped like a
 * sentence is the reporter's and stays, whatever words it starts with.
 */
import { isShouted, sameText, type Unit } from './lines.ts';
import { addressesReader, isCallToReader, isCounter, isHeadlineShaped, isInterfaceLine, isLabelShaped, isStoryShaped, isTimestamp, shapeOf, wordsOf } from './line-shape.ts';
import { sourceLineOf } from './story-facts.ts';

/**
 * Furniture no shape gives away, because it is written as a sentence: a wire's sign-off
 * ("Reporting by …; Editing by …"), its standards line, and screen-reader list labels.
 */
const WRITTEN_FURNITURE: readonly RegExp[] = [
  /^(?:additional )?(?:reporting|writing) by [^.]{1,160}?(?:;|,)\s*(?:additional reporting|writing|editing) by [^.]{1,120}\.?$/iu,
  /^our standards:\s*.{0,120}$/iu,
  /^(?:list of \d+ items?|list \d+ of \d+|end of list)$/iu,
];

/** "Related: …", "Tags: …", «اقرأ أيضاً: …»: an interface label, a colon, and no sentence after it. */
function isLabelledLine(text: string): boolean {
  const m = /^([^:：|]{1,30})\s*[:：|]\s*(.+)$/u.exec(text);
  if (!m) return false;
  const label = m[1]!.trim();
  return wordsOf(label).length <= 3 && isInterfaceLine(label) && !isStoryShaped(m[2]!);
}

/** A line of rules or symbols only: "___", "* * *". */
function isRule(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text);
}

/** Whether a whole line is page furniture, by its shape alone. */
export function isFurnitureLine(text: string): boolean {
  if (text.length > 240) return false;
  if (isRule(text) || WRITTEN_FURNITURE.some((re) => re.test(text)) || sourceLineOf(text) !== undefined) return true;
  if (isCallToReader(text)) return true;
  if (isStoryShaped(text)) return false;
  return isInterfaceLine(text) || isTimestamp(text) || isCounter(text) || isLabelledLine(text);
}

/** A link list's label: an interface label ("Related topics", «الأكثر قراءة»), or any short label ending in a colon. */
export function isLinkListHeading(text: string): boolean {
  return (isInterfaceLine(text) && !isTimestamp(text) && !isCounter(text)) || (/[:：]$/u.test(text) && isLabelShaped(text.slice(0, -1), 5));
}

/**
 * A link title: headline-shaped, not a finished sentence. A line with a colon or a slash
 * ("تصوير: … / أ ف ب", "Photo: AP") may be a photo's credit, so it ends the list and stays.
 */
function isLinkTitle(text: string): boolean {
  return text.length <= 140 && isHeadlineShaped(text, 1) && !isStoryShaped(text) && !/[:：]|\s\/\s|\/\p{Lu}/u.test(text);
}

export interface FurnitureMatch {
  /** The lines removed, as pasted. */
  lines: string[];
  /** Index of the first unit after the furniture. */
  end: number;
  /** Why it was taken out, for the editor's report. */
  kind: 'line' | 'link list' | 'promo block' | 'form block';
}

/** What the paste reader knows about the paste as a whole when it looks at one line. */
export interface FurnitureContext {
  /** Index of the last story-shaped line: what comes after it is the page's tail. */
  lastStory: number;
}

/** "skip past newsletter promotion" … "after newsletter promotion": the promo between two markers. */
function promoBlock(units: readonly Unit[], start: number): FurnitureMatch | undefined {
  const open = /^skip past (.{3,40})$/iu.exec(units[start]!.text);
  if (!open) return undefined;
  const what = open[1]!.toLowerCase();
  const closing = units.findIndex((u, i) => i > start && u.text.toLowerCase() === `after ${what}`);
  // Without its closing marker the block's extent is unknown: remove the marker alone.
  if (closing === -1) return { lines: [units[start]!.text], end: start + 1, kind: 'line' };
  return { lines: units.slice(start, closing + 1).map((u) => u.text), end: closing + 1, kind: 'promo block' };
}

/**
 * A sign-up box pasted as one group of lines (no blank line inside): a heading, a pitch, an
 * email prompt, a button, and its consent sentence. The group goes as a whole only when most
 * of its lines are interface lines and its sentences are short; in a paste without blank
 * lines between paragraphs there are no groups to speak of, and nothing is taken.
 */
function formBlock(units: readonly Unit[], start: number, blankSeparated: boolean): FurnitureMatch | undefined {
  if (!blankSeparated || !units[start]!.blankBefore) return undefined;
  let end = start + 1;
  while (end < units.length && !units[end]!.blankBefore) end++;
  const group = units.slice(start, end).map((u) => u.text);
  if (group.length < 3 || group.length > 7) return undefined;
  const furniture = group.filter((t) => isFurnitureLine(t)).length;
  const short = group.every((t) => isFurnitureLine(t) || wordsOf(t).length <= 22);
  // Mostly controls; or two controls and the rest labels or lines that speak to the reader
  // ("in your inbox", "you agree to our terms"), which a news story does not.
  const boxText = group.every((t) => isFurnitureLine(t) || isLabelShaped(t, 10) || addressesReader(t));
  if (!short || !(furniture * 2 > group.length || (furniture >= 2 && boxText))) return undefined;
  return { lines: group, end, kind: 'form block' };
}

/** The furniture starting at unit `start`, or undefined when the unit is story. */
export function furnitureAt(units: readonly Unit[], start: number, context: FurnitureContext, blankSeparated: boolean): FurnitureMatch | undefined {
  const first = units[start]!.text;
  const promo = promoBlock(units, start);
  if (promo) return promo;
  const form = formBlock(units, start, blankSeparated);
  if (form) return form;
  // A label over headline-shaped lines is a link list ("Related topics", "Most read", "Tags:");
  // after the story's last sentence, any short label over such lines is one ("More from …").
  const trailing = context.lastStory >= 0 && start > context.lastStory;
  if (isLinkListHeading(first) || (trailing && isLabelShaped(first, 6))) {
    let end = start + 1;
    // In a paste with blank lines between paragraphs, a list's items follow one another without one.
    const inList = (u: Unit) => (isLinkTitle(u.text) || isFurnitureLine(u.text)) && !isLinkListHeading(u.text) && !(blankSeparated && u.blankBefore);
    while (end < units.length && inList(units[end]!)) end++;
    if (end > start + 1 && (trailing || isLinkListHeading(first))) return { lines: units.slice(start, end).map((u) => u.text), end, kind: 'link list' };
  }
  if (isFurnitureLine(first)) return { lines: [first], end: start + 1, kind: 'line' };
  return undefined;
}

/** A short line the page prints more than once ("Advertisement", a sponsor's name): the page's, not the story's. */
export function isRepeatedLabel(units: readonly Unit[], index: number): boolean {
  const text = units[index]!.text;
  return isLabelShaped(text, 6) && units.some((u, i) => i !== index && sameText(u.text, text));
}

/** A label over the headline: a kicker, a sponsor line, a shouted section name. */
export function isHeadLabel(text: string): boolean {
  const shape = shapeOf(text);
  return isFurnitureLine(text) || (!shape.endsSentence && (isShouted(text) || shape.words <= 3));
}

/** A story line that starts with an interface word but is a sentence (kept, and reported as kept). */
export function startsLikeFurniture(text: string): boolean {
  const firstTwo = wordsOf(text).slice(0, 2).join(' ');
  return isStoryShaped(text) && firstTwo !== '' && isInterfaceLine(firstTwo) && !isFurnitureLine(text);
}
