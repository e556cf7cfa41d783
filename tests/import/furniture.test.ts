/**
 * Page furniture is removed only as whole lines or recognised blocks; a sentence that starts
 * with the same words is the reporter's and stays (issue 26).
 */
import { describe, expect, it } from 'vitest';
import { readPastedText } from '../../src/import/read-paste.ts';

const around = (middle: string) => `Headline\n\nStandfirst.\n\nOne.\n\n${middle}\n\nTwo.`;

describe('furniture lines', () => {
  it.each([
    'Share',
    'Save',
    'Listen to this article | 4 mins',
    'Advertisement',
    'Reuse this content',
    'Purchase Licensing Rights',
    'Our Standards: The Thomson Reuters Trust Principles.',
    'Reporting by Jane Doe; Editing by John Roe',
    'Published 3 hours ago',
    '___',
    'Sign up for breaking news alerts',
    'Subscribe',
    'اقرأ أيضاً: حلب تستعيد أسواقها القديمة',
    'شارك',
  ])('removes "%s" and reports it', (line) => {
    const pasted = readPastedText(around(line));
    expect(pasted.removed).toEqual([line]);
    expect(pasted.body).toEqual([
      { kind: 'paragraph', text: 'One.' },
      { kind: 'paragraph', text: 'Two.' },
    ]);
  });

  it.each([
    'Sign up for the text alerts, the operator told passengers as the first sailings were cancelled.',
    'Share prices fell by a third after the announcement, traders said.',
    'Advertisement boards along the motorway were taken down overnight.',
    'Reporting by the local press suggested the talks had stalled.',
    'Read more than the headline and the picture changes, the minister said.',
  ])('keeps the sentence "%s", with a note when it starts like furniture', (sentence) => {
    const pasted = readPastedText(around(sentence));
    expect(pasted.removed).toEqual([]);
    expect(pasted.body).toContainEqual({ kind: 'paragraph', text: sentence });
  });

  it('says so when it keeps a line that starts like furniture', () => {
    const pasted = readPastedText(around('Sign up for the text alerts, the operator told passengers.'));
    expect(pasted.notes).toEqual([expect.stringContaining('starts like page furniture but goes on as a sentence, so it was kept')]);
  });
});

describe('furniture blocks', () => {
  it('removes a newsletter promo between its markers, as one reported block', () => {
    const block = 'skip past newsletter promotion\nSign up to First Edition\nOur morning email, every weekday.\nafter newsletter promotion';
    const pasted = readPastedText(around(block));
    expect(pasted.removed).toEqual([block.split('\n').join(' | ')]);
    expect(pasted.body).toHaveLength(2);
  });

  it('removes a link list under its heading, and stops at the story', () => {
    const pasted = readPastedText(around('Related topics\nSyria\nLebanon\n\nThe talks resume on Monday, officials said.'));
    expect(pasted.removed).toEqual(['Related topics | Syria | Lebanon']);
    expect(pasted.body.map((b) => (b.kind === 'paragraph' ? b.text : b.kind))).toEqual(['One.', 'The talks resume on Monday, officials said.', 'Two.']);
  });
});

describe('facts from page lines', () => {
  it('reads the source from "SOURCE:", promo and copyright lines, and agency datelines', () => {
    expect(readPastedText(around('SOURCE: AL JAZEERA AND NEWS AGENCIES')).sourceClues).toEqual([{ name: 'Al Jazeera', line: 'SOURCE: AL JAZEERA AND NEWS AGENCIES' }]);
    expect(readPastedText(around('© 2025 BBC')).sourceClues).toEqual([{ name: 'BBC', line: '© 2025 BBC' }]);
    const wire = readPastedText('Headline\n\nLONDON, June 1 (Reuters) - Prices rose.\n\nMore.');
    expect(wire.sourceClues).toEqual([{ name: 'Reuters', line: 'LONDON, June 1 (Reuters) -' }]);
    expect(wire.dateline).toBe('London');
    // Not a dateline: the place is not printed as one.
    expect(readPastedText('Headline\n\nStandfirst.\n\nIn Paris (AP) — he said.').dateline).toBeUndefined();
  });

  it('reads bylines with roles and takes the role out', () => {
    expect(readPastedText('H\n\nBy Tom Ellis, BBC News, Nicosia\n\nStandfirst.').byline).toBe('Tom Ellis');
    const named = readPastedText('H\n\nNadia Karam\nMiddle East correspondent\n\nStandfirst.');
    expect(named.byline).toBe('Nadia Karam');
    expect(named.removed).toEqual(['Middle East correspondent']);
    expect(named.standfirst).toBe('Standfirst.');
  });
});

