/**
 * Measures a lead photo on an allowed remote host before astro:assets downloads and
 * converts it, so that a photo the build cannot get stops the build with the address and
 * the reason, instead of hanging on a silent server or failing later with no article named.
 */
import sharp, { type Metadata } from 'sharp';

export interface RemoteImageSize {
  width: number;
  height: number;
}

/** Long enough for a big photo on a slow link; a server that says nothing for this long is down. */
export const REMOTE_IMAGE_TIMEOUT_MS = 30_000;

export class RemoteImageError extends Error {
  readonly url: string;
  readonly reason: string;
  constructor(url: string, reason: string) {
    super(`could not download "${url}": ${reason}`);
    this.name = 'RemoteImageError';
    this.url = url;
    this.reason = reason;
  }
}

export async function remoteImageSize(url: string, allowedHosts: readonly string[], timeoutMs = REMOTE_IMAGE_TIMEOUT_MS): Promise<RemoteImageSize> {
  let bytes: Buffer;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    // astro:assets refuses a redirect off the allowed hosts; say so here, with the reason.
    const finalHost = new URL(response.url || url).hostname.toLowerCase();
    if (!allowedHosts.includes(finalHost)) throw new RemoteImageError(url, `it redirects to ${response.url}, and ${finalHost} is not in remoteImageHosts`);
    if (!response.ok) throw new RemoteImageError(url, `the server answered ${response.status} ${response.statusText}`.trim());
    bytes = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    if (error instanceof RemoteImageError) throw error;
    const cause = error instanceof Error ? error : new Error(String(error));
    if (cause.name === 'TimeoutError') throw new RemoteImageError(url, `no complete answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}`);
    const detail = cause.cause instanceof Error ? cause.cause.message : cause.message;
    throw new RemoteImageError(url, detail);
  }
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    throw new RemoteImageError(url, `the answer (${bytes.length} bytes) is not an image`);
  }
  if (!meta.width || !meta.height) throw new RemoteImageError(url, 'the image has no width or height');
  return { width: meta.width, height: meta.height };
}
