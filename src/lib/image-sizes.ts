/**
 * How article photos are offered to browsers, shared by the lead photo (LeadFigure) and
 * photos in the text (src/markdown/rehype-responsive-images.ts), so both are cut the same
 * way and a photo used twice is converted once.
 */

/** Widths made of each photo (never wider than the original); the browser picks by column width and screen density. */
export const ARTICLE_IMAGE_WIDTHS: readonly number[] = [400, 800, 1200];

/** The article column is 42rem wide from 48rem screens up, and the whole width below. */
export const ARTICLE_IMAGE_SIZES = '(min-width: 48rem) 42rem, 100vw';

/** Offered in <picture> as <source>s, smallest files first; browsers that know neither get JPEG. */
export const PICTURE_FORMATS = ['avif', 'webp'] as const;

/** The <img> itself: every browser shows JPEG. */
export const FALLBACK_FORMAT = 'jpg';
