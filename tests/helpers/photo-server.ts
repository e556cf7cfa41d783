/**
 * A stand-in for a remote photo host: a plain Node HTTP server on 127.0.0.1 serving one
 * JPEG made with sharp, plus answers a real host may give (404, a web page, silence, a
 * redirect). It records every request, so a test can see what the build downloaded.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';

export interface PhotoServer {
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  /** Paths requested so far, in order. */
  requests: string[];
  photo: { path: string; width: number; height: number };
  stop(): Promise<void>;
}

export const PHOTO_PATH = '/photos/market.jpg';

export async function startPhotoServer(): Promise<PhotoServer> {
  const width = 1000;
  const height = 625;
  // A diagonal gradient, so the encoders have real work and the file is a real photo size.
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      pixels[i] = (x * 255) / width;
      pixels[i + 1] = (y * 255) / height;
      pixels[i + 2] = ((x + y) * 255) / (width + height);
    }
  }
  const jpeg = await sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
  const requests: string[] = [];
  const hanging = new Set<import('node:http').ServerResponse>();
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push(path);
    if (path === PHOTO_PATH) {
      res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': jpeg.length });
      res.end(jpeg);
    } else if (path === '/page.jpg') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>Photo</title><p>Subscribe to see this photo.</p>');
    } else if (path === '/silent.jpg') {
      hanging.add(res); // never answers; closed on stop()
    } else if (path.startsWith('/redirect?to=')) {
      res.writeHead(302, { location: decodeURIComponent(path.slice('/redirect?to='.length)) });
      res.end();
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    photo: { path: PHOTO_PATH, width, height },
    async stop() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
