/** Pasted text as lines: the unit every stage of the paste reader works on. */
export interface Unit {
  text: string;
  /** 1-based line in the pasted text. */
  line: number;
  /** Whether a blank line (or the start) comes before it. */
  blankBefore: boolean;
}

/**
 * One unit per non-empty line. Leading and trailing white space is page layout (it
 * includes the non-breaking spaces pages leave at line ends); inner spacing is kept.
 */
export function unitsOf(text: string): Unit[] {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?|[\u2028\u2029]/g, '\n').split('\n');
  const units: Unit[] = [];
  let blank = true;
  lines.forEach((raw, index) => {
    const line = raw.replace(/^\s+|\s+$/gu, '');
    if (!line) {
      blank = true;
      return;
    }
    units.push({ text: line, line: index + 1, blankBefore: blank });
    blank = false;
  });
  return units;
}

/** For comparing a caption with its repeats: spacing, case and a final full stop do not matter. */
export function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').trim().replace(/[.\s]+$/u, '').toLowerCase();
  return norm(a) === norm(b);
}


export function words(text: string): string[] {
  return text.trim().split(/\s+/u).filter(Boolean);
}

export function isShouted(text: string): boolean {
  return text === text.toUpperCase() && /\p{Lu}/u.test(text);
}
