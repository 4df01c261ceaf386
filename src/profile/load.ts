import { describeIssues, InputError, readStructuredFile, type ReadOptions } from '../io/read.ts';
import { enterpriseSchema, type Enterprise } from './enterprise.ts';

/** Validates an enterprise profile; every problem is reported with the field it concerns. */
export function parseProfile(data: unknown, origin = 'profile'): Enterprise {
  const parsed = enterpriseSchema.safeParse(data);
  if (!parsed.success) throw new InputError(`${origin}: invalid profile:\n  ${describeIssues(parsed.error).join('\n  ')}`);
  return parsed.data;
}

/** Loads a profile from a .json, .yaml or .yml file. */
export function loadProfile(file: string, options: ReadOptions = {}): Enterprise {
  return parseProfile(readStructuredFile(file, options), file);
}
