/**
 * npm run new -- "Headline" [--out DIR] [--content DIR]
 *
 * Starts an article: DIR/<slug>.md (default content/articles/) with every frontmatter
 * field written out — required ones to fill in, optional ones commented with an example —
 * `published` set to now in the site's zone, and `draft: true`. Never overwrites; the new
 * file's path is the last line of output.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { tz } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { loadContentProject } from '../src/content/project.ts';
import { headlineSlug, slugClash, yamlScalar } from '../src/import/article-file.ts';
import { siteConfig } from '../src/site.config.ts';
import { fail, shownPath } from './cli.ts';

const USAGE = `usage: npm run new -- "Headline" [--out DIR] [--content DIR]
  --out DIR      where to write the article (default: the content folder's articles/)
  --content DIR  the folder holding sources.yaml and articles/ (default: content)`;

const root = process.cwd();

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      content: { type: 'string', default: 'content' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`, 2);
}
const { values: opts, positionals } = args;
if (opts.help) {
  console.log(USAGE);
  process.exit(0);
}
// An unquoted headline arrives as several words; they can only mean one headline.
const headline = positionals.join(' ').replace(/\s+/gu, ' ').trim();
if (!headline) fail(`expected the headline, in quotes\n${USAGE}`, 2);

const contentDir = opts.content.replace(/\/$/, '');
// The sources list only feeds the hint next to `source:`; a broken list is `npm run check`'s to report.
let known = '';
try {
  known = loadContentProject(root, contentDir).sources.sources.map((s) => s.name).join(', ');
} catch {
  known = '';
}

const slug = headlineSlug(headline);
const outDir = resolve(root, opts.out ?? `${contentDir}/articles`);
const target = join(outDir, `${slug}.md`);
if (existsSync(target)) {
  fail(`${shownPath(target)} already exists; nothing was written. Use another headline, or move the existing file away first.`);
}
const clash = existsSync(outDir) ? slugClash(readdirSync(outDir), slug) : undefined;
if (clash) fail(`${shownPath(join(outDir, clash))} already has the address /articles/${slug}/; nothing was written. Use another headline.`);

const zone = siteConfig.timezone;
const now = format(new Date(), "yyyy-MM-dd'T'HH:mm", { in: tz(zone) });

// Comments after a value keep each line valid when uncommented as it stands.
const text = `---
title: ${yamlScalar(headline)}
standfirst: # REQUIRED: one or two sentences under the headline that tell the story in brief
published: ${now} # now, in ${zone} (the site's zone); change to when the story was first published
# updated: ${now} # when the story last changed in substance; same forms as published
# timezone: Asia/Damascus # IANA zone the times are in; default ${zone} (the site's zone)
source: # REQUIRED: who reported it, a name from ${contentDir}/sources.yaml${known ? ` (${known})` : ''}
# republishedBy: The Jerusalem Post # who republished it, when we took it from them
# url: https://www.example.com/the-original-article # the address of the article we took it from
byline: "" # the writer's name, or "A and B"; a name in content/authors.yaml links their page
topics: [] # e.g. [Syria, Security]
lang: en # language tag; ar is shown right to left
draft: true # delete this line when the article is ready to publish
# kind: news # news, analysis, opinion, explainer, interview, review, obituary, or sponsored (then add "sponsor: who paid")
# dateline: ALEPPO # where the story was reported from, printed before the first paragraph
# corrections: # dated corrections, shown on the story and on /corrections/; never delete one
#   - date: ${now} # when it was put right; same forms as published
#     text: An earlier version of this story gave the wrong date of the vote.
# updates: # dated notes of what changed in the story
#   - date: ${now}
#     text: Added the minister's reply.
# image: # the lead photo; leave src out when the photo is not available
#   src: ./photo.jpg # a file next to this article, or a path under public/
#   alt: What the photo shows, for readers who cannot see it
#   caption: The caption printed under the photo
#   credit: "photo credit: Jane Doe/AFP via Getty Images"
---

<!-- The story: paragraphs separated by blank lines, "## " for a subheading, and a photo as
:::figure{credit="photo credit: Jane Doe/AFP"}
The caption.
:::
See README.md for the whole format. This comment never reaches readers. -->
`;

try {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(target, text, { flag: 'wx' });
} catch (error) {
  fail(`cannot write ${shownPath(target)}: ${error instanceof Error ? error.message : String(error)}`);
}

console.log(
  [
    `Created a draft: ${headline}`,
    `  published is set to now (${now}, ${zone}); change it to when the story was first published.`,
    'Fill in before the site will build (`npm run check` lists what is still missing):',
    '  - standfirst: one or two sentences under the headline',
    `  - source: who reported it${known ? ` (known: ${known})` : ''}`,
    '  - the story, below the frontmatter',
    'Optional fields are commented out with examples; delete "draft: true" when it is ready.',
    shownPath(target),
  ].join('\n'),
);
