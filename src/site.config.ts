/**
 * The site's own settings, in one place. The public URL and base path are deployment
 * settings and live in astro.config.mjs (SITE_URL, BASE_PATH).
 */
export interface SiteConfig {
  /** Shown in the header, the title of every page and the feed. */
  name: string;
  /** One line about the site, for the front page and the feed. */
  description: string;
  /** Language of the page chrome (navigation, labels); an article may set its own. */
  lang: string;
  /** IANA zone for dates written without an offset, unless an article sets `timezone`. */
  timezone: string;
  /** Articles per page on the front page and every list. */
  pageSize: number;
  /**
   * Stories per shard of the search index (src/search/shard-plan.ts): a publish indexes
   * at most about `volume` stories, and a search loads one shard per `archive` stories of
   * the archive. SEARCH_SHARDS=archive,volume sets them for one build (the tests use small ones).
   */
  searchShards: { archive: number; volume: number };
  /**
   * Hosts an article's lead image may come from (exact host names, no wildcards); anything
   * else must be a local file. The build downloads such a photo, converts it and serves it
   * from this site (astro.config.mjs passes these hosts to astro:assets as image.domains).
   */
  remoteImageHosts: readonly string[];
  /** How many of a list's newest stories its feeds carry (every format, every list). */
  storiesPerFeed: number;
  /**
   * A WebSub hub (https://www.w3.org/TR/websub/) that every feed names with rel="hub", so a
   * reader's app can be told of new stories instead of polling. The deploy job pings it after
   * each deploy (docs/feeds.md). WEBSUB_HUB sets it for one build.
   */
  websubHub?: string | undefined;
  /**
   * A story at least this many whole years old says so above its headline ("This article is
   * more than 2 years old"), counted from the build's day (BUILD_DATE pins it; docs/trust.md).
   */
  oldStoryYears: number;
  /**
   * Draw a share card (docs/share-cards.md) for every story without a lead photo. Each card
   * costs about 18 ms of CPU once, then is kept between builds; a site with thousands of
   * stories without photos, built where the cache is not kept, may turn this off, and such a
   * story then shares no picture. SHARE_CARDS=off turns it off for one build.
   */
  shareCards: boolean;
  /**
   * Whether a byline name not listed in content/authors.yaml is printed as plain text (true) or
   * fails the check (false). A name within a few letters of a listed one fails either way:
   * that is a misspelling (docs/authors-and-publisher.md).
   */
  allowUnlistedBylines: boolean;
  /** The organisation that publishes the site, for readers and for schema.org `publisher`. */
  publisher: Publisher;
  /** The site's own pages (content/pages/<page>.md) linked from every page's footer, in order. */
  footerPages: readonly { label: string; page: string }[];
}

/**
 * The publisher as schema.org NewsMediaOrganization describes one. Addresses are site paths
 * (under the base path, such as "policies/#corrections") or absolute http(s) addresses; an
 * address left out is left out of the JSON-LD.
 */
export interface Publisher {
  name: string;
  /** A raster logo under public/ with its size in pixels; Google asks for PNG, JPEG or WebP. */
  logo: { path: string; width: number; height: number };
  /** Where readers write to report an error; every article links it (mailto) with its address filled in. */
  correctionsEmail: string;
  publishingPrinciples?: string;
  correctionsPolicy?: string;
  ethicsPolicy?: string;
  masthead?: string;
  actionableFeedbackPolicy?: string;
  ownershipFundingInfo?: string;
}

/**
 * REMOTE_IMAGE_HOSTS (comma-separated) adds hosts for one build without editing this file;
 * the tests use it to allow a photo server of their own on 127.0.0.1.
 */
const extraImageHosts = (process.env.REMOTE_IMAGE_HOSTS ?? '')
  .split(',')
  .map((host) => host.trim().toLowerCase())
  .filter(Boolean);

function searchShards(setting: string | undefined): SiteConfig['searchShards'] {
  if (!setting) return { archive: 10_000, volume: 2_500 };
  const [archive, volume] = setting.split(',').map(Number);
  if (!archive || !volume || !Number.isInteger(archive / volume) || archive <= volume) {
    throw new Error(`SEARCH_SHARDS is "${setting}": expected two whole numbers, archive,volume, the first a multiple of the second (e.g. 10000,2500)`);
  }
  return { archive, volume };
}

export const siteConfig: SiteConfig = {
  name: 'The Reader',
  description: 'News articles from trusted sources, clearly credited.',
  lang: 'en',
  timezone: 'UTC',
  pageSize: 20,
  searchShards: searchShards(process.env.SEARCH_SHARDS),
  remoteImageHosts: [...extraImageHosts],
  storiesPerFeed: 50,
  websubHub: process.env.WEBSUB_HUB || undefined,
  oldStoryYears: 1,
  shareCards: process.env.SHARE_CARDS !== 'off',
  // True: most stories here come from agencies and partners whose writers have no page on
  // this site; their names are printed as given, and misspelt staff names are still caught.
  allowUnlistedBylines: true,
  publisher: {
    name: 'The Reader',
    logo: { path: 'publisher-logo.png', width: 600, height: 60 },
    correctionsEmail: 'corrections@example.org',
    publishingPrinciples: 'policies/',
    correctionsPolicy: 'policies/#corrections',
    ethicsPolicy: 'policies/#ethics',
    masthead: 'about/#masthead',
    actionableFeedbackPolicy: 'contact/',
    ownershipFundingInfo: 'about/#ownership-and-funding',
  },
  footerPages: [
    { label: 'About', page: 'about' },
    { label: 'Policies', page: 'policies' },
    { label: 'Contact', page: 'contact' },
  ],
};
