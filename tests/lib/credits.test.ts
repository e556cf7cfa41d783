import { describe, expect, it } from 'vitest';
import { isAgency, namesPhotoSupplier, parseCredit, structuredCredit } from '../../src/lib/credits.ts';

describe('parseCredit: credits as printed under news photos', () => {
  it.each([
    ['(photo credit: Mohammad Bash. Via Shutterstock)', { creator: 'Mohammad Bash', provider: 'Shutterstock', line: 'Mohammad Bash / Shutterstock' }],
    ['photo credit: Mohammad Bash. Via Shutterstock', { creator: 'Mohammad Bash', provider: 'Shutterstock', line: 'Mohammad Bash / Shutterstock' }],
    ['(credit: NDLA)', { provider: 'NDLA', line: 'NDLA' }],
    ['credit: NDLA', { provider: 'NDLA', line: 'NDLA' }],
    ['AMIR COHEN/REUTERS', { creator: 'Amir Cohen', provider: 'Reuters', line: 'Amir Cohen / Reuters' }],
    ['(photo credit: AMIR COHEN/REUTERS)', { creator: 'Amir Cohen', provider: 'Reuters', line: 'Amir Cohen / Reuters' }],
    ['John Smith/AFP via Getty Images', { creator: 'John Smith', provider: 'AFP via Getty Images', line: 'John Smith / AFP via Getty Images' }],
    ['Photo: AP', { provider: 'AP', line: 'AP' }],
    ['Photo: Jane Doe', { provider: 'Jane Doe', line: 'Jane Doe' }],
    ['MARC ISRAEL SELLEM/THE JERUSALEM POST', { creator: 'Marc Israel Sellem', provider: 'The Jerusalem Post', line: 'Marc Israel Sellem / The Jerusalem Post' }],
    ['REUTERS/Hatem Khaled', { creator: 'Hatem Khaled', provider: 'Reuters', line: 'Hatem Khaled / Reuters' }],
    ['AP Photo/Jane Doe', { creator: 'Jane Doe', provider: 'AP', line: 'Jane Doe / AP' }],
    ['Photo by Jane Doe', { creator: 'Jane Doe', line: 'Jane Doe' }],
    ['Jane Doe via Reuters', { creator: 'Jane Doe', provider: 'Reuters', line: 'Jane Doe / Reuters' }],
    // Forms the importer meets on other sites (issue 26).
    ['File: Ahmed Jalil/AFP', { creator: 'Ahmed Jalil', provider: 'AFP', line: 'Ahmed Jalil / AFP' }],
    ['Image source, Getty Images', { provider: 'Getty Images', line: 'Getty Images' }],
    ['GETTY/Omar Saleh', { creator: 'Omar Saleh', provider: 'Getty', line: 'Omar Saleh / Getty' }],
    ['Handout/Reuters', { creator: 'Handout', provider: 'Reuters', line: 'Handout / Reuters' }],
    ['تصوير: أحمد الخطيب / رويترز', { creator: 'أحمد الخطيب', provider: 'رويترز', line: 'أحمد الخطيب / رويترز' }],
    ['(الصورة: فادي نصر / أ ف ب)', { creator: 'فادي نصر', provider: 'أ ف ب', line: 'فادي نصر / أ ف ب' }],
    ['رويترز/أحمد الخطيب', { creator: 'أحمد الخطيب', provider: 'رويترز', line: 'أحمد الخطيب / رويترز' }],
  ])('%s', (input, expected) => {
    expect(parseCredit(input)).toEqual(expected);
  });

  it('keeps a form it cannot split whole, as the credit line', () => {
    expect(parseCredit('courtesy of the family, used with permission')).toEqual({ line: 'courtesy of the family, used with permission' });
    expect(parseCredit('Screenshot from a video posted on social media')).toEqual({ line: 'Screenshot from a video posted on social media' });
  });

  it('returns nothing for an empty credit', () => {
    expect(parseCredit('  ')).toBeUndefined();
    expect(parseCredit('(photo credit: )')).toBeUndefined();
  });

  it('accepts a structured credit as it is', () => {
    expect(structuredCredit('Mohammad Bash', 'Shutterstock')).toEqual({ creator: 'Mohammad Bash', provider: 'Shutterstock', line: 'Mohammad Bash / Shutterstock' });
    expect(structuredCredit(undefined, 'AFP')).toEqual({ provider: 'AFP', line: 'AFP' });
    expect(structuredCredit(' ', undefined)).toBeUndefined();
  });
});

describe('the one agency list, shared by the site and the importer', () => {
  it.each(['Reuters', 'AFP', 'ap', 'Associated Press', 'Getty Images', 'Getty', 'EPA-EFE', 'Anadolu Agency', 'Xinhua', 'Bloomberg', 'Alamy', 'ZUMA Press', 'IDF', 'رويترز', 'أ ف ب'])(
    '%s is an agency',
    (name) => expect(isAgency(name)).toBe(true),
  );

  it.each(['Israel', 'Gaza war', 'Jane Doe', 'Handout', 'Pool', 'The Guardian'])('%s is not an agency', (name) => expect(isAgency(name)).toBe(false));

  it('tells a credit side from prose: "AFP via Getty Images", "Reuters Photo", "Handout", but not "Gaza war"', () => {
    for (const part of ['AFP via Getty Images', 'Reuters Photo', 'Handout', 'Pool', 'Courtesy of the family', 'Getty Images']) expect(namesPhotoSupplier(part), part).toBe(true);
    for (const part of ['Gaza war', 'Israel', 'the economy', 'Reutersville']) expect(namesPhotoSupplier(part), part).toBe(false);
  });
});
