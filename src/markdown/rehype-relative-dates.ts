/**
 * Marks up days the text names relative to publication — "announced on Saturday" —
 * as <time datetime="2025-05-17">Saturday</time>, so readers' tools and search engines
 * get the real date. Runs after sanitising: the <time> elements are ours.
 */
import type { Element, Root } from 'hast';
import { findAndReplace } from 'hast-util-find-and-replace';
import type { VFile } from 'vfile';
import { relativeDayOf, resolveRelativeDay } from '../lib/relative-days.ts';
import { renderContext } from './context.ts';

const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
/** "on", "On": a word that may start a sentence. */
const either = (word: string) => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}`;
// Not "by", "from" or "until": "due by Friday", "closed from Monday", "talks until Saturday"
// point ahead as often as back, and a wrong date is worse than none.
const BEFORE = ['on', 'last', 'since', 'late', 'early'].map(either).join('|');
// The news form "the ministry said Saturday": a reporting verb in the past tense dates the
// report, but only when the weekday ends the phrase. In "said Saturday would be calm" or
// "said Saturday's vote…" the weekday starts a new clause and may lie ahead.
const REPORTED = 'said|announced|reported|confirmed|stated|added|declared|warned|denied|claimed';
const ENDS_PHRASE = `(?=[.;:]|,(?!\\s*(?:and\\s+|or\\s+)?${WEEKDAY})|\\s+that\\b|\\s+in\\s+a\\s+statement\\b)`;
// A weekday only counts as a date when the sentence uses it as one ("on Saturday",
// "last Friday", "Saturday night"), not in "every Saturday".
const EN = new RegExp(
  [
    `(?<=\\b(?:${BEFORE}) )${WEEKDAY}\\b`,
    `(?<=\\b(?:${REPORTED}) )${WEEKDAY}${ENDS_PHRASE}`,
    `\\b${WEEKDAY}(?= (?:morning|afternoon|evening|night)\\b)`,
    '\\b(?:[Yy]esterday|[Tt]oday)\\b',
  ].join('|'),
  'g',
);
// A weekday the sentence looks ahead to ("the minister will travel on Saturday", "talks are
// scheduled for Monday", "السبت المقبل") is the next one, not the last: such a day is left
// unmarked rather than dated wrongly. Only the sentence up to the weekday is read, and the
// words right after it. Arabic's future prefix (سيعقد) is not looked for: too many words
// start the same way (سياسة, سنة).
const AHEAD_BEFORE_EN = /\b(?:will|shall|won[’']t|going to|(?:is|are|was|were) (?:to|set to|due to|expected to|scheduled to|planned to)|scheduled|planned|plans? to|to be held|upcoming|coming|next)\b|[’']ll\b/i;
const AHEAD_AFTER_EN = /^,?\s+(?:next|to come)\b/i;
const AHEAD_BEFORE_AR = /(?:^|\s)سوف(?=\s)/;
const AHEAD_AFTER_AR = /^\s+(?:المقبل|المقبلة|القادم|القادمة)(?=$|[\s،.])/;
/** The sentence's words before `index`: from the last full stop, question or exclamation mark, or semicolon. */
function sentenceBefore(text: string, index: number): string {
  const before = text.slice(0, index);
  const end = Math.max(...['. ', '! ', '? ', '; ', '؟ ', '؛ '].map((mark) => before.lastIndexOf(mark)));
  return end < 0 ? before : before.slice(end + 2);
}

const AR = /(?<=(?:^|\s)(?:يوم|مساء|صباح|ليلة)\s)(?:ال)?(?:أحد|اثنين|إثنين|ثلاثاء|أربعاء|خميس|جمعة|سبت)(?=$|[\s،.])|(?<=(?:^|\s))(?:أمس|الأمس|اليوم)(?=$|[\s،.])/g;

export default function rehypeRelativeDates() {
  return (tree: Root, file: VFile) => {
    const { publishedDate, lang } = renderContext(file);
    if (!publishedDate) return;
    const arabic = lang.startsWith('ar');
    const pattern = arabic ? AR : EN;
    findAndReplace(
      tree,
      [
        pattern,
        // Neither pattern has groups, so the match's place comes second, as
        // hast-util-find-and-replace passes it after the match and its groups.
        (match: string, found: { index: number; input: string }): Element | false => {
          const day = relativeDayOf(match);
          if (!day) return false;
          const [aheadBefore, aheadAfter] = arabic ? [AHEAD_BEFORE_AR, AHEAD_AFTER_AR] : [AHEAD_BEFORE_EN, AHEAD_AFTER_EN];
          if ('weekday' in day && (aheadBefore.test(sentenceBefore(found.input, found.index)) || aheadAfter.test(found.input.slice(found.index + match.length)))) return false;
          return { type: 'element', tagName: 'time', properties: { dateTime: resolveRelativeDay(publishedDate, day) }, children: [{ type: 'text', value: match }] };
        },
      ],
      { ignore: ['time', 'a', 'code', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption'] },
    );
  };
}
