/**
 * Photo credits, in IPTC's terms: the creator (photographer) and the provider
 * (agency, or whoever the credit line names). We split only forms we are sure of;
 * anything else is kept whole as the credit line and never dropped.
 */

export interface PhotoCredit {
  /** The photographer, when the credit names one. */
  creator?: string;
  /** The supplying agency or credit line, e.g. "Shutterstock", "AFP via Getty Images". */
  provider?: string;
  /** The text as it should be printed under the photo. */
  line: string;
}

/** Labels before a credit: "photo credit:", "Image source,", "File:", Arabic "تصوير:" and "الصورة:". */
const PREFIX =
  /^(?:(?:photo(?:graph)?\s+credit|image\s+credit|picture\s+credit|credit|photo(?:graph)?|image|picture|pic|file(?:\s+photo)?)\s*:|image\s+source\s*,|(?:تصوير|الصورة|صورة|المصدر)\s*:)\s*/iu;

/** Agencies known by their initials; other shouted words become name case. */
const ACRONYMS = new Set([
  'AFP', 'AP', 'EPA', 'UPI', 'GPO', 'IDF', 'NDLA', 'BBC', 'CNN', 'DPA', 'ANP', 'ANSA', 'AAP', 'TASS', 'WAFA',
  'SANA', 'UN', 'UNRWA', 'IRNA', 'KCNA', 'USA', 'US', 'UK', 'EU', 'NASA', 'IAEA', 'WHO', 'ICRC', 'MSF', 'NYT',
]);

