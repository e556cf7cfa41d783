/**
 * Reads the content folder's lists (sources.yaml, authors.yaml) before Astro loads the
 * content config. A mistake in either would otherwise reach the editor inside Astro's
 * GenerateContentTypesError ("Check your src/content.config.ts file"), around twenty lines of
 * stack trace away from the one line that says what is wrong; `npm run check` prints that
 * line alone, and now the build does too. The content config reads the lists again: two
 * small files, read twice.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { loadContentProject } from '../content/project.ts';
import { AuthorListError } from '../lib/authors.ts';
import { SourceListError } from '../lib/sources.ts';

class ContentListError extends AstroError {
  constructor(message: string) {
    super(message, 'Fix the line named, then build again; `npm run check` says the same without building.');
    this.name = 'ContentList';
    // The message is all there is to know: Astro prints a stack trace only when there is one.
    this.stack = '';
  }
}

export default function contentLists(): AstroIntegration {
  return {
    name: 'content-lists',
    hooks: {
      'astro:config:setup': ({ config }) => {
        try {
          loadContentProject(fileURLToPath(config.root));
        } catch (error) {
          if (error instanceof SourceListError || error instanceof AuthorListError) throw new ContentListError(error.message);
          throw error;
        }
      },
    },
  };
}
