/**
 * What the pipeline hands on besides the HTML: the text a reader reads (it becomes the
 * search index) and the reading time shown on the page, both from the rendered article.
 */
import { describe, expect, it } from 'vitest';
import { createArticleRenderer } from '../../src/markdown/article-renderer.ts';

const renderer = createArticleRenderer({});

async function readingText(body: string, lang = 'en') {
  const { metadata } = await (await renderer).render(body, { lang, publishedDate: '2025-05-18' });
  return metadata.frontmatter as { searchText: string; readingMinutes: number };
}

describe('reading text', () => {
  it('is the visible text, one block a line, without the labels only screen readers hear', async () => {
    const { searchText } = await readingText(
      'The ministry *announced* on Saturday the raid.\n\n## ISIS control in Syria\n\n:::figure{credit="AMIR COHEN/REUTERS"}\nSmoke rises.\n:::\n\n- one\n- two',
    );
    expect(searchText).toBe('The ministry announced on Saturday the raid.\nISIS control in Syria\nSmoke rises. Amir Cohen / Reuters\none\ntwo');
  });

  it('leaves out what the sanitiser removed', async () => {
    const { searchText } = await readingText('Before.\n\n<script>\nalert("x")\n</script>\n\n<style>\np { color: red }\n</style>\n\nAfter.');
    expect(searchText).toBe('Before.\nAfter.');
  });

  it('counts reading minutes from the words read, at the pace of the language', async () => {
    expect((await readingText('word '.repeat(690))).readingMinutes).toBe(3);
    expect((await readingText('كلمة '.repeat(540), 'ar')).readingMinutes).toBe(3);
    // Figure markup is not words; a short story still takes a minute.
    expect((await readingText(':::figure{credit="Photo: AP"}\nA street.\n:::')).readingMinutes).toBe(1);
  });
});
