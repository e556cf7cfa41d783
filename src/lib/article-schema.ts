/**
 * The article format: every frontmatter field an editor may write, how it is checked,
 * and the clean model it becomes. Used by the content collection, by `npm run check`
 * and by the importer, so all three agree on what is valid.
 */
import { z } from 'astro/zod';
import { DATE_EXAMPLES, DateInputError, isBefore, isTimeZone, parseArticleDate, type ArticleDate } from './dates.ts';
import { ARTICLE_KINDS, type ArticleKind } from './article-kinds.ts';
import { latestChange, type ArticleChange } from './article-changes.ts';
import { parseCredit, structuredCredit, type PhotoCredit } from './credits.ts';
import type { Source, SourceRegistry } from './sources.ts';
import { bylineNames, createAuthorRegistry, joinNames, matchByline, type AuthorRegistry, type BylineName } from './authors.ts';
import { topicSlug } from './slugs.ts';

export interface ArticleFigure {
  /** Local path (relative to the article, or under public/ when it starts with "/") or an https URL. */
  src?: string;
  alt: string;
  caption: string;
  credit?: PhotoCredit;
}

export interface Topic {
  name: string;
  slug: string;
}

/** The normalised article that pages render; nothing downstream re-parses frontmatter. */
export interface Article {
  title: string;
  standfirst: string;
  published: ArticleDate;
  updated?: ArticleDate;
  timezone: string;
  source: Source;
  url?: string;
  republishedBy?: Source;
  /** The byline as printed ("Jane Tester and Sam Example"), in the article's language. */
  byline?: string;
  /** Each writer the byline names, with their entry in content/authors.yaml when listed. */
  bylines: BylineName[];
  topics: Topic[];
  lang: string;
  dir: 'ltr' | 'rtl';
  draft: boolean;
  image?: ArticleFigure;
  /** The kind of work: news unless the editor says otherwise (src/lib/article-kinds.ts). */
  kind: ArticleKind;
  /** Who paid, for kind "sponsored" (and only then). */
  sponsor?: string;
  /** What was wrong and was put right, oldest first. */
  corrections: ArticleChange[];
  /** What changed in the story since it was published, oldest first. */
  updates: ArticleChange[];
  /** Where the story was reported from ("ALEPPO"), printed at the start of the body. */
  dateline?: string;
}

export interface SchemaContext {
  sources: SourceRegistry;
  /** The site's zone for times written without an offset. */
  defaultZone: string;
  /** The site's writers (content/authors.yaml); none when not given. */
  authors?: AuthorRegistry;
  /** Print a byline name that is not listed as plain text instead of failing (siteConfig.allowUnlistedBylines); default true. */
  allowUnlistedBylines?: boolean;
}

/**
 * The importer writes today's date with a YAML comment starting with this word when it
 * was not told the real one; a published article must not keep it.
 */
export const PLACEHOLDER_MARK = 'PLACEHOLDER';

const RTL_LANGS = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'ckb', 'dv']);

export function directionOf(lang: string): 'ltr' | 'rtl' {
  return RTL_LANGS.has(lang.toLowerCase().split('-')[0] ?? '') ? 'rtl' : 'ltr';
}

const text = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `is required: ${what}` : `expected ${what}`) })
    .trim()
    .min(1, { error: `is empty; expected ${what}` });

const optionalText = (what: string) =>
  z.string({ error: `expected ${what}` }).trim().optional().transform((v) => (v ? v : undefined));

const creditInput = z.union(
  [
    z.string(),
    z.strictObject({
      /** The photographer. */
      creator: z.string().optional(),
      /** The agency or credit line. */
      provider: z.string().optional(),
    }),
  ],
  { error: 'expected the credit text printed under the photo, or { creator, provider }' },
);

function toCredit(value: z.infer<typeof creditInput> | undefined): PhotoCredit | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? parseCredit(value) : structuredCredit(value.creator, value.provider);
}

