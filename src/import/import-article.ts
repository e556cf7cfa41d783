/**
 * The article read from a page (pasted text or a saved HTML page) plus what the editor told
 * us → the article file's text and an account of what was inferred, or every reason it
 * cannot be written. Pure: the caller reads files, knows the date and the source list, and
 * decides what to write.
 */
import { tz } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { PLACEHOLDER_MARK } from '../lib/article-schema.ts';
import { parseCredit, type PhotoCredit } from '../lib/credits.ts';
import { DateInputError, isTimeZone, parseArticleDate, type ArticleDate } from '../lib/dates.ts';
import { articleSlug } from '../lib/slugs.ts';
import { hostOf, type Source, type SourceRegistry } from '../lib/sources.ts';
import { frontmatterYaml, headlineSlug, type FrontmatterFields } from './article-file.ts';
import { bodyMarkdown } from './markdown.ts';
import type { PageArticle, PageFigure } from './page-article.ts';
import { readPastedText } from './read-paste.ts';
import { newSourceEntry, type NewSource } from './sources-file.ts';
import { dateLineValue, type SourceClue } from './story-facts.ts';

export interface ImportOptions {
  /** The project's sources (content/sources.yaml). */
  registry: SourceRegistry;
  /** The site's zone, for an article without `timezone`. */
  defaultZone: string;
  /** The current time, for the placeholder date of an article without one. */
  now: Date;
  published?: string;
  timezone?: string;
  source?: string;
  republishedBy?: string;
  url?: string;
  topics?: readonly string[];
  slug?: string;
  byline?: string;
  lang?: string;
  /** Add a source the text names but the list does not know, instead of refusing. */
  addSource?: boolean;
  /** The command as the editor ran it, for refusals that say what to run instead. */
  command?: string;
}

export interface FigureSummary {
  caption: string;
  /** The credit as written into the article. */
  credit?: string;
  /** How the site will read it (photographer / agency). */
  reading?: PhotoCredit;
  /** The photo's address, when it is kept as a web image. */
  src?: string;
}

export interface ImportSummary {
  title: string;
  standfirst: string;
  slug: string;
  source: { name: string; from: string };
  republishedBy?: { name: string; from: string };
  /** What was written in `published`, and whether it is a placeholder. */
  published: { value: string; placeholder: boolean; from?: string };
  updated?: string;
  /** Dates the page shows, read in the article's zone, for the editor to confirm. */
  suggestedDates: { line: string; kind: 'published' | 'updated' | 'shown'; value?: string }[];
  byline?: string;
  /** The dateline's place ("Beirut"). */
  dateline?: string;
  lead?: FigureSummary;
  figures: FigureSummary[];
  subheadings: string[];
  removed: string[];
  /** What the editor must fill in or check, one sentence each. */
  attention: string[];
}

export type ImportResult =
  | { ok: true; slug: string; markdown: string; summary: ImportSummary; newSource?: NewSource }
  | { ok: false; errors: string[] };

function summariseFigure(figure: PageFigure): FigureSummary {
  const reading = figure.credit !== undefined ? parseCredit(figure.credit) : undefined;
  return {
    caption: figure.caption,
    ...(figure.credit !== undefined ? { credit: figure.credit } : {}),
    ...(reading ? { reading } : {}),
    ...(figure.src !== undefined ? { src: figure.src } : {}),
  };
}

function knownSources(registry: SourceRegistry): string {
  return registry.sources.map((s) => s.name).join(', ');
}

function dateValue(date: ArticleDate): string {
  return date.kind === 'date' ? date.date : date.iso;
}

/** Arabic script in the headline means an Arabic story; anything else is the site's default. */
function languageOf(page: PageArticle): string | undefined {
  return page.lang ?? (/\p{Script=Arabic}/u.test(page.title) ? 'ar' : undefined);
}

/**
 * Pasted text plus what the editor told us → the article file's text, or every reason it
 * cannot be written.
 */
export function importText(text: string, options: ImportOptions): ImportResult {
  return importArticle(readPastedText(text), options);
}

/**
 * A page's article plus what the editor told us → the article file's text. Never invents a
 * date: without `published` (given, or stated in the page's metadata) the article is a draft
 * with today's date as a marked placeholder, and the dates the page shows are suggestions.
 */
