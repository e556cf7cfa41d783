/**
 * Draws public/publisher-logo.png (the publisher's logo in schema.org, which Google wants as a
 * raster image) from public/publisher-logo.svg. Run after changing the SVG, and commit both:
 *   node scripts/publisher-logo.ts
 * The PNG is committed rather than drawn by every build so that it does not depend on the fonts
 * of the machine that builds.
 */
import { resolve } from 'node:path';
import sharp from 'sharp';
import { siteConfig } from '../src/site.config.ts';

const root = resolve(import.meta.dirname, '..');
const { width, height } = siteConfig.publisher.logo;
// White behind the drawing: the logo is shown on light and dark backgrounds alike.
await sharp(resolve(root, 'public/publisher-logo.svg'), { density: 144 })
  .resize(width, height)
  .flatten({ background: '#ffffff' })
  .png({ compressionLevel: 9 })
  .toFile(resolve(root, 'public', siteConfig.publisher.logo.path));
console.log(`public/${siteConfig.publisher.logo.path}: ${width}×${height}`);
