import { createUrls } from '../lib/urls.ts';

/** Addresses under this build's base path (BASE_PATH). */
export const urls = createUrls(import.meta.env.BASE_URL);
