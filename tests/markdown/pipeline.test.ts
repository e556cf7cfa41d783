/**
 * The article Markdown pipeline: figures, relative dates and sanitising, as the built page
 * gets them (the same processor as astro.config.mjs).
 */
import { describe, expect, it } from 'vitest';
import { domOf } from '../helpers/build-site.ts';
import { renderArticleMarkdown as render } from '../helpers/render-markdown.ts';

describe('figures', () => {
  it('renders a figure with caption and structured credit, no image when there is no src', async () => {
    const html = await render(':::figure{credit="AMIR COHEN/REUTERS"}\nSmoke rises over the city.\n:::');
    expect(html).toBe(
      '<figure class="figure"><figcaption><span class="visually-hidden">Image caption, </span>Smoke rises over the city. <small class="credit"><span class="visually-hidden">Image source, </span>Amir Cohen / Reuters</small></figcaption></figure>',
    );
  });

  it('renders the image with its alt text when there is a src', async () => {
    const html = await render(':::figure{src="https://example.org/a.jpg" alt="A street" credit="Photo: AP"}\nA street.\n:::');
    expect(html).toContain('<img src="https://example.org/a.jpg" alt="A street"');
    expect(html).toContain('<small class="credit"><span class="visually-hidden">Image source, </span>AP</small>');
  });

  it('renders no figcaption when caption and credit are both empty', async () => {
    expect(await render(':::figure{src="https://example.org/a.jpg" alt="A street"}\n:::')).not.toContain('figcaption');
    expect(await render(':::figure\n:::')).toBe('');
  });

  it('labels captions in the article language', async () => {
    const html = await render(':::figure{credit="رويترز"}\nدخان فوق المدينة.\n:::', { lang: 'ar', publishedDate: '2025-05-18' });
    expect(html).toContain('التعليق على الصورة، ');
    expect(html).toContain('مصدر الصورة، ');
  });

  it('keeps text that merely looks like a directive', async () => {
    expect(await render('Kick-off at 10:30 and Photo:AP said so.')).toBe('<p>Kick-off at 10:30 and Photo:AP said so.</p>');
    expect(await render('::note\n\nText')).toContain('::note');
  });
});

