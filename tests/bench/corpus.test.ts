/**
 * The benchmark's corpus generator: the same seed gives the same articles, and every
 * article is valid by the site's own validator — a benchmark of articles the site would
 * reject measures nothing. (The benchmark itself is never run in tests: timings on a
 * shared machine are too noisy to assert.)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateArticle, generateCorpus, withEditedBody, withRepeatedParagraph, writeCorpus } from '../../scripts/bench/corpus.ts';
import { loadContentProject } from '../../src/content/project.ts';
import { readFrontmatter } from '../../src/lib/frontmatter.ts';
import { validateArticles } from '../../src/lib/validate-articles.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const project = loadContentProject(ROOT, 'content');
const corpus = generateCorpus(42, 1000);

function validate(files: { name: string; text: string }[]) {
  return validateArticles(
    files.map((f) => ({ path: `content/articles/${f.name}`, text: f.text })),
    { schema: project.schema, fileExists: () => false, remoteImageHosts: [] },
  );
}

function bodyOf(text: string): string {
  return readFrontmatter(text).body;
}

describe('bench corpus generator', () => {
  it('gives the same articles for the same seed, and others for another seed', () => {
    expect(generateCorpus(42, 1000)).toEqual(corpus);
    const other = generateCorpus(43, 50);
    expect(other.filter((f, i) => f.text === corpus[i]!.text)).toHaveLength(0);
  });

  it('makes each article depend only on seed and index, so a small corpus is the start of a large one', () => {
    expect(generateCorpus(42, 10)).toEqual(corpus.slice(0, 10));
    expect(generateArticle(42, 999)).toEqual(corpus[999]);
  });

  it('writes only articles the site accepts: no errors, no warnings, unique addresses', () => {
    const { articles, problems } = validate(corpus);
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(corpus.length);
  });

  it('writes realistic articles: ~3,500 characters, two credited figures, a subheading, 1–3 topics', () => {
    const lengths = corpus.map((f) => bodyOf(f.text).length).sort((a, b) => a - b);
    expect(lengths[500]).toBeGreaterThan(3000);
    expect(lengths[500]).toBeLessThan(4000);
    for (const file of corpus) {
      const body = bodyOf(file.text);
      expect(body.match(/^:::figure\{credit="[^"]+"\}$/gm)).toHaveLength(2);
      expect(body.match(/^## \S/gm)).toHaveLength(1);
    }
    const { articles } = validate(corpus);
    expect(new Set(articles.map((a) => a.article.topics.length))).toEqual(new Set([1, 2, 3]));
    expect(new Set(articles.flatMap((a) => a.article.topics.map((t) => t.slug))).size).toBeGreaterThanOrEqual(25);
    expect(new Set(articles.map((a) => a.article.source.id)).size).toBe(5);
    // Credits come in the forms news sites print, so the credit parser sees each shape.
    const credits = corpus.flatMap((f) => [...bodyOf(f.text).matchAll(/credit="([^"]+)"/g)].map((m) => m[1]!));
    for (const form of [/^photo credit: .+\. Via Shutterstock$/, /^[A-Z' -]+\/REUTERS$/, /\/AFP via Getty Images$/, /^credit: NDLA$/, /^Photo: AP$/, /^\(photo credit: .+\/Flash90\)$/]) {
      expect(credits.some((c) => form.test(c)), String(form)).toBe(true);
    }
  });

  it('writes ~5% of articles in Arabic, with Arabic text', () => {
    const arabic = corpus.filter((f) => f.lang === 'ar');
    expect(arabic.length).toBeGreaterThan(20);
    expect(arabic.length).toBeLessThan(90);
    for (const file of arabic) {
      expect(file.text).toMatch(/^lang: ar$/m);
      expect(bodyOf(file.text)).toMatch(/[\u0600-\u06ff]{3,}/);
    }
  });

  it('spreads publication over about three years, in date-only and timed forms with zones', () => {
    const { articles } = validate(corpus);
    const kinds = new Set(articles.map((a) => a.article.published.kind));
    expect(kinds).toEqual(new Set(['date', 'instant']));
    const years = new Set(articles.map((a) => (a.article.published.kind === 'date' ? a.article.published.date : a.article.published.iso).slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(3);
    const published = corpus.map((f) => /^published: (.+)$/m.exec(f.text)![1]!);
    expect(published.some((p) => /^\d{4}-\d\d-\d\d$/.test(p))).toBe(true);
    expect(published.some((p) => /T\d\d:\d\d$/.test(p))).toBe(true);
    expect(published.some((p) => /[+-]\d\d:\d\d$/.test(p))).toBe(true);
    expect(published.some((p) => /Z$/.test(p))).toBe(true);
    expect(corpus.some((f) => /^timezone: \w+\/\w+/m.test(f.text))).toBe(true);
  });

  it('changes only the body for the one-article rebuild, and stays valid', () => {
    const edited = withEditedBody(corpus[0]!.text, 1);
    expect(readFrontmatter(edited).data).toEqual(readFrontmatter(corpus[0]!.text).data);
    expect(bodyOf(edited)).not.toBe(bodyOf(corpus[0]!.text));
    expect(validate([{ name: corpus[0]!.name, text: edited }]).problems).toEqual([]);
  });

  it('changes only the body in words the story already has for the other one-article rebuild, and stays valid', () => {
    const words = (text: string) => new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));
    for (const file of [corpus[0]!, corpus.find((f) => f.lang === 'ar')!]) {
      const edited = withRepeatedParagraph(file.text);
      expect(readFrontmatter(edited).data).toEqual(readFrontmatter(file.text).data);
      expect(bodyOf(edited)).not.toBe(bodyOf(file.text));
      expect(bodyOf(edited).length).toBeGreaterThan(bodyOf(file.text).length + 40);
      expect([...words(bodyOf(edited))].filter((w) => !words(bodyOf(file.text)).has(w))).toEqual([]);
      expect(validate([{ name: file.name, text: edited }]).problems).toEqual([]);
    }
  });

  describe('writeCorpus', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('writes a content folder the site can build from: articles/ and sources.yaml', () => {
      const files = corpus.slice(0, 5);
      writeCorpus(join(dir, 'content'), files, join(ROOT, 'content/sources.yaml'));
      expect(readdirSync(join(dir, 'content/articles')).sort()).toEqual(files.map((f) => f.name).sort());
      expect(readFileSync(join(dir, 'content/sources.yaml'), 'utf8')).toBe(readFileSync(join(ROOT, 'content/sources.yaml'), 'utf8'));
      expect(readFileSync(join(dir, 'content/articles', files[0]!.name), 'utf8')).toBe(files[0]!.text);
    });
  });
});
