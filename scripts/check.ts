/**
 * npm run check — validates every article without building pages. Prints one line per
 * problem (file:line: field: what was given, what is expected) and exits non-zero when
 * any article is invalid.
 */
import { loadContentProject } from '../src/content/project.ts';
import { checkArticlesAndPhotos } from '../src/content/read-articles.ts';
import { formatProblem, summarise } from '../src/lib/problems.ts';

const root = process.cwd();
let project;
try {
  project = loadContentProject(root);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const { articles, problems } = await checkArticlesAndPhotos(root, project);
for (const p of problems) {
  (p.severity === 'error' ? console.error : console.warn)(`${p.severity === 'error' ? 'error' : 'warning'} ${formatProblem(p)}`);
}
const errors = problems.filter((p) => p.severity === 'error');
if (errors.length) {
  console.error(`\n${summarise(problems)}; nothing was built.`);
  process.exit(1);
}
console.log(`${articles.length} article${articles.length === 1 ? '' : 's'} checked: all valid${problems.length ? ` (${problems.length} warning${problems.length === 1 ? '' : 's'})` : ''}.`);
