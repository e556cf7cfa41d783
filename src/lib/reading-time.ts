/** How long a story takes to read, from the words a reader reads. */

/** Minutes to read at an unhurried pace, never less than one. */
export function readingMinutes(text: string, lang: string): number {
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  const perMinute = lang.startsWith('ar') ? 180 : 230;
  return Math.max(1, Math.round(words / perMinute));
}
