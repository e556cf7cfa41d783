/**
 * Tells pages whether drafts may be shown: only under `astro dev`. Keyed on Astro's
 * command rather than import.meta.env.DEV, which follows NODE_ENV — a stray
 * NODE_ENV=development on a build machine must never publish drafts.
 */
import type { AstroIntegration } from 'astro';

export default function publishingMode(): AstroIntegration {
  return {
    name: 'publishing-mode',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({ vite: { define: { 'import.meta.env.SHOW_DRAFTS': JSON.stringify(command === 'dev') } } });
      },
    },
  };
}
