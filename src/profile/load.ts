import { LIMITS } from '../io/limits.ts';
import { describeIssues, fieldPath, readStructuredFile, type ReadOptions } from '../io/read.ts';
import { InputError } from '../io/input-error.ts';
import type { Enterprise } from './enterprise.ts';
import { builtinProfileSchema, type ProfileSchema } from './validate.ts';

const count = (n: number) => n.toLocaleString('en-US');

/** Refuses, before validation, a profile beyond the limits (../io/limits.ts): too many incidents, a text too long. */
export function checkProfileLimits(data: unknown, origin = 'profile'): void {
  const incidents = (data as { incidents?: unknown } | null)?.incidents;
  if (Array.isArray(incidents) && incidents.length > LIMITS.incidentsPerProfile) {
    throw new InputError(`${origin}: has ${count(incidents.length)} incidents; a profile may have at most ${count(LIMITS.incidentsPerProfile)} (split it by year or by kind)`);
  }
  const walk = (value: unknown, path: PropertyKey[]): void => {
    if (typeof value === 'string') {
      if (value.length > LIMITS.textLength) {
        throw new InputError(`${origin}: ${fieldPath(path)}: is ${count(value.length)} characters long; a text may be at most ${count(LIMITS.textLength)} (starts "${value.slice(0, 40)}…")`);
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(data, []);
}

/**
 * Validates an enterprise profile against a rule set's profile schema (by default the built-in facts
 * alone); every problem is reported with the field it concerns.
 */
export function parseProfile(data: unknown, origin = 'profile', schema: ProfileSchema = builtinProfileSchema): Enterprise {
  checkProfileLimits(data, origin);
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new InputError(`${origin}: invalid profile:\n  ${describeIssues(parsed.error).join('\n  ')}`);
  return parsed.data;
}

/** Loads a profile from a .json, .yaml or .yml file. */
export function loadProfile(file: string, options: ReadOptions & { schema?: ProfileSchema } = {}): Enterprise {
  const { schema, ...read } = options;
  return parseProfile(readStructuredFile(file, read), file, schema);
}