function nameCase(text: string): string {
  if (text !== text.toUpperCase() || !/\p{Lu}/u.test(text)) return text;
  const words = text.split(/(\s+|-)/);
  const lone = words.length === 1;
  return words
    .map((word) => {
      if (/^\s+$|^-$/.test(word) || ACRONYMS.has(word) || (lone && word.length <= 3)) return word;
      if (word === 'VIA') return 'via';
      return word
        .toLowerCase()
        .replace(/(^|['’.])(\p{L})/gu, (_m, before: string, letter: string) => before + letter.toUpperCase());
    })
    .join('');
}

function tidy(text: string): string {
  return nameCase(text.trim().replace(/\s+/g, ' ').replace(/^[.,;:\s]+|[.,;:\s]+$/g, ''));
}

/** The text to print for a structured credit. */
export function creditLine(creator: string | undefined, provider: string | undefined): string {
  return [creator, provider].filter((part) => part && part.length > 0).join(' / ');
}

/**
 * Reads a credit as printed under a news photo:
 * "(photo credit: Mohammad Bash. Via Shutterstock)" → Mohammad Bash / Shutterstock,
 * "credit: NDLA" → provider NDLA, "AMIR COHEN/REUTERS" → Amir Cohen / Reuters,
 * "John Smith/AFP via Getty Images" → John Smith / AFP via Getty Images, "Photo: AP" → AP.
 * Returns undefined for an empty credit.
 */
export function parseCredit(input: string): PhotoCredit | undefined {
  let text = input.trim().replace(/\s+/g, ' ');
  if (text.startsWith('(') && text.endsWith(')')) text = text.slice(1, -1).trim();
  const hadPrefix = PREFIX.test(text);
  text = text.replace(PREFIX, '').trim();
  if (!text) return undefined;

  // "Photo by NAME" names the photographer alone.
  const by = /^(?:photo(?:graph)?\s+)?by\s+(.+)$/i.exec(text);
  if (by && !by[1]!.includes('/')) {
    const creator = tidy(by[1]!);
    return { creator, line: creator };
  }

  // "NAME/AGENCY", "NAME / AGENCY via OTHER"; agencies that print themselves first
  // ("REUTERS/Hatem Khaled", "AP Photo/Jane Doe") are turned round.
  const slash = /^([^/]+?)\s*\/\s*(.+)$/.exec(text);
  if (slash) {
    let creator = tidy(slash[1]!);
    let provider = tidy(slash[2]!);
    const agencyFirst = /^(.+?)\s+photo$/i.exec(creator);
    if (agencyFirst && isAgency(agencyFirst[1]!)) [creator, provider] = [provider, tidy(agencyFirst[1]!)];
    else if (isAgency(creator) && !isAgency(provider)) [creator, provider] = [provider, creator];
    if (creator && provider) return { creator, provider, line: creditLine(creator, provider) };
  }

  // "NAME. Via AGENCY" / "NAME via AGENCY"
  const via = /^(.+?)(?:\.\s*|\s+)via\s+(.+)$/i.exec(text);
  if (via) {
    const creator = tidy(via[1]!);
    const provider = tidy(via[2]!);
    if (creator && provider) return { creator, provider, line: creditLine(creator, provider) };
  }

  // A lone name after "credit:" or "Photo:" names who is credited: the credit line.
  const single = tidy(text);
  if (hadPrefix || isLikelyName(single)) return { provider: single, line: single };
  return { line: single };
}

/**
 * Agencies and outlets that supply news photos, in any case: the one list the site and the
 * importer share. Both "Getty" and "Getty Images" are printed.
 */
const AGENCIES = new Set([
  'reuters', 'afp', 'ap', 'associated press', 'epa', 'epa-efe', 'efe', 'getty', 'getty images', 'shutterstock', 'anadolu',
  'anadolu agency', 'upi', 'dpa', 'ansa', 'aap', 'xinhua', 'tass', 'ria', 'ria novosti', 'sipa', 'gpo', 'idf', 'wafa', 'sana',
  'flash90', 'ndla', 'bloomberg', 'alamy', 'zuma', 'zuma press', 'imago', 'nurphoto', 'abaca', 'maariv', 'walla', 'ynet',
  // Arabic names as printed in Arabic credits.
  'رويترز', 'فرانس برس', 'أ ف ب', 'أسوشيتد برس', 'الأناضول', 'وكالة الأناضول', 'غيتي', 'غيتي إيميجز', 'سانا', 'وفا', 'إي بي إيه',
]);

/** Words that mark a credit without naming an agency: "Handout/Reuters", "Pool/AFP", "Courtesy/…". */
const CREDIT_WORDS = new Set(['handout', 'courtesy', 'pool', 'wikimedia', 'file']);

/** Whether `name` is a photo agency ("Reuters", "AFP", "Getty Images", "رويترز"). */
export function isAgency(name: string): boolean {
  return AGENCIES.has(name.trim().replace(/\s+/g, ' ').toLowerCase());
}

/**
 * Whether one side of a "NAME/AGENCY" line names who supplied a photo: an agency, alone or
 * first ("AFP via Getty Images", "Reuters Photo"), or a credit word ("Handout"). Without
 * one, "Israel/Gaza war" would be taken for a credit.
 */
export function namesPhotoSupplier(part: string): boolean {
  const text = part.trim().replace(/\s+/g, ' ').toLowerCase().replace(/\.$/, '');
  if (AGENCIES.has(text)) return true;
  const first = text.split(' ')[0] ?? '';
  if (CREDIT_WORDS.has(first)) return true;
  return [...AGENCIES].some((agency) => text.startsWith(`${agency} via `) || text.startsWith(`${agency} photo`) || text === `${agency} images`) || AGENCIES.has(first);
}

/** A short run of capitalised words or an acronym, e.g. "AP", "Reuters", "Getty Images". */
function isLikelyName(text: string): boolean {
  return /^[\p{Lu}\p{Lt}][\p{L}\p{M}.'’&-]*(?: [\p{Lu}\p{Lt}][\p{L}\p{M}.'’&-]*){0,4}$/u.test(text);
}

/** A structured credit written in frontmatter, `{ creator, provider }`, accepted as it is. */
export function structuredCredit(creator: string | undefined, provider: string | undefined): PhotoCredit | undefined {
  const c = creator?.trim() || undefined;
  const p = provider?.trim() || undefined;
  if (!c && !p) return undefined;
  return { ...(c ? { creator: c } : {}), ...(p ? { provider: p } : {}), line: creditLine(c, p) };
}