/** A correction or an update note as written: when, and what. */
const changeInput = (what: 'correction' | 'update') =>
  z.array(
    z.strictObject(
      {
        date: z.string({ error: (issue) => (issue.input === undefined ? `is required: the day of the ${what}, e.g. ${DATE_EXAMPLES}` : `expected the day of the ${what}, e.g. ${DATE_EXAMPLES}`) }),
        text: text(what === 'correction' ? 'what was wrong and what is right, e.g. "An earlier version gave the wrong date of the vote."' : 'what changed in the story'),
      },
      { error: `expected a ${what}'s fields, e.g. "- date: 2025-05-19" and "text: …" on the line below` },
    ),
    { error: `expected a list of ${what}s, each "- date: …" with "text: …" below it` },
  );

/** The fields the date check reads; it waits until each is at least text. */
const DATE_FIELDS = new Set(['published', 'updated']);

const BCP47 = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Builds the frontmatter schema; the source list and default zone come from the project. */
export function createArticleSchema({ sources, defaultZone, authors = createAuthorRegistry([]), allowUnlistedBylines = true }: SchemaContext) {
  const sourceField = (what: string) =>
    z.string({ error: (issue) => (issue.input === undefined ? `is required: ${what}` : `expected ${what}`) }).transform((value, ctx): Source => {
      const found = sources.match(value);
      if (found) return found;
      const near = sources.suggest(value);
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is not a known source; ${near ? `did you mean "${near}"? Known` : 'known'} sources are listed in ${sources.file}`,
      });
      return z.NEVER;
    });

  // Dates are read once, in the article's zone, by the check below; the transform that
  // builds the article picks them up here instead of parsing them a second time.
  const readDates = new WeakMap<object, { published: ArticleDate; updated?: ArticleDate; corrections: ArticleChange[]; updates: ArticleChange[] }>();

  return z
    .strictObject({
      /** The headline, as readers will see it. */
      title: text('the headline'),
      /** One or two sentences under the headline that tell the story in brief. */
      standfirst: text('a one- or two-sentence summary'),
      /** When the story was first published: 2025-05-18, 2025-05-18T14:30, 2025-05-18T14:30:00+03:00, 18 May 2025 … */
      published: z.string({
        error: (issue) => (issue.input === undefined ? `is required: a date such as ${DATE_EXAMPLES}` : `expected a date such as ${DATE_EXAMPLES}`),
      }),
      /** When the story last changed in substance; same forms as `published`. */
      updated: z.string({ error: `expected a date such as ${DATE_EXAMPLES}` }).optional(),
      /** IANA zone the story's times are in, e.g. Asia/Damascus. Defaults to the site's zone. */
      timezone: z
        .string({ error: 'expected an IANA time-zone name such as Asia/Damascus' })
        .refine(isTimeZone, { error: (issue) => `"${String(issue.input)}" is not a time-zone name; use an IANA name such as Asia/Damascus or Europe/London` })
        .optional(),
      /** Who reported it: a name, alias or URL from content/sources.yaml. */
      source: sourceField('a source name, alias or URL from content/sources.yaml'),
      /** The original article's address. */
      url: z.url({ protocol: /^https?$/, error: 'expected the original article\'s http(s) address' }).optional(),
      /** Who republished it, when we took it from a republisher; same matching as `source`. */
      republishedBy: sourceField('a source name, alias or URL from content/sources.yaml').optional(),
      /** The writer's name, or several: a list, or "A and B", "A, B and C"; matched to content/authors.yaml. */
      byline: z
        .union([z.string(), z.array(z.string())], { error: 'expected the writer\'s name, or a list of names' })
        .optional()
        .transform((value, ctx): BylineName[] => {
          if (value === undefined) return [];
          const { names, problems } = matchByline(bylineNames(value, authors), authors, allowUnlistedBylines);
          for (const problem of problems) ctx.addIssue({ code: 'custom', message: problem.message });
          return problems.length ? z.NEVER : names;
        }),
      /** Subjects, e.g. [Syria, ISIS]; each gets a topic page. */
      topics: z.array(z.string({ error: 'expected a topic name' }).trim().min(1), { error: 'expected a list of topics, e.g. [Syria, Security]' }).default([]),
      /** Language of the article (BCP 47), e.g. en or ar. */
      lang: z.string().regex(BCP47, { error: 'expected a language tag such as en or ar' }).default('en'),
      /** A draft is shown by `npm run dev` and never built. */
      draft: z.boolean({ error: 'expected true or false' }).default(false),
      /** The lead photo above the story. */
      image: z
        .strictObject(
          {
            /** A file next to the article (./photo.jpg), under public/ (/images/photo.jpg), or omitted when the photo is not available. */
            src: optionalText('an image path'),
            /** What the photo shows, for readers who cannot see it. */
            alt: z.string({ error: 'expected text describing the photo' }).trim().default(''),
            /** The caption printed under the photo. */
            caption: z.string({ error: 'expected the caption text' }).trim().default(''),
            /** The credit printed under the photo ("photo credit: Mohammad Bash. Via Shutterstock") or { creator, provider }. */
            credit: creditInput.optional(),
          },
          { error: 'expected the lead photo\'s fields (src, alt, caption, credit) indented on the lines below "image:"' },
        )
        .optional(),
      /** The kind of work: news (the default), analysis, opinion, explainer, interview, review, obituary or sponsored. */
      kind: z
        .enum(ARTICLE_KINDS, {
          error: (issue) => `${typeof issue.input === 'string' ? `"${issue.input}" is not a kind of work` : 'expected a kind of work'}; expected one of ${ARTICLE_KINDS.join(', ')}`,
        })
        .default('news'),
      /** Who paid for a sponsored story, as readers should see it ("Paid content · from …"). */
      sponsor: optionalText('the name of who paid for the story'),
      /** Dated corrections: [{ date, text }], each shown on the page and listed on /corrections/. */
      corrections: changeInput('correction').default([]),
      /** Dated notes of what changed: [{ date, text }]. */
      updates: changeInput('update').default([]),
      /** Where the story was reported from, e.g. ALEPPO; printed before the first paragraph. */
      dateline: optionalText('the place the story was reported from, e.g. ALEPPO'),
    })
    // Runs even when other fields failed (zod would skip it by default), so a bad date is
    // reported together with, say, an unknown source. Whether a date is readable does not
    // depend on the zone, so an unknown zone is reported on its own and the site's is used.
    .superRefine(
      (raw, ctx) => {
        const timezone = typeof raw.timezone === 'string' && isTimeZone(raw.timezone) ? raw.timezone : defaultZone;
        const date = (field: 'published' | 'updated', value: string): ArticleDate | undefined => {
          try {
            return parseArticleDate(value, timezone);
          } catch (error) {
            if (!(error instanceof DateInputError)) throw error;
            ctx.addIssue({ code: 'custom', path: [field], message: error.message });
            return undefined;
          }
        };
        const published = date('published', raw.published);
        const updated = raw.updated === undefined ? undefined : date('updated', raw.updated);
        const changes = (field: 'corrections' | 'updates'): ArticleChange[] | undefined => {
          // This check runs when other fields are wrong too, so the list may not be one yet.
          const written: unknown = raw[field];
          if (!Array.isArray(written)) return [];
          const read: ArticleChange[] = [];
          let readable = true;
          written.forEach((entry: unknown, i) => {
            const value = typeof entry === 'object' && entry !== null ? (entry as { date?: unknown; text?: unknown }) : {};
            if (typeof value.date !== 'string') {
              // Not a date at all: the field's own check above says so.
              readable = false;
              return;
            }
            try {
              const when = parseArticleDate(value.date, timezone);
              if (published && isBefore(when, published)) {
                readable = false;
                ctx.addIssue({ code: 'custom', path: [field, i, 'date'], message: `"${value.date}" is before published ("${raw.published}"); ${field === 'corrections' ? 'a correction' : 'an update'} comes the same day or later` });
              }
              read.push({ date: when, text: typeof value.text === 'string' ? value.text.trim() : '' });
            } catch (error) {
              if (!(error instanceof DateInputError)) throw error;
              readable = false;
              ctx.addIssue({ code: 'custom', path: [field, i, 'date'], message: error.message });
            }
          });
          return readable ? read : undefined;
        };
        const corrections = changes('corrections');
        const updates = changes('updates');
        if (kindIs(raw.kind, 'sponsored') && !(typeof raw.sponsor === 'string' && raw.sponsor.trim())) {
          ctx.addIssue({ code: 'custom', path: ['kind'], message: 'is "sponsored", so the story needs a sponsor: add "sponsor: …" naming who paid for it, which readers see as "Paid content · from …"' });
        }
        if (!kindIs(raw.kind, 'sponsored') && typeof raw.sponsor === 'string' && raw.sponsor.trim()) {
          ctx.addIssue({ code: 'custom', path: ['sponsor'], message: `"${raw.sponsor.trim()}" is given, but the story's kind is ${typeof raw.kind === 'string' ? `"${raw.kind}"` : 'news'}; a sponsor is named only on paid content: add "kind: sponsored", or remove the sponsor` });
        }
        if (!published || (raw.updated !== undefined && !updated) || !corrections || !updates) return;
        if (updated && isBefore(updated, published)) {
          ctx.addIssue({
            code: 'custom',
            path: ['updated'],
            message: `"${raw.updated}" is before published ("${raw.published}"); updated must be the same or later`,
          });
          return;
        }
        readDates.set(raw, { published, ...optional('updated', updated), corrections, updates });
      },
      {
        when: (payload) =>
          typeof payload.value === 'object' && payload.value !== null && !payload.issues.some((issue) => DATE_FIELDS.has(String(issue.path?.[0]))),
      },
    )
    .transform((raw): Article => {
      const timezone = raw.timezone ?? defaultZone;
      // Always set: the transform only runs when the check above found nothing.
      const { published, updated, corrections, updates } = readDates.get(raw)!;
      // The story last changed at its latest update or correction, if that is after `updated`.
      const lastChanged = latestChange(timezone, [...(updated ? [updated] : []), ...corrections.map((c) => c.date), ...updates.map((u) => u.date)]);

      const topics: Topic[] = [];
      for (const name of raw.topics) {
        const slug = topicSlug(name);
        if (!topics.some((t) => t.slug === slug)) topics.push({ name, slug });
      }
      const image = raw.image && {
        ...(raw.image.src ? { src: raw.image.src } : {}),
        alt: raw.image.alt,
        caption: raw.image.caption,
        ...optional('credit', toCredit(raw.image.credit)),
      };
      return {
        title: raw.title,
        standfirst: raw.standfirst,
        published,
        ...optional('updated', lastChanged),
        timezone,
        source: raw.source,
        ...optional('url', raw.url),
        ...optional('republishedBy', raw.republishedBy),
        ...optional('byline', raw.byline.length ? joinNames(raw.byline.map((b) => b.name), raw.lang) : undefined),
        bylines: raw.byline,
        topics,
        lang: raw.lang,
        dir: directionOf(raw.lang),
        draft: raw.draft,
        ...(image ? { image } : {}),
        kind: raw.kind,
        ...optional('sponsor', raw.kind === 'sponsored' ? raw.sponsor : undefined),
        corrections,
        updates,
        ...optional('dateline', raw.dateline),
      };
    });
}

/** The kind as written, before the schema checked it (news when left out). */
function kindIs(written: unknown, kind: ArticleKind): boolean {
  return (written ?? 'news') === kind;
}

/** Leaves a key out rather than storing `undefined` (the data store serialises it). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

export type ArticleSchema = ReturnType<typeof createArticleSchema>;
