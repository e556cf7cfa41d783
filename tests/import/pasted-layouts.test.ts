/**
 * Pasted text in the common layouts of news pages (issue 26), each fixture with what an
 * editor expects of it: every caption once, every credit split, no furniture, every body
 * sentence kept, and what the importer inferred. Each article passes the build's check.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadContentProject } from '../../src/content/project.ts';
import { checkArticles } from '../../src/content/read-articles.ts';
import { importText, type ImportOptions } from '../../src/import/import-article.ts';
import type { PhotoCredit } from '../../src/lib/credits.ts';
import { readFrontmatter } from '../../src/lib/frontmatter.ts';

const ROOT = process.cwd();
const project = loadContentProject(ROOT, 'content');

interface Expectation {
  file: string;
  layout: string;
  options?: Partial<ImportOptions>;
  source: { name: string; from: string };
  lang: string;
  byline?: string;
  dateline?: string;
  standfirst: string;
  /** Every photo, lead first: caption, credit as written, and how it splits. */
  photos: { caption: string; credit: string; reading: PhotoCredit }[];
  /** Sentences of the story that must stay, in order. */
  kept: string[];
  /** Furniture that must be gone from the article. */
  furniture: string[];
  /** Dates the page shows, as suggested to the editor. */
  suggested?: { line: string; value?: string }[];
}

