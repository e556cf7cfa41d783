/**
 * What a user might pick instead, for scale: Debian's Hugo building the same corpus with
 * minimal templates (a page per story, a list per topic, feeds, no search), then Pagefind's
 * own CLI indexing Hugo's output. Measured in the same run as our builds and printed beside
 * them; it is the figure to approach, not a budget.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const HUGO_BIN = '/usr/bin/hugo';

export function hugoMissing(): string | undefined {
  return existsSync(HUGO_BIN) ? undefined : `${HUGO_BIN} is missing: install the Debian package "hugo" (apt-get install hugo)`;
}

// The stories keep their own front matter; `published` is not Hugo's date field, so every
// page gets the zero date, which costs Hugo nothing.
const CONFIG = `baseURL = "http://127.0.0.1/"
languageCode = "en"
title = "Hugo baseline"
disableKinds = ["sitemap", "robotsTXT", "404"]
[taxonomies]
  topic = "topics"
[markup.goldmark.renderer]
  unsafe = false
`;

const BASE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>
`;
const SINGLE = `{{ define "main" }}<article data-pagefind-body><h1>{{ .Title }}</h1><p>{{ .Params.standfirst }}</p>{{ .Content }}</article>{{ end }}
`;
const LIST = `{{ define "main" }}<h1>{{ .Title }}</h1><ol>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ol>{{ template "_internal/pagination.html" . }}{{ end }}
`;

/**
 * A Hugo site of the corpus's stories. Hugo reads a story's `url` (the original address)
 * as the page's own address, so that field is renamed in Hugo's copy; nothing else changes.
 */
export function writeHugoProject(dir: string, articlesDir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'content/articles'), { recursive: true });
  mkdirSync(join(dir, 'layouts/_default'), { recursive: true });
  writeFileSync(join(dir, 'hugo.toml'), CONFIG);
  writeFileSync(join(dir, 'layouts/_default/baseof.html'), BASE);
  writeFileSync(join(dir, 'layouts/_default/single.html'), SINGLE);
  writeFileSync(join(dir, 'layouts/_default/list.html'), LIST);
  for (const name of readdirSync(articlesDir)) {
    if (!name.endsWith('.md')) continue;
    writeFileSync(join(dir, 'content/articles', name), readFileSync(join(articlesDir, name), 'utf8').replace(/^url:/m, 'original_url:'));
  }
}

/** The `hugo` command, and Pagefind's CLI over its output, for measureCommand. */
export function hugoCommands(dir: string, pagefindBin: string): { hugo: string[]; pagefind: string[] } {
  return {
    hugo: [HUGO_BIN, '--source', dir, '--destination', join(dir, 'public'), '--quiet'],
    pagefind: [pagefindBin, '--site', join(dir, 'public'), '--silent'],
  };
}

export function hugoVersion(): string {
  return spawnSync(HUGO_BIN, ['version'], { encoding: 'utf8' }).stdout.trim().split(' ').slice(0, 2).join(' ');
}
