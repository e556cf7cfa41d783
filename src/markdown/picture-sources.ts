/**
 * The second half of rehype-responsive-images.ts: once Astro has filled in the images of a
 * rendered article, each <img class="picture-source"> it produced becomes the <source> it
 * stands for. Astro writes those attributes itself, as name="value" with the value
 * HTML-escaped, so a value never holds a quote or ">".
 */
import { SOURCE_PLACEHOLDER_CLASS } from './rehype-responsive-images.ts';

const PLACEHOLDER = new RegExp(`<img class="${SOURCE_PLACEHOLDER_CLASS}"([^>]*)>`, 'g');
const ATTRIBUTE = /\s([\w:-]+)="([^"]*)"/g;

export function pictureSources(html: string): string {
  return html.replace(PLACEHOLDER, (_tag, attributes: string) => {
    const found = new Map([...attributes.matchAll(ATTRIBUTE)].map((m) => [m[1]!.toLowerCase(), m[2]!]));
    const srcset = found.get('srcset') || found.get('src') || '';
    const kept = [['type', found.get('type')], ['srcset', srcset], ['sizes', found.get('sizes')]].filter(([, v]) => v);
    return `<source ${kept.map(([name, value]) => `${name}="${value}"`).join(' ')}>`;
  });
}
