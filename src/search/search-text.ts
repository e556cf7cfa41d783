/** The text a story's search record holds, as search results quote it. */
const SENTENCE_END = /[.!?…:;؟۔"'”’»)\]]$/u;

/**
 * A story's text as its record holds it: headline, standfirst, lead caption and body,
 * each read as its own sentence. Search results quote this text, and a headline that
 * simply ran on into the standfirst read as one garbled sentence.
 */
export function searchText(parts: readonly (string | undefined)[]): string {
  return parts
    .map((part) => part?.trim())
    .filter((part): part is string => !!part)
    .map((part) => (SENTENCE_END.test(part) ? part : `${part}.`))
    .join('\n');
}
