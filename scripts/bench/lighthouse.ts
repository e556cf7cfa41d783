/**
 * Lighthouse scores (mobile, its default) for performance, accessibility, best practices
 * and SEO — only when the `lighthouse` package is installed; it is not a dependency of
 * the site, so a missing package means a skipped check, never a failed run.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_BIN, CHROMIUM_FLAGS } from '../chromium.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LighthouseScores {
  path: string;
  /** 0–100 per category. */
  scores: Record<Category, number>;
  report: string;
}

/** The CLI's script, or undefined when the package is not installed. */
export function lighthouseCli(root: string): string | undefined {
  const bin = join(root, 'node_modules/.bin/lighthouse');
  return existsSync(bin) ? realpathSync(bin) : undefined;
}

function run(cli: string, args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    // Through this Node (the project's), not whatever `node` the CLI's shebang finds.
    const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, CHROME_PATH: CHROMIUM_BIN }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done(output) : fail(new Error(`lighthouse exited with ${code}:\n${output.slice(-2000)}`))));
  });
}

export async function lighthouseScores(cli: string, origin: string, paths: readonly string[], reportDir: string): Promise<LighthouseScores[]> {
  mkdirSync(reportDir, { recursive: true });
  const results: LighthouseScores[] = [];
  for (const path of paths) {
    const report = join(reportDir, `${path.replace(/[^\w]+/g, '-').replace(/^-|-$/g, '') || 'home'}.json`);
    await run(cli, [
      `${origin}${path}`,
      '--output=json',
      `--output-path=${report}`,
      `--only-categories=${CATEGORIES.join(',')}`,
      `--chrome-flags=${CHROMIUM_FLAGS.join(' ')}`,
      '--quiet',
    ]);
    const json = JSON.parse(readFileSync(report, 'utf8')) as { categories: Record<string, { score: number | null }> };
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((json.categories[c]?.score ?? 0) * 100)])) as Record<Category, number>;
    results.push({ path, scores, report });
  }
  return results;
}