export function importArticle(page: PageArticle, options: ImportOptions): ImportResult {
  const errors: string[] = [];
  const { registry } = options;
  const attention = [...page.notes];
  const command = options.command ?? 'npm run import -- FILE';

  if (!page.title) return { ok: false, errors: ['the text is empty: expected the headline on the first line, then the standfirst, then the story'] };
  if (!page.standfirst) {
    errors.push('the text has a headline but no paragraph after it: expected the standfirst (one or two sentences under the headline) on the next line');
  }

  const zone = options.timezone ?? options.defaultZone;
  const readZone = isTimeZone(zone) ? zone : 'UTC';
  if (options.timezone !== undefined && !isTimeZone(options.timezone)) {
    errors.push(`--timezone "${options.timezone}" is not a time-zone name; use an IANA name such as Asia/Damascus or Europe/London`);
  }

  const suggestedDates = page.dateLines.map((d) => {
    const value = dateLineValue(d.line, readZone);
    return { line: d.line, kind: d.kind, ...(value !== undefined ? { value } : {}) };
  });
  let published: ImportSummary['published'];
  let updated: string | undefined;
  if (options.published !== undefined) {
    let value = options.published.trim();
    try {
      value = dateValue(parseArticleDate(value, readZone));
    } catch (error) {
      if (!(error instanceof DateInputError)) throw error;
      errors.push(`--published: ${error.message}`);
    }
    published = { value, placeholder: false, from: '--published' };
  } else if (page.published !== undefined) {
    // The page's metadata states it (JSON-LD datePublished), as written with its offset:
    // read, not guessed. readHtmlPage keeps only values our date reader accepts.
    published = { value: page.published, placeholder: false, from: 'the page\'s datePublished' };
    if (page.updated !== undefined && page.updated !== page.published) updated = page.updated;
  } else {
    const today = format(options.now, 'yyyy-MM-dd', { in: tz(readZone) });
    published = { value: today, placeholder: true };
    // A date the page shows is only a hint: it may be the update time, or in another zone.
    const hints = suggestedDates.map((d) => (d.value !== undefined ? `--published "${d.value}"${d.kind === 'updated' ? ' (shown as the update time)' : ''}` : `"${d.line}"`));
    attention.unshift(
      `published: no --published was given, so ${today} (today) is a placeholder and the article is a draft; write the date the story was first published and delete "draft: true"` +
        (hints.length ? ` (the text shows ${hints.join(' and ')}; if that is when it was first published, import again with it and --timezone)` : ''),
    );
  }

  let slug = headlineSlug(page.title);
  if (options.slug !== undefined) {
    slug = options.slug;
    if (!slug || articleSlug(`${slug}.md`) !== slug) {
      errors.push(`--slug "${options.slug}" is not a file name we can use; expected lower-case words joined by hyphens, e.g. ${articleSlug(`${options.slug}.md`) || 'aleppo-raid'}`);
    }
  }

  let url: string | undefined;
  const givenUrl = options.url ?? page.url;
  if (givenUrl !== undefined) {
    url = givenUrl.trim();
    let ok = false;
    try {
      ok = /^https?:$/.test(new URL(url).protocol);
    } catch {
      ok = false;
    }
    if (!ok && options.url !== undefined) errors.push(`--url "${options.url}" is not an http(s) address; expected the original article's address, e.g. https://www.jpost.com/…`);
    if (!ok) url = undefined;
  }
  const urlHost = url ? hostOf(url) : undefined;
  const urlFrom = options.url !== undefined ? `the --url host ${urlHost}` : `the page's address (${urlHost})`;
  const urlSource = url ? registry.match(url) : undefined;

  // Who reported it: what the editor says, else what the page says (a promo, "SOURCE:",
  // copyright or agency dateline line), else the site the article was taken from.
  let source: ImportSummary['source'] | undefined;
  let newSource: NewSource | undefined;
  const clueSource = (clue: SourceClue) => registry.match(clue.name) ?? (clue.host ? registry.match(clue.host) : undefined);
  const knownClue = page.sourceClues.find((clue) => clueSource(clue) !== undefined);
  const unknownClue = page.sourceClues.find((clue) => clueSource(clue) === undefined);
  const refuseUnknown = (flag: string, given: string) => {
    const near = registry.suggest(given);
    errors.push(
      `${flag} "${given}" is not in the sources list${near ? `; did you mean "${near}"?` : ''}. Known sources: ${knownSources(registry)}.` +
        (flag === '--source'
          ? ` To add it, give its address too: ${command} --source "${given}" --url https://… --add-source`
          : ' Add it to content/sources.yaml first.'),
    );
  };
  const named = (flag: string, given: string): Source | undefined => {
    const found = registry.match(given);
    if (!found) refuseUnknown(flag, given);
    return found;
  };
  if (options.source !== undefined) {
    const found = registry.match(options.source);
    if (found) {
      source = { name: found.name, from: '--source' };
      const other = page.sourceClues.find((clue) => clueSource(clue) !== found);
      if (other) attention.push(`source: the text says "${other.line}", but --source names ${found.name}; check which is right`);
    } else if (options.addSource && url && urlHost && !urlSource) {
      newSource = newSourceEntry({ name: options.source.trim(), host: urlHost, line: '--source' }, registry);
      source = { name: newSource.name, from: `--source, added to the sources list as "${newSource.id}"` };
    } else {
      refuseUnknown('--source', options.source);
    }
  } else if (knownClue) {
    source = { name: clueSource(knownClue)!.name, from: `the line "${knownClue.line}"` };
  } else if (unknownClue) {
    const near = registry.suggest(unknownClue.name);
    if (options.addSource && unknownClue.host) {
      newSource = newSourceEntry({ ...unknownClue, host: unknownClue.host }, registry);
      source = { name: newSource.name, from: `the line "${unknownClue.line}", added to the sources list as "${newSource.id}"` };
    } else if (options.addSource && urlHost && !urlSource) {
      newSource = newSourceEntry({ ...unknownClue, host: urlHost }, registry);
      source = { name: newSource.name, from: `the line "${unknownClue.line}", added to the sources list as "${newSource.id}" with ${urlFrom}` };
    } else if (options.addSource) {
      errors.push(
        `the text names the source "${unknownClue.name}" ("${unknownClue.line}") but gives no web address to add it with. ` +
          `To add it, give its address: ${command} --source "${unknownClue.name}" --url https://… --add-source`,
      );
    } else {
      errors.push(
        `the text names the source "${unknownClue.name}"${unknownClue.host ? ` (${unknownClue.host})` : ''}, which is not in the sources list${near ? ` (did you mean "${near}"?)` : ''}. ` +
          (unknownClue.host
            ? `To add it to content/sources.yaml as "${unknownClue.name}" (https://${unknownClue.host}), run: ${command} --add-source`
            : `To add it, run: ${command} --source "${unknownClue.name}" --url https://… --add-source`) +
          ` (or name a known source with --source; known: ${knownSources(registry)})`,
      );
    }
  } else if (urlSource && options.republishedBy === undefined) {
    source = { name: urlSource.name, from: urlFrom };
  } else {
    errors.push(`no source: the text does not say who reported it; name it with --source (known: ${knownSources(registry)})`);
  }

  let republishedBy: ImportSummary['republishedBy'];
  if (options.republishedBy !== undefined) {
    const found = named('--republished-by', options.republishedBy);
    if (found) republishedBy = { name: found.name, from: '--republished-by' };
  } else if (urlSource && source && urlSource.name !== source.name) {
    republishedBy = { name: urlSource.name, from: urlFrom };
  }

  const topics = (options.topics ?? []).map((t) => t.trim()).filter(Boolean);
  // "By THE MEDIA LINE" credits the agency, which `source` already says; a byline names a writer.
  const bylineIsSource = page.byline !== undefined && registry.match(page.byline) !== undefined;
  const byline = options.byline?.trim() || (bylineIsSource ? undefined : page.byline);
  if (page.byline && !options.byline) {
    attention.push(
      bylineIsSource
        ? `byline: "${page.byline}" names a source, not a writer, so no byline was set`
        : `byline: "${page.byline}" was read from the page; check it names the writer`,
    );
  }

  if (errors.length || !source) return { ok: false, errors };

  const figures = page.body.flatMap((b) => (b.kind === 'figure' ? [b.figure] : []));
  const withoutFile = [...(page.lead ? [page.lead] : []), ...figures].filter((f) => f.src === undefined).length;
  if (withoutFile) {
    attention.push(
      `${withoutFile === 1 ? 'the photo is' : `the ${withoutFile} photos are`} not available as files: readers see the caption and credit only; ` +
        'add src and alt (image: in the frontmatter, src="…" alt="…" on a figure) when you have them',
    );
  }

  const lang = options.lang ?? languageOf(page) ?? 'en';
  const fields: FrontmatterFields = {
    title: page.title,
    standfirst: page.standfirst,
    published: published.value,
    ...(updated !== undefined ? { updated } : {}),
    ...(options.timezone !== undefined ? { timezone: options.timezone } : {}),
    source: source.name,
    ...(republishedBy ? { republishedBy: republishedBy.name } : {}),
    ...(url !== undefined ? { url } : {}),
    ...(byline ? { byline } : {}),
    topics,
    lang,
    draft: published.placeholder,
    ...(page.lead
      ? {
          image: {
            ...(page.lead.src !== undefined ? { src: page.lead.src, alt: page.lead.alt ?? '' } : {}),
            caption: page.lead.caption,
            ...(page.lead.credit !== undefined ? { credit: page.lead.credit } : {}),
          },
        }
      : {}),
    ...(published.placeholder
      ? { comments: { published: `${PLACEHOLDER_MARK} (today): write the date the story was first published`, draft: 'delete this line once published is filled in' } }
      : {}),
  };
  const body = bodyMarkdown(page.body);
  const markdown = `${frontmatterYaml(fields)}\n${body}${body ? '\n' : ''}`;

  return {
    ok: true,
    slug,
    markdown,
    ...(newSource ? { newSource } : {}),
    summary: {
      title: page.title,
      standfirst: page.standfirst,
      slug,
      source,
      ...(republishedBy ? { republishedBy } : {}),
      published,
      ...(updated !== undefined ? { updated } : {}),
      suggestedDates,
      ...(byline ? { byline } : {}),
      ...(page.dateline !== undefined ? { dateline: page.dateline } : {}),
      ...(page.lead ? { lead: summariseFigure(page.lead) } : {}),
      figures: figures.map(summariseFigure),
      subheadings: page.body.flatMap((b) => (b.kind === 'heading' ? [b.text] : b.kind === 'markdown' ? [...b.markdown.matchAll(/^#{1,6} (.+)$/gm)].map((m) => m[1]!) : [])),
      removed: page.removed,
      attention,
    },
  };
}