const LAYOUTS: Expectation[] = [
  {
    file: 'broadcaster-image-source.txt',
    layout: 'public broadcaster: "Image source, …" / "Image caption, …", name and role lines, link lists',
    options: { source: 'BBC News' },
    source: { name: 'BBC News', from: '--source' },
    lang: 'en',
    byline: 'Nadia Karam',
    standfirst: "The library's reading room had been closed for eight months after a burst water main flooded its basement.",
    photos: [
      { caption: 'Volunteers carried boxes of dried books back into the reading room on Saturday', credit: 'Getty Images', reading: { provider: 'Getty Images', line: 'Getty Images' } },
      { caption: 'A conservator separates pages of a nineteenth-century ledger', credit: 'Reuters', reading: { provider: 'Reuters', line: 'Reuters' } },
    ],
    kept: [
      'More than four thousand books were dried page by page in a school gym across the road, according to the librarian, Samir Aoun.',
      '"Some of these books are older than the building," he said. "We could not let them go."',
      'The city council paid for new shelving, and a bank in the port district donated dehumidifiers.',
      'Readers queued from early morning to see the rooms again.',
    ],
    furniture: ['Published 1 June 2025', 'Share', 'Save', 'Middle East correspondent', 'Image source', 'Image caption', 'Listen to this article', 'Related topics', 'Libraries', 'More on this story', "Why Lebanon's archives are at risk"],
    suggested: [{ line: 'Published 1 June 2025', value: '2025-06-01' }],
  },
  {
    file: 'pan-arab-file-caption.txt',
    layout: 'pan-Arab: "[File: Name/AFP]" caption, "Keep reading" list, "SOURCE: … AND NEWS AGENCIES"',
    source: { name: 'Al Jazeera', from: 'the line "SOURCE: AL JAZEERA AND NEWS AGENCIES"' },
    lang: 'en',
    standfirst: 'Wheat harvests along the Euphrates have fallen for a third year, and villages are emptying.',
    photos: [{ caption: 'A dry irrigation channel near Nasiriyah on May 30', credit: 'File: Ahmed Jalil/AFP', reading: { creator: 'Ahmed Jalil', provider: 'AFP', line: 'Ahmed Jalil / AFP' } }],
    kept: [
      'Hassan Kadhim used to plant forty dunams of wheat outside Nasiriyah. This spring he planted six.',
      '"The water comes once a week now, if it comes at all," he said, standing by a cracked channel.',
      'The agriculture ministry says the area under wheat has shrunk by half since 2021.',
      'Many young men have already left for Basra and Baghdad, where day labour pays more than a failed harvest.',
    ],
    furniture: ['Listen to this article', 'Published On', 'Keep reading', 'list of 3 items', 'list 1 of 3', 'Date palms wither in the south', 'end of list', 'Advertisement', 'SOURCE:', '[File'],
    suggested: [{ line: 'Published On 2 Jun 2025', value: '2025-06-02' }],
  },
  {
    file: 'newsletter-promo.txt',
    layout: 'national newspaper: newsletter promo block, "Explore more on these topics", "Reuse this content"',
    options: { source: 'Reuters' },
    source: { name: 'Reuters', from: '--source' },
    lang: 'en',
    byline: 'Helena Marsh',
    dateline: 'Athens',
    standfirst: "Seamen's union walks out for 24 hours over pay, as islands warn of lost tourist bookings",
    photos: [],
    kept: [
      'Thousands of passengers were stranded at Piraeus on Sunday as ferry crews walked out in a dispute over pay.',
      // Starts like a promo; it is the story's.
      'Sign up for the text alerts, the operator told passengers as the first sailings were cancelled, promising updates every hour.',
      'Cafes along the quay ran out of bottled water by midday.',
      'The union said a second stoppage was possible later in June.',
    ],
    furniture: ['Helena Marsh in Athens', 'Sun 1 Jun 2025', 'skip past newsletter promotion', 'Sign up to This Week in Europe', 'Privacy Notice', 'after newsletter promotion', 'Explore more on these topics', 'Strikes', 'Reuse this content', '\nShare'],
    // A zone abbreviation ("BST") is shown, not read.
    suggested: [{ line: 'Sun 1 Jun 2025 12.40 BST' }],
  },
  {
    file: 'wire-ap-dateline.txt',
    layout: 'wire agency: "CITY (AP) —" dateline, "___" separator',
    source: { name: 'Associated Press', from: 'the line "BEIRUT (AP) —"' },
    lang: 'en',
    dateline: 'Beirut',
    standfirst: "BEIRUT (AP) — Lebanon's parliament on Thursday approved changes to the country's banking secrecy law, a step international lenders have demanded for years.",
    photos: [],
    kept: [
      'The amendments allow regulators to look into bank accounts going back ten years, lawmakers said after the session.',
      'Caretaker Finance Minister Yassin Jaber called the vote "a first door, not the whole house."',
      'Associated Press writer Bassem Mroue contributed to this report.',
    ],
    furniture: ['___', '\\_\\_\\_', 'Advertisement'],
  },
  {
    file: 'wire-reuters-dateline.txt',
    layout: 'wire agency: "CITY, date (Reuters) -" dateline, licensing and standards lines, sign-off',
    options: { timezone: 'Asia/Amman' },
    source: { name: 'Reuters', from: 'the line "AMMAN, June 1 (Reuters) -"' },
    lang: 'en',
    byline: 'Suleiman Khalidi',
    dateline: 'Amman',
    standfirst: 'AMMAN, June 1 (Reuters) - Jordan opened a new cargo lane at its Jaber crossing with Syria on Sunday, officials said, to cut queues that had stretched for kilometres.',
    photos: [],
    kept: [
      'The lane will handle up to 300 trucks a day, the customs department said in a statement.',
      'Drivers had waited up to three days to cross in recent weeks as trade picked up after the change of government in Damascus.',
    ],
    furniture: ['Purchase Licensing Rights', 'Our Standards', 'Editing by', 'GMT+3', 'By Suleiman Khalidi'],
    suggested: [{ line: 'June 1, 2025 9:05 AM GMT+3', value: '2025-06-01T09:05+03:00' }],
  },
  {
    file: 'arabic-photographer.txt',
    layout: 'Arabic: "(تصوير: … / رويترز)" inline credit, «اقرأ أيضاً:» line, "المصدر:" line',
    source: { name: 'Al Jazeera', from: 'the line "المصدر: الجزيرة"' },
    lang: 'ar',
    standfirst: 'عاد التجار إلى السوق القديم صباح السبت بعد عامين من أعمال الترميم.',
    photos: [{ caption: 'نازحون يعودون إلى أحياء حلب الشرقية', credit: 'تصوير: أحمد الخطيب / رويترز', reading: { creator: 'أحمد الخطيب', provider: 'رويترز', line: 'أحمد الخطيب / رويترز' } }],
    kept: [
      'قال أبو محمد، وهو بائع خضار منذ ثلاثين عاماً، إن الزبائن عادوا منذ الساعة السادسة صباحاً.',
      'وأضاف أن الأسعار ما زالت مرتفعة بسبب كلفة النقل من الريف.',
      'وقالت المحافظة إن المرحلة الثانية من الترميم ستبدأ في الخريف.',
    ],
    furniture: ['اقرأ أيضاً', 'حلب تستعيد أسواقها القديمة', 'المصدر'],
  },
  {
    file: 'arabic-photo-label.txt',
    layout: 'Arabic: "(الصورة: … / أ ف ب)", "بقلم:" byline, share word, related-topics list',
    source: { name: 'BBC News', from: 'the line "المصدر: بي بي سي"' },
    lang: 'ar',
    byline: 'ريم حداد',
    standfirst: 'أغلقت السيول عدة طرق جبلية في عكار ليل الأحد، وعلقت سيارات في الوحل.',
    photos: [{ caption: 'سيارة عالقة في طريق جبلي في عكار', credit: 'الصورة: فادي نصر / أ ف ب', reading: { creator: 'فادي نصر', provider: 'أ ف ب', line: 'فادي نصر / أ ف ب' } }],
    kept: ['قال الدفاع المدني إن فرقه أنقذت أربعة عشر شخصاً من سياراتهم خلال الليل.', 'وطلبت البلديات من السكان تجنب الطرق الجبلية حتى صباح الثلاثاء.'],
    furniture: ['بقلم', 'شارك', 'اقرأ أيضاً', 'مواضيع ذات صلة', 'طقس'],
  },
  {
    file: 'broadcaster-updated.txt',
    layout: 'broadcaster: "Updated 4:12 PM GMT+1, …", relative "Published 3 hours ago", byline with role, "Read more" list, copyright line',
    options: { timezone: 'Asia/Nicosia' },
    source: { name: 'BBC News', from: 'the line "© 2025 BBC"' },
    lang: 'en',
    byline: 'Tom Ellis',
    dateline: 'Nicosia',
    standfirst: 'The Ledra Street crossing in Nicosia reopened on Sunday afternoon after being closed overnight for what police called a security check.',
    photos: [],
    kept: ['Crowds of shoppers and workers waited on both sides of the line for several hours.', 'Police on the northern side said a suspicious bag had been found and later made safe.'],
    furniture: ['Updated', 'Published 3 hours ago', 'BBC News, Nicosia', 'Read more', 'What is the Green Line?', '© 2025 BBC'],
    // GMT+1 read and shown in the zone the editor gave (Cyprus is UTC+3 in June).
    suggested: [{ line: 'Updated 4:12 PM GMT+1, June 1, 2025', value: '2025-06-01T18:12+03:00' }],
  },
];

