/** JSON Feed checked against its published schema (SchemaStore's, in tests/fixtures/json-feed/). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { ROOT } from './build-site.ts';

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(JSON.parse(readFileSync(resolve(ROOT, 'tests/fixtures/json-feed/feed-1.json'), 'utf8')) as object);
const validate = ajv.compile(JSON.parse(readFileSync(resolve(ROOT, 'tests/fixtures/json-feed/feed.json'), 'utf8')) as object);

/** What the schema finds wrong with a feed, or undefined when it is valid. */
export function jsonFeedErrors(feed: unknown): string | undefined {
  return validate(feed) ? undefined : ajv.errorsText(validate.errors);
}
