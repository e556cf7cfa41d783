/**
 * The W3C Nu Html Checker (npm vnu-jar, run with the system's Java): the validator behind
 * validator.w3.org/nu, so "valid HTML" means what the W3C's own checker says.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { relative } from 'node:path';

/** vnu-jar's main export is the path of vnu.jar. */
const VNU_JAR = String(createRequire(import.meta.url)('vnu-jar') as string);

interface NuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  lastColumn?: number;
  message: string;
}

/** Every error the checker finds in `files`, as "file:line:column message" relative to `dir`. */
export function nuErrors(dir: string, files: string[]): string[] {
  const run = spawnSync('java', ['-jar', VNU_JAR, '--format', 'json', '--stdout', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw new Error(`the Nu checker could not start (is Java installed?): ${run.error.message}`);
  let report: { messages: NuMessage[] };
  try {
    report = JSON.parse(run.stdout) as { messages: NuMessage[] };
  } catch {
    throw new Error(`the Nu checker gave no report (exit ${run.status}):\n${run.stdout}${run.stderr}`);
  }
  return report.messages
    .filter((m) => m.type !== 'info')
    .map((m) => {
      const file = m.url ? relative(dir, new URL(m.url).pathname) : '(checker)';
      return `${file}:${m.lastLine ?? '?'}:${m.lastColumn ?? '?'} ${m.message}`;
    });
}
