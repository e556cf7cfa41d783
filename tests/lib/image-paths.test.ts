/**
 * One rule maps an editor's image address to a file: the checks, the lead photo, the
 * story's digest and the photos in the text all follow it, as a reader's browser does.
 */
import { describe, expect, it } from 'vitest';
import { publicPath, resolveImagePath } from '../../src/lib/image-paths.ts';

describe('publicPath', () => {
  it('reads a site address as the browser asks for it: decoded, without query or fragment', () => {
    expect(publicPath('/images/my%20map.png?v=2#top')).toBe('images/my map.png');
    expect(publicPath('/images/map.png')).toBe('images/map.png');
    expect(publicPath('/صور/خريطة.png')).toBe('صور/خريطة.png');
  });

  it('never names a file outside public/, however the address climbs', () => {
    // A browser asks for "/package.json" here, which can only be public/package.json.
    expect(publicPath('/../package.json')).toBe('package.json');
    expect(publicPath('/images/%2e%2e/%2e%2e/package.json')).toBe('package.json');
    expect(publicPath('/images%2F..%2F..%2F..%2Fpackage.json')).toBe('package.json');
  });

  it('names no file for another host, a relative path, the site root or a broken escape', () => {
    expect(publicPath('//example.org/a.png')).toBeUndefined();
    expect(publicPath('https://example.org/a.png')).toBeUndefined();
    expect(publicPath('photo.jpg')).toBeUndefined();
    expect(publicPath('/')).toBeUndefined();
    expect(publicPath('/images/100%.png')).toBeUndefined();
  });
});

describe('resolveImagePath', () => {
  it('finds "/…" under public/ and anything else beside the article, decoded as Astro reads it', () => {
    expect(resolveImagePath('content/articles/story.md', '/images/my%20map.png')).toBe('public/images/my map.png');
    expect(resolveImagePath('content/articles/story.md', 'my%20photo.jpg')).toBe('content/articles/my photo.jpg');
    expect(resolveImagePath('content/articles/story.md', '../photos/a.jpg')).toBe('content/photos/a.jpg');
    expect(resolveImagePath('content/articles/story.md', '/../../etc/passwd')).toBe('public/etc/passwd');
  });
});
