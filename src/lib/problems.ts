/** What `npm run check` and the build tell an editor, one line per problem. */

export interface Problem {
  /** Path of the article relative to the project, e.g. content/articles/x.md */
  file: string;
  line?: number;
  /** The frontmatter field, dotted for nested ones (image.credit), or the part of the body (body figure src). */
  field?: string;
  message: string;
  severity: 'error' | 'warning';
}

/** `content/articles/x.md:4: published: "tomorrow" is not a date; use …` */
export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  return `${where}: ${p.field ? `${p.field}: ` : ''}${p.message}`;
}

export function summarise(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error');
  const files = new Set(errors.map((p) => p.file));
  return `${errors.length} error${errors.length === 1 ? '' : 's'} in ${files.size} article${files.size === 1 ? '' : 's'}`;
}

/** Thrown by the content loader so that a build with any invalid article stops, listing them all. */
export class InvalidArticlesError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(`Invalid articles (${summarise(problems)}):\n${errors.map(formatProblem).join('\n')}`);
    this.name = 'InvalidArticlesError';
    this.problems = problems;
  }
}
