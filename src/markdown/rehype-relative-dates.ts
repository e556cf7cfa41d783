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

const WEEKDAY = '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
// A weekday only counts as a date when the sentence uses it as one ("on Saturday",
// "last Friday", "Saturday night"), not in "every Saturday".
const EN = new RegExp(
  `(?<=\\b(?:on|last|since|late|early|by|from|until) )${WEEKDAY}\\b|\\b${WEEKDAY}(?= (?:morning|afternoon|evening|night)\\b)|\\b(?:[Yy]esterday|[Tt]oday)\\b`,
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
