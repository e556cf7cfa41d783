import { readFileSync } from 'node:fs';
import { importText } from './src/import/import-article.ts';
import { loadContentProject } from './src/content/project.ts';
const project = loadContentProject(process.cwd(), 'content');
for (const f of process.argv.slice(2)) {
  const r = importText(readFileSync(f, 'utf8'), { registry: project.sources, defaultZone: 'UTC', now: new Date('2025-06-02T10:00:00Z'), timezone: 'Asia/Beirut', ...(process.env.SRC ? { source: process.env.SRC } : {}) });
  console.log('=====', f);
  if (!r.ok) { console.log(r.errors); continue; }
  const { summary: s } = r;
  console.log(JSON.stringify({ src: s.source, by: s.byline, dl: s.dateline, sugg: s.suggestedDates, lead: s.lead, figs: s.figures, removed: s.removed, sub: s.subheadings, att: s.attention }, null, 1));
  console.log(r.markdown);
}
