import { base } from 'astro:config/client';
import { createUrls } from '../lib/urls.ts';

/** This build's base path (BASE_PATH), e.g. "/" or "/news/". */
export const basePath = base;

/** Addresses under this build's base path. */
export const urls = createUrls(base);
