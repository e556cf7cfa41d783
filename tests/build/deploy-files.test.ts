/**
 * The deploy files a newcomer relies on: the GitHub Pages workflow, netlify.toml, and
 * deploy/nginx.conf, which the deploy guide points at. Each must build with the project's command,
 * publish the folder the build writes, and hand the site's address and sub-path to
 * astro.config.mjs the way it reads them. Reads the files; builds nothing. (That the built
 * dist/ carries _headers is checked in security-meta.test.ts, which has a build.)
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AstroUserConfig } from 'astro';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/build-site.ts';
import { deployServerBlock } from '../helpers/nginx.ts';

const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');
const packageJson = JSON.parse(read('package.json')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };

/** astro.config.mjs as a build on that host evaluates it, with the host's environment. */
async function configWith(env: Record<string, string>): Promise<AstroUserConfig> {
  const names = ['SITE_URL', 'URL', 'CF_PAGES_URL', 'BASE_PATH', 'OUT_DIR'];
  const saved = names.map((name) => [name, process.env[name]] as const);
  for (const name of names) delete process.env[name];
  Object.assign(process.env, env);
  try {
    vi.resetModules();
    return ((await import('../../astro.config.mjs')) as { default: AstroUserConfig }).default;
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

afterEach(() => vi.resetModules());

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: { push?: { branches?: string[] }; workflow_dispatch?: unknown };
  permissions: Record<string, string>;
  jobs: Record<string, { needs?: string | string[]; steps: Step[]; environment?: { name?: string } }>;
}

describe('.github/workflows/deploy.yml (GitHub Pages)', () => {
  const workflow = parse(read('.github/workflows/deploy.yml')) as Workflow;
  const steps = workflow.jobs.build?.steps ?? [];
  const index = (test: (s: Step) => boolean) => steps.findIndex(test);

  it('runs on a push to main, and may publish to Pages', () => {
    expect(workflow.on.push?.branches).toEqual(['main']);
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });

  it('installs from the lockfile and builds with the project\u2019s build command', () => {
    const install = index((s) => s.run?.trim() === 'npm ci');
    const build = index((s) => s.run?.trim() === 'npm run build');
    expect(install).toBeGreaterThanOrEqual(0);
    expect(build).toBeGreaterThan(install);
    expect(packageJson.scripts.build).toBe('astro build');
    // Astro 7 needs Node >= 22.12; an older Node from setup-node works only because npm
    // scripts run on the project's own Node (the `node` devDependency), which npm ci installs.
    const nodeVersion = Number(String(steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version'] ?? '0').split('.')[0]);
    const projectNode = Number((packageJson.devDependencies.node ?? '0').replace(/^\D*/, '').split('.')[0]);
    expect(Math.max(nodeVersion, projectNode)).toBeGreaterThanOrEqual(22);
  });

  it('hands the Pages address and sub-path to the build as SITE_URL and BASE_PATH', async () => {
    const pages = index((s) => s.uses?.startsWith('actions/configure-pages@') === true);
    const build = steps[index((s) => s.run?.trim() === 'npm run build')]!;
    expect(pages, 'a configure-pages step').toBeGreaterThanOrEqual(0);
    expect(pages, 'configure-pages runs before the build').toBeLessThan(steps.indexOf(build));
    const id = steps[pages]!.id;
    expect(build.env).toEqual({ SITE_URL: `\${{ steps.${id}.outputs.origin }}`, BASE_PATH: `\${{ steps.${id}.outputs.base_path }}/` });
    // What those become for a project site (base_path "/news") and a user site (base_path ""),
    // as astro.config.mjs reads them.
    const project = await configWith({ SITE_URL: 'https://example.github.io', BASE_PATH: '/news/' });
    expect([project.site, project.base]).toEqual(['https://example.github.io', '/news/']);
    const user = await configWith({ SITE_URL: 'https://example.github.io', BASE_PATH: '/' });
    expect(user.base).toBe('/');
  });

  it('uploads dist/, the folder the build writes, and deploys it after the build', async () => {
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))?.with?.path).toBe('dist');
    expect((await configWith({})).outDir).toBe('./dist');
    const deploy = Object.values(workflow.jobs).find((job) => job.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@')));
    expect(deploy?.needs).toBe('build');
    expect(deploy?.environment?.name).toBe('github-pages');
  });
});

/** netlify.toml as [section] → key → value; only the plain `key = "value"` lines it uses. */
function readToml(text: string): Record<string, Record<string, string>> {
  const sections: Record<string, Record<string, string>> = {};
  let current = '';
  for (const [n, raw] of text.split('\n').entries()) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) continue;
    const section = /^\[([\w.]+)\]$/.exec(line);
    if (section) {
      current = section[1]!;
      sections[current] ??= {};
      continue;
    }
    const pair = /^([\w-]+)\s*=\s*"([^"]*)"$/.exec(line);
    if (!pair || !current) throw new Error(`netlify.toml:${n + 1}: cannot read ${JSON.stringify(raw)}`);
    sections[current]![pair[1]!] = pair[2]!;
  }
  return sections;
}

describe('netlify.toml (Netlify)', () => {
  const toml = readToml(read('netlify.toml'));

  it('builds with the project\u2019s build command and publishes dist/', () => {
    expect(toml.build).toEqual({ command: 'npm run build', publish: 'dist' });
  });

  it('gets the site\u2019s address from Netlify\u2019s URL (or SITE_URL), and serves at the root', async () => {
    expect(toml['build.environment']?.BASE_PATH ?? '/').toBe('/');
    expect((await configWith({ URL: 'https://reader.netlify.app' })).site).toBe('https://reader.netlify.app');
    // SITE_URL set in Netlify's UI wins over the deploy address.
    expect((await configWith({ URL: 'https://reader.netlify.app', SITE_URL: 'https://news.example.org' })).site).toBe('https://news.example.org');
    expect((await configWith({ CF_PAGES_URL: 'https://reader.pages.dev' })).site).toBe('https://reader.pages.dev');
  });
});

describe('the deploy guide', () => {
  it('points at deploy/nginx.conf instead of printing a copy that could drift from it', () => {
    expect(deployServerBlock()).toMatch(/^server\s*\{/);
    expect(read('docs/deploying.md')).toContain('](../deploy/nginx.conf)');
    for (const doc of ['README.md', 'docs/deploying.md']) expect(read(doc)).not.toMatch(/^```nginx$/m);
  });
});
