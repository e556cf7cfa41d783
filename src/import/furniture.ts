/**
 * Page furniture in pasted text: lines that belong to the page, not to the story (share
 * buttons, promos, link lists, sign-offs). Only a whole line, or a recognised block such as
 * a link list under its heading, is furniture: a sentence that merely starts with the same
 * words is the reporter's and stays.
 */
import type { Unit } from './lines.ts';
import { sourceLineOf } from './story-facts.ts';

/** Lines that are furniture when they are the whole line (case does not matter). */
const FURNITURE_LINES: readonly RegExp[] = [
  /^(?:share|save|print|email|e-mail|copy link|link copied|comments?|\d+ comments?|gift (?:this )?article)$/iu,
  /^share (?:this|the) (?:article|story|page)$/iu,
  /^share (?:on|via|to) (?:facebook|twitter|x|whatsapp|linkedin|telegram|email|reddit)$/iu,
  /^listen to (?:this|the) (?:article|story)(?:\s*[|·•-]?\s*\d+\s*min(?:ute)?s?)?$/iu,
  /^listen\s*\(\d+\s*min(?:ute)?s?\)$/iu,
  /^(?:advertisement|story continues below(?: this)? advertisement|article continues below|scroll to continue(?: with content)?)$/iu,
  /^(?:reuse this content|purchase licensing rights|most read|more from (?:this|the) (?:section|author))$/iu,
  /^our standards:\s*.{0,120}$/iu,
  /^(?:skip past|after) newsletter promotion$/iu,
  /^_{3,}$|^\*(?:\s*\*){2,}$/u,
  /^(?:list of \d+ items?|list \d+ of \d+|end of list)$/iu,
  /^(?:follow|like|join) us on [\p{L}\p{N} ,&@.-]{1,60}$/iu,
  // "Sign up for the text alerts, the operator told passengers" goes on: a clause, not a button.
  /^(?:subscribe|sign up)(?:\s+(?:now|here|today))?(?:\s+(?:to|for)\s+[^,;.!?]{1,60})?[.!]?$/iu,
  /^click here\b[^,;]{0,60}$/iu,
  /^(?:download|get) (?:the|our) [^,;.]{0,40}\bapp[.!]?$/iu,
  /^(?:published|updated|posted)\s+\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago$/iu,
  // A wire story's sign-off: "Reporting by Jane Doe; Editing by John Roe".
  /^(?:additional )?(?:reporting|writing) by [^.]{1,160}?(?:;|,)\s*(?:additional reporting|writing|editing) by [^.]{1,120}\.?$/iu,
  /^(?:read|see) (?:also|more)\s*:.{1,160}$/iu,
  /^also read\s*:.{1,160}$/iu,
  /^(?:read|see|find) more (?:at|on|from|stories|news|about)\b[^,;]{0,80}$/iu,
  /^(?:اقرأ|إقرأ) (?:أيضاً|أيضا|ايضاً|ايضا)(?:\s*[:：].{0,160})?$/u,
  /^(?:شارك|مشاركة|حفظ|إعلان)$/u,
];

/** Headings of link lists: the heading and the link titles under it are furniture. */
const LINK_LIST_HEADING =
  /^(?:related topics|related(?: stories| articles| coverage| content)?|read more|keep reading|explore more on these topics|more on this story|you may also like|recommended|more stories|top stories|مواضيع ذات صلة|المزيد|اقرأ أيضاً|اقرأ أيضا)\s*:?$/iu;

/** Whether a heading opens a link list ("Related topics", "Keep reading", «اقرأ أيضاً»). */
export function isLinkListHeading(text: string): boolean {
  return LINK_LIST_HEADING.test(text);
}

/** A link title under a link-list heading: short, and not a finished sentence. */
function isLinkTitle(text: string): boolean {
  return text.split(/\s+/u).length <= 16 && text.length <= 140 && !/[.!:;,،]$/u.test(text);
}

/** Promo blocks whose first and last lines are markers: everything between is the promo. */
const BLOCK_MARKERS: readonly [RegExp, RegExp][] = [[/^skip past newsletter promotion$/iu, /^after newsletter promotion$/iu]];

export interface FurnitureMatch {
  /** The lines removed, as pasted. */
  lines: string[];
  /** Index of the first unit after the furniture. */
  end: number;
  /** Why it was taken out, for the editor's report. */
  kind: 'line' | 'link list' | 'promo block';
}

/** Whether a whole line is page furniture. */
export function isFurnitureLine(text: string): boolean {
  // A line naming the source ("For more stories from …", "SOURCE: …", "© …") is furniture too.
  return text.length <= 240 && (FURNITURE_LINES.some((re) => re.test(text)) || sourceLineOf(text) !== undefined);
}

/** The furniture starting at unit `start`, or undefined when the unit is story. */
export function furnitureAt(units: readonly Unit[], start: number): FurnitureMatch | undefined {
  const first = units[start]!.text;
  for (const [open, close] of BLOCK_MARKERS) {
    if (!open.test(first)) continue;
    const closing = units.findIndex((u, i) => i > start && close.test(u.text));
    // Without its closing marker the block's extent is unknown: remove the marker alone.
    if (closing === -1) return { lines: [first], end: start + 1, kind: 'line' };
    return { lines: units.slice(start, closing + 1).map((u) => u.text), end: closing + 1, kind: 'promo block' };
  }
  if (LINK_LIST_HEADING.test(first)) {
    let end = start + 1;
    while (end < units.length && (isLinkTitle(units[end]!.text) || isFurnitureLine(units[end]!.text)) && !LINK_LIST_HEADING.test(units[end]!.text)) end++;
    return { lines: units.slice(start, end).map((u) => u.text), end, kind: end > start + 1 ? 'link list' : 'line' };
  }
  if (isFurnitureLine(first)) return { lines: [first], end: start + 1, kind: 'line' };
  return undefined;
}

/** Openings of furniture lines; a longer line starting so is kept but worth a look. */
const FURNITURE_OPENINGS = /^(?:sign up|subscribe|read more|advertisement|share|follow us|click here|listen to this article)\b/iu;

/** A story line that starts like furniture (kept, and reported as kept). */
export function startsLikeFurniture(text: string): boolean {
  return FURNITURE_OPENINGS.test(text) && !isFurnitureLine(text);
}
