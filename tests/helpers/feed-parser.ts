/** RSS or Atom as feedparser, a feed reader's parser, reads it. */
import { Readable } from 'node:stream';
import FeedParser from 'feedparser';

export interface ParsedFeed {
  meta: FeedParser.Meta;
  items: FeedParser.Item[];
}

export function parseFeed(xml: string): Promise<ParsedFeed> {
  return new Promise((done, fail) => {
    const parser = new FeedParser({ normalize: true, addmeta: false });
    const items: FeedParser.Item[] = [];
    let meta: FeedParser.Meta | undefined;
    parser.on('error', fail);
    parser.on('meta', (m: FeedParser.Meta) => (meta = m));
    parser.on('readable', () => {
      let item: FeedParser.Item | null;
      while ((item = parser.read() as FeedParser.Item | null)) items.push(item);
    });
    parser.on('end', () => done({ meta: meta!, items }));
    Readable.from([xml]).pipe(parser);
  });
}
