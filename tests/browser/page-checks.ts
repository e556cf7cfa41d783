/**
 * In-browser checks shared by the browser suites: axe, keyboard reach, horizontal overflow.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];

/**
 * Runs axe with the WCAG 2.2 AA tag set; returns the violations.
 *
 * Legacy mode runs axe in the page itself. The default mode gathers the results of every frame
 * in a blank page that it opens, and loads axe into, for every check. What legacy mode gives
 * up is testing frames from other origins, and the site's Content-Security-Policy
 * (default-src 'self') lets no page load one. On this site's pages both modes pass, fail and
 * skip the same rules.
 */
export async function axeViolations(page: Page): Promise<Violation[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode().analyze();
  return results.violations;
}

/** One block per rule: what failed, where, and axe's own explanation. */
export function formatViolations(violations: Violation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    - ${n.target.join(' ')}\n      ${n.html.slice(0, 300)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      return `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join('\n');
}

/**
 * Tabs through the page from the top and returns the visible links that focus never
 * reached (as "text → href"), plus what was reached, for the message.
 */
export async function linksNotReachedByKeyboard(page: Page): Promise<{ missed: string[]; reached: number; links: number }> {
  const setup = await page.evaluate(() => {
    const links = [...document.querySelectorAll<HTMLAnchorElement>('a[href]')].filter((a) =>
      a.checkVisibility({ visibilityProperty: true }),
    );
    links.forEach((a, i) => a.setAttribute('data-kb-link', String(i)));
    const tabbable = document.querySelectorAll(
      'a[href], area[href], button, input, select, textarea, summary, iframe, [contenteditable], [tabindex]',
    ).length;
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
    return { links: links.length, tabbable };
  });
  const reached = new Set<string>();
  const seen = new Set<string>();
  let steps = 0;
  for (let i = 0; i < setup.tabbable + 10; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate((step) => {
      const el = document.activeElement;
      if (!el || el === document.body || el === document.documentElement) return null;
      if (!el.hasAttribute('data-kb-seen')) el.setAttribute('data-kb-seen', String(step));
      return { seen: el.getAttribute('data-kb-seen')!, link: el.getAttribute('data-kb-link') };
    }, i);
    steps++;
    if (!focused) {
      if (i === 0) continue;
      break; // focus left the page: the whole tab order has been walked
    }
    if (seen.has(focused.seen)) break; // wrapped around
    seen.add(focused.seen);
    if (focused.link !== null) reached.add(focused.link);
  }
  const missed = await page.evaluate(
    (got) =>
      [...document.querySelectorAll<HTMLAnchorElement>('a[data-kb-link]')]
        .filter((a) => !got.includes(a.getAttribute('data-kb-link')!))
        .map((a) => `"${(a.textContent ?? '').trim().slice(0, 60)}" → ${a.getAttribute('href')}`),
    [...reached],
  );
  return { missed, reached: reached.size, links: setup.links };
}

/** The page's scroll width and the outermost elements that stick out past the viewport. */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const culprits: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const rect = el.getBoundingClientRect();
      if (rect.right <= width + 0.5 || rect.width === 0) continue;
      // Report only the outermost offender in each branch.
      const parentRect = el.parentElement?.getBoundingClientRect();
      if (parentRect && parentRect.right > width + 0.5) continue;
      const cls = el.getAttribute('class');
      culprits.push(`<${el.tagName.toLowerCase()}${cls ? ` class="${cls}"` : ''}> right edge ${Math.round(rect.right)}px: "${(el.textContent ?? '').trim().slice(0, 60)}"`);
    }
    return { scrollWidth: document.scrollingElement!.scrollWidth, culprits: culprits.slice(0, 10) };
  });
}