const NOW = new Date('2025-06-02T10:00:00Z');

describe.each(LAYOUTS)('$file ($layout)', (layout) => {
  const text = readFileSync(`tests/fixtures/import/${layout.file}`, 'utf8');
  const result = importText(text, { registry: project.sources, defaultZone: 'UTC', now: NOW, ...layout.options });
  if (!result.ok) throw new Error(`${layout.file} did not import:\n${result.errors.join('\n')}`);
  const { summary, markdown } = result;
  const { data, body } = readFrontmatter(markdown);

  it('infers the source, byline, dateline and language', () => {
    expect(summary.source).toEqual(layout.source);
    expect(data.source).toBe(layout.source.name);
    expect(data.byline).toBe(layout.byline);
    expect(summary.dateline).toBe(layout.dateline);
    expect(data.lang).toBe(layout.lang);
    expect(data.standfirst).toBe(layout.standfirst);
  });

  it('keeps every photo once, with its credit split', () => {
    const photos = [...(summary.lead ? [summary.lead] : []), ...summary.figures];
    expect(photos.map(({ caption, credit, reading }) => ({ caption, credit, reading }))).toEqual(layout.photos);
    for (const photo of layout.photos) expect(markdown.split(photo.caption).length - 1, photo.caption).toBe(1);
  });

  it('keeps every sentence of the story, in order', () => {
    let from = 0;
    for (const sentence of layout.kept) {
      const at = body.indexOf(sentence, from);
      expect(at, sentence).toBeGreaterThanOrEqual(0);
      from = at + sentence.length;
    }
  });

  it('removes the furniture and reports every removal', () => {
    for (const line of layout.furniture) expect(markdown, line).not.toContain(line);
    expect(body).not.toMatch(/^#{1,6} /m);
    const reported = summary.removed.join('\n');
    // Date lines go to the suggestions, byline lines to the byline, labels with their photo.
    const readElsewhere = /^[\\\n]|Published|Updated|GMT|Sun 1 Jun|By |بقلم|Image (?:source|caption)|\[File/;
    for (const line of layout.furniture.filter((l) => !readElsewhere.test(l) && !(layout.byline && l.startsWith(layout.byline)))) {
      expect(reported, line).toContain(line);
    }
  });

  it('suggests the dates the page shows, never writing them itself', () => {
    expect(summary.published.placeholder).toBe(true);
    expect(data.draft).toBe(true);
    expect(summary.suggestedDates.map(({ line, value }) => ({ line, ...(value !== undefined ? { value } : {}) }))).toEqual(layout.suggested ?? []);
  });

  it('passes the check the build runs', () => {
    const { problems } = checkArticles(ROOT, project, [{ path: `content/articles/${result.slug}.md`, text: markdown }]);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

it('the fixtures cover at least 8 layouts in 12 pastes, English and Arabic', () => {
  const older = ['ap-getty-crlf.txt', 'no-figures.txt', 'photo-orders.txt', 'reuters-style.txt', 'unknown-source.txt', '../seed/000_1ed557508797eb02.txt'];
  expect(LAYOUTS.length + older.length).toBeGreaterThanOrEqual(12);
  expect(new Set(LAYOUTS.map((l) => l.lang))).toEqual(new Set(['en', 'ar']));
});