describe('furniture told by its shape, in English and Arabic (issue 37)', () => {
  it.each([
    // Interface lines no list of phrases named before: most content words are controls.
    'Translate',
    'Ad Feedback',
    'Report this ad',
    'Share this story on WhatsApp',
    'استمع',
    'ترجم',
    'تابعونا على تلغرام',
    // Time stamps and counters.
    'Updated 10:42 AM',
    'منذ 3 ساعات',
    '128 comments',
    'عدد التعليقات: 12',
    // A row of short cells, a label with a colon, a call to the reader.
    'Print edition | March 2025 | Page 42',
    'Topics: Weather, Storms, Wales',
    'كلمات مفتاحية: الأردن، زراعة، قمح',
    'Sign up here for our daily Middle East newsletter.',
  ])('removes "%s" and reports it', (line) => {
    const pasted = readPastedText(around(line));
    expect(pasted.removed).toEqual([line]);
    expect(pasted.body.map((b) => (b.kind === 'paragraph' ? b.text : b.kind))).toEqual(['One.', 'Two.']);
  });

  it.each([
    // Short lines that are the story's: subheadings and a lone short paragraph.
    'Farms downstream',
    'What the council said',
    'المزارعون ينتظرون',
    // Sentences that use interface words, in both languages.
    'Share prices fell by a third after the announcement, traders said.',
    'The comments were posted on the ministry’s website on Monday.',
    'وقال إن المشاركة في الانتخابات كانت أعلى من المتوقع.',
    'Follow the money, the prosecutor told the court, and you will find the minister.',
  ])('keeps "%s"', (line) => {
    const pasted = readPastedText(around(line));
    expect(pasted.removed).toEqual([]);
    expect(pasted.body.map((b) => (b.kind === 'heading' || b.kind === 'paragraph' ? b.text : b.kind))).toContain(line);
  });

  it('takes a sign-up box pasted as one group out whole, consent line included', () => {
    const box = 'Get the Evening briefing\nThe day’s stories, in your inbox at six.\nEnter your email address\nSign up\nBy signing up, you agree to our Terms of Use.';
    const pasted = readPastedText(around(box));
    expect(pasted.removed).toEqual([box.split('\n').join(' | ')]);
  });

  it('keeps a group of story lines that merely follows a button', () => {
    const group = 'Sign up\nThe minister said the plan would be published in June.\nShe did not say how much it would cost.\nThe opposition called it a delay.';
    const pasted = readPastedText(around(group));
    expect(pasted.removed).toEqual(['Sign up']);
    expect(pasted.body.map((b) => (b.kind === 'paragraph' ? b.text : b.kind))).toContain('She did not say how much it would cost.');
  });

  it('takes the headline from the line shaped like one, not from a skip link, a sponsor or a kicker', () => {
    const pasted = readPastedText('Skip to main content\n\nSPONSORED BY A BANK\n\nOPINION\n\nPort workers strike over pay in Aqaba\n\nDockers walked out on Sunday after talks on a new contract broke down.\n\nThe port said ships were waiting offshore.');
    expect(pasted.title).toBe('Port workers strike over pay in Aqaba');
    expect(pasted.standfirst).toBe('Dockers walked out on Sunday after talks on a new contract broke down.');
    expect(pasted.removed).toEqual(['Skip to main content', 'SPONSORED BY A BANK', 'OPINION']);
  });

  it('keeps the first line as the headline when no later line looks more like one', () => {
    expect(readPastedText('Beirut votes\n\nPolls opened at seven in the morning across the city.\n\nTurnout was low.').title).toBe('Beirut votes');
  });
});
