/** The day this build counts stories' ages from: BUILD_DATE (yyyy-MM-dd) or today (src/lib/story-age.ts). */
import { buildDay } from '../lib/story-age.ts';

export const builtOn = buildDay(process.env.BUILD_DATE);
