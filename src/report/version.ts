import { readFileSync } from 'node:fs';

/** huiqi's package version, reported with every answer so results can be traced to a rule set. */
export const version: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
