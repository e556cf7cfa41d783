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
const AR = /(?<=(?:^|\s)(?:يوم|مساء|صباح|ليلة)\s)(?:ال)?(?:أحد|اثنين|إثنين|ثلاثاء|أربعاء|خميس|جمعة|سبت)(?=$|[\s،.])|(?<=(?:^|\s))(?:أمس|الأمس|اليوم)(?=$|[\s،.])/g;

export default function rehypeRelativeDates() {
  return (tree: Root, file: VFile) => {
    const { publishedDate, lang } = renderContext(file);
    if (!publishedDate) return;
    const pattern = lang.startsWith('ar') ? AR : EN;
    findAndReplace(
      tree,
      [
        pattern,
        (match: string): Element | false => {
          const day = relativeDayOf(match);
          if (!day) return false;
          return { type: 'element', tagName: 'time', properties: { dateTime: resolveRelativeDay(publishedDate, day) }, children: [{ type: 'text', value: match }] };
        },
      ],
      { ignore: ['time', 'a', 'code', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption'] },
    );
  };
}
