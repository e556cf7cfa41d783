/**
 * The "Report an error" link under every story: a mailto: address (RFC 6068) whose subject
 * names the story and whose body starts with its address, so the desk knows which story a
 * reader means without asking.
 */
export function reportErrorMailto(email: string, story: { title: string; url: string }): string {
  // RFC 6068: every header value percent-encoded as UTF-8; a line break in the body is %0D%0A.
  const subject = `Error report: ${story.title}`;
  const body = `Story: ${story.url}\r\n\r\nWhat is wrong, and how do you know?\r\n`;
  return `mailto:${email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