describe('relative days', () => {
  it('dates the seed’s “on Saturday” to the day before publication', async () => {
    expect(await render('The ministry announced on Saturday the operation.')).toBe(
      '<p>The ministry announced on <time datetime="2025-05-17">Saturday</time> the operation.</p>',
    );
  });
  it('marks yesterday and today, but not a habitual weekday', async () => {
    const html = await render('Yesterday it rained; today it is dry. Markets close every Friday.');
    expect(html).toContain('<time datetime="2025-05-17">Yesterday</time>');
    expect(html).toContain('<time datetime="2025-05-18">today</time>');
    expect(html).toContain('every Friday');
    expect(html).not.toContain('>Friday</time>');
  });
  it('dates a weekday at the start of a sentence', async () => {
    const html = await render('On Saturday, the ministry announced the operation. Last Friday it had warned of attacks.');
    expect(html).toBe(
      '<p>On <time datetime="2025-05-17">Saturday</time>, the ministry announced the operation. Last <time datetime="2025-05-16">Friday</time> it had warned of attacks.</p>',
    );
  });
  it('dates the news form “said Saturday” when the weekday ends the phrase', async () => {
    const html = await render(
      'The ministry said Saturday that 12 people were held. Police announced Friday. Officials confirmed Thursday, adding that more raids would follow. The army said Sunday in a statement it had withdrawn.',
    );
    expect(html).toContain('said <time datetime="2025-05-17">Saturday</time> that');
    expect(html).toContain('announced <time datetime="2025-05-16">Friday</time>.');
    expect(html).toContain('confirmed <time datetime="2025-05-15">Thursday</time>, adding');
    // A Sunday story: "Sunday" is its own day, never the Sunday to come.
    expect(html).toContain('said <time datetime="2025-05-18">Sunday</time> in a statement');
  });
  it('leaves a weekday alone where it may lie ahead of publication', async () => {
    const html = await render(
      'The ministry said Saturday would be a day of mourning. He announced Saturday’s vote. They said Friday, Saturday and Sunday were holidays. She told Monday’s meeting nothing.',
    );
    expect(html).not.toContain('<time');
  });
  it('leaves a weekday alone after “by”, “from” and “until”, which as often point ahead', async () => {
    const html = await render('Talks continue until Saturday. Results are due by Friday. Schools close from Monday. The count ran until Sunday night.');
    expect(html).not.toContain('Saturday</time>');
    expect(html).not.toContain('Friday</time>');
    expect(html).not.toContain('Monday</time>');
    // "Sunday night" still names a day and part of it, which this sentence's tense does not change.
    expect(html).toContain('<time datetime="2025-05-18">Sunday</time> night');
  });
  it('never dates a weekday after publication, whichever day the story came out', async () => {
    for (const publishedDate of ['2025-05-12', '2025-05-13', '2025-05-14', '2025-05-15', '2025-05-16', '2025-05-17', '2025-05-18']) {
      const html = await render('On Monday and on Tuesday and on Wednesday and on Thursday and on Friday and on Saturday and on Sunday it rained.', { lang: 'en', publishedDate });
      const dates = [...html.matchAll(/datetime="([\d-]+)"/g)].map((m) => m[1]!);
      expect(dates).toHaveLength(7);
      for (const date of dates) {
        expect(date <= publishedDate).toBe(true);
        expect(Date.parse(publishedDate) - Date.parse(date)).toBeLessThan(7 * 24 * 3600 * 1000);
      }
      expect(new Set(dates).size).toBe(7);
    }
  });
  it('leaves a weekday alone in a sentence that looks ahead, and dates the others', async () => {
    const ahead = [
      'The minister will travel to Paris on Saturday.',
      'Talks are scheduled to resume on Monday.',
      'He’ll speak on Tuesday.',
      'The vote is expected to take place on Sunday.',
      'Markets reopen on Saturday next week.',
      'The upcoming summit opens on Wednesday.',
    ];
    const html = await render(ahead.join(' '));
    expect(html).not.toContain('<time');
    const past = await render('The summit, held on Saturday, ended early. Officials will meet again. It rained on Friday; talks will resume.');
    expect(past).toContain('held on <time datetime="2025-05-17">Saturday</time>');
    expect(past).toContain('rained on <time datetime="2025-05-16">Friday</time>;');
    // "today" and "yesterday" do not move with the tense.
    expect(await render('The court will rule today.')).toContain('<time datetime="2025-05-18">today</time>');
  });
  it('works in Arabic', async () => {
    const ar = { lang: 'ar', publishedDate: '2025-05-18' };
    const html = await render('أعلنت الوزارة يوم السبت عن العملية.', ar);
    expect(html).toContain('<time datetime="2025-05-17">السبت</time>');
    // "next Saturday" and "will … on Saturday" lie ahead.
    expect(await render('تبدأ المحادثات يوم السبت المقبل.', ar)).not.toContain('<time');
    expect(await render('سوف يزور الوزير دمشق يوم الأحد.', ar)).not.toContain('<time');
  });
});

