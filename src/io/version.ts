import { readFileSync } from 'node:fs';
import { packagePath } from './paths.ts';

/** huiqi's package version, reported with every answer so results can be traced to a rule set. */
export const version: string = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')).version;
