/**
 * Measuring a lead photo on an allowed remote host (src/content/remote-image.ts): the size
 * when the host answers with a photo, and a reason an editor can act on when it does not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remoteImageSize } from '../../src/content/remote-image.ts';
import { startPhotoServer, type PhotoServer } from '../helpers/photo-server.ts';

let server: PhotoServer;
const allowed = ['127.0.0.1'];

beforeAll(async () => {
  server = await startPhotoServer();
});
afterAll(() => server.stop());

describe('remoteImageSize', () => {
  it('reads the width and height of the photo the host sends', async () => {
    await expect(remoteImageSize(`${server.origin}${server.photo.path}`, allowed)).resolves.toEqual({ width: 1000, height: 625 });
  });

  it('names the address and the HTTP status when the host has no such photo', async () => {
    const url = `${server.origin}/gone.jpg`;
    await expect(remoteImageSize(url, allowed)).rejects.toThrow(`could not download "${url}": the server answered 404 Not Found`);
  });

  it('says so when the answer is a web page, not a photo', async () => {
    await expect(remoteImageSize(`${server.origin}/page.jpg`, allowed)).rejects.toThrow(/: the answer \(\d+ bytes\) is not an image$/);
  });

  it('gives up on a host that does not answer, instead of hanging the build', async () => {
    await expect(remoteImageSize(`${server.origin}/silent.jpg`, allowed, 300)).rejects.toThrow(/: no complete answer within 300 ms$/);
  });

  it('refuses a redirect to a host that is not allowed', async () => {
    const url = `${server.origin}/redirect?to=${encodeURIComponent(`http://localhost:${new URL(server.origin).port}${server.photo.path}`)}`;
    await expect(remoteImageSize(url, allowed)).rejects.toThrow(/it redirects to http:\/\/localhost:\d+\/photos\/market\.jpg, and localhost is not in remoteImageHosts$/);
  });

  it('names the address when nothing listens there', async () => {
    const closed = await startPhotoServer();
    const url = `${closed.origin}${closed.photo.path}`;
    await closed.stop();
    await expect(remoteImageSize(url, allowed)).rejects.toThrow(new RegExp(`could not download "${url.replace(/[.?]/g, '\\$&')}": .*ECONNREFUSED`));
  });
});