describe('sanitising', () => {
  it.each([
    ['<script>alert(1)</script>'],
    ['<img src=x onerror=alert(1)>'],
    ['<svg onload=alert(1)></svg>'],
    ['<details open ontoggle=alert(1)>x</details>'],
    ['[click](javascript:alert(1))'],
    ['[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['![x](javascript:alert(1))'],
    ['<a href="jav&#x09;ascript:alert(1)">x</a>'],
    ['<iframe src="https://example.org"></iframe>'],
    ['<form action="https://evil.example"><input name=q><button>go</button></form>'],
    ['<style>body{display:none}</style>'],
    ['<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'],
    ['<img srcset="javascript:alert(1) 1x">'],
    [':::figure{src="javascript:alert(1)" credit="<img src=x onerror=alert(1)>"}\nCaption\n:::'],
    ['<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">'],
  ])('%s leaves nothing that can run', async (vector) => {
    const html = await render(`Before.\n\n${vector}\n\nAfter.`);
    const doc = domOf(`<body>${html}</body>`);
    expect(doc.querySelectorAll('script, iframe, object, embed, form, style, input, svg, noscript, button').length).toBe(0);
    for (const el of doc.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) {
        expect(attr).not.toMatch(/^on/i);
        expect(el.getAttribute(attr) ?? '').not.toMatch(/^\s*(javascript|data|vbscript):/i);
      }
    }
    expect(doc.querySelectorAll('img:not([src])').length).toBe(0);
    expect(html).toContain('<p>Before.</p>');
    expect(html).toContain('<p>After.</p>');
  });

  it('does not let an unclosed stripped element swallow the rest of the article', async () => {
    for (const vector of ['<title onpropertychange=alert(1)></title><title title=>', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', 'Text <title>inline']) {
      const html = await render(`Before.\n\n${vector}\n\nAfter.\n\n## Still here\n\nLast.`);
      expect(html, vector).toContain('<p>After.</p>');
      expect(html, vector).toContain('Still here</h2>');
      expect(html, vector).toContain('<p>Last.</p>');
    }
  });

  it('drops the text of a stripped element written inline, not the rest of its paragraph', async () => {
    const html = await render('Hello <script>alert(1)</script> world. A <style>p{color:red}</style>styled <b>word</b>.\n\nAfter.');
    expect(html).toBe('<p>Hello  world. A styled <b>word</b>.</p>\n<p>After.</p>');
  });

  it('keeps whole paragraphs between a stripped element opened and closed in blocks of their own', async () => {
    const html = await render('Before.\n\n<title>\n\nKept paragraph.\n\n</title>\n\nAfter.');
    expect(html).toContain('<p>Kept paragraph.</p>');
    expect(html).toContain('<p>After.</p>');
  });

  it('keeps the text after an inline stripped element that is never closed in its paragraph', async () => {
    const html = await render('Text <title>inline and *more*.\n\nAfter </title> end.');
    expect(html).toContain('inline and <em>more</em>.');
    expect(html).toContain('<p>After  end.</p>');
  });

  it('keeps raw HTML that wraps Markdown', async () => {
    const html = await render('<details>\n<summary>More</summary>\n\nHidden *text*.\n\n</details>\n\nAfter.');
    expect(html).toMatch(/<details>\s*<summary>More<\/summary>\s*<p>Hidden <em>text<\/em>\.<\/p>\s*<\/details>/);
    expect(html).toContain('<p>After.</p>');
  });

  it('drops name attributes, which could clobber document methods', async () => {
    const html = await render('<img name="querySelector" id="getElementById" src="https://example.org/a.png" alt="x">');
    expect(html).not.toContain('name=');
  });

  it('keeps what articles need', async () => {
    const html = await render('*em* **strong** [link](https://example.org)\n\n> quote\n\n- a\n- b\n\n| h |\n| - |\n| c |\n\n<figure><figcaption>x</figcaption></figure>');
    for (const tag of ['<em>', '<strong>', '<a href="https://example.org">', '<blockquote>', '<ul>', '<table>', '<figure>', '<figcaption>']) {
      expect(html).toContain(tag);
    }
  });
});

describe('tables', () => {
  const table = '| Province | Killed |\n| --- | --- |\n| Aleppo | 12 |';

  it('puts each table in a box that scrolls sideways, reachable by keyboard and named in the article language', async () => {
    const doc = domOf(await render(`${table}\n\nText.`));
    const box = doc.querySelector('section.table-scroll');
    expect([box?.getAttribute('aria-label'), box?.getAttribute('tabindex')]).toEqual(['Table', '0']);
    expect(box?.firstElementChild?.tagName).toBe('TABLE');
    const arabic = domOf(await render(table, { lang: 'ar', publishedDate: '2025-05-18' }));
    expect(arabic.querySelector('.table-scroll')?.getAttribute('aria-label')).toBe('جدول');
  });

  it('tells several tables apart by their place in the story, captioned ones by their caption', async () => {
    const captioned = '<table><caption>Casualties by province</caption><tr><td>Aleppo</td></tr></table>';
    const doc = domOf(await render(`${table}\n\n${captioned}\n\nText.\n\n${table}`));
    const boxes = [...doc.querySelectorAll('section.table-scroll')];
    expect(boxes.map((box) => [box.getAttribute('aria-label'), box.getAttribute('tabindex')])).toEqual([
      ['Table 1', '0'],
      ['Casualties by province', '0'],
      ['Table 3', '0'],
    ]);
    const arabic = domOf(await render(`${table}\n\n${table}`, { lang: 'ar', publishedDate: '2025-05-18' }));
    expect([...arabic.querySelectorAll('.table-scroll')].map((box) => box.getAttribute('aria-label'))).toEqual(['جدول 1', 'جدول 2']);
  });

  it('names the box after the table’s own caption, and never lets the editor set tabindex, accesskey or role', async () => {
    const doc = domOf(await render('<table tabindex="5" accesskey="s" role="button"><caption>Casualties by province</caption><tr><td>Aleppo</td></tr></table>'));
    expect(doc.querySelector('.table-scroll')?.getAttribute('aria-label')).toBe('Casualties by province');
    expect(doc.querySelector('table')?.getAttribute('tabindex')).toBeNull();
    expect(doc.querySelector('table')?.getAttribute('role')).toBeNull();
    expect(doc.querySelector('table')?.getAttribute('accesskey')).toBeNull();
    expect(doc.querySelectorAll('[tabindex]')).toHaveLength(1);
    expect(doc.querySelector('table > caption')?.textContent).toBe('Casualties by province');
  });
});
