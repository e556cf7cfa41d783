import type { APIContext } from 'astro';
import { urls } from '../content/urls.ts';

export function GET(context: APIContext) {
  const sitemap = new URL(urls.asset('sitemap-index.xml'), context.site).href;
  const news = new URL(urls.newsSitemap(), context.site).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\nSitemap: ${news}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
