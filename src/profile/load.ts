import { LIMITS } from '../io/limits.ts';
import { describeIssues, fieldPath, findValue, pathDeeperThan, pathOf, shortPath, readStructuredFile, type ReadOptions } from '../io/read.ts';
import { InputError, LimitError } from '../io/input-error.ts';
import type { Enterprise } from './enterprise.ts';
import { builtinProfileSchema, type ProfileSchema } from './validate.ts';

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Refuses, before validation, a profile beyond the limits (../io/limits.ts): nested too deeply, too many
 * incidents, a text too long. The walks are iterative: no profile, however deep, reaches the stack's end.
 */
export function validateProfileLimits(data: unknown, origin = 'profile'): void {
  const deep = pathDeeperThan(data, LIMITS.nestingDepth);
  if (deep) {
    throw new LimitError(
      `${origin}: ${shortPath(deep)}: nested more than ${LIMITS.nestingDepth} levels deep; a profile may nest at most ${LIMITS.nestingDepth} levels (objects and lists inside one another)`,
    );
  }
  const incidents = (data as { incidents?: unknown } | null)?.incidents;
  if (Array.isArray(incidents) && incidents.length > LIMITS.incidentsPerProfile) {
    throw new InputError(`${origin}: has ${count(incidents.length)} incidents; a profile may have at most ${count(LIMITS.incidentsPerProfile)} (split it by year or by kind)`);
  }
  const long = findValue(data, (n) => typeof n.value === 'string' && n.value.length > LIMITS.textLength);
  if (long) {
    const text = long.value as string;
    throw new InputError(
      `${origin}: ${fieldPath(pathOf(long))}: is ${count(text.length)} characters long; a text may be at most ${count(LIMITS.textLength)} (starts "${text.slice(0, 40)}…")`,
    );
  }
}

/**
 * Validates an enterprise profile against a rule set's profile schema (by default the built-in facts
 * alone); every problem is reported with the field it concerns.
 */
export function parseProfile(data: unknown, origin = 'profile', schema: ProfileSchema = builtinProfileSchema): Enterprise {
  validateProfileLimits(data, origin);
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new InputError(`${origin}: invalid profile:\n  ${describeIssues(parsed.error).join('\n  ')}`);
  return parsed.data;
}

/** Loads a profile from a .json, .yaml or .yml file. */
export function loadProfile(file: string, options: ReadOptions & { schema?: ProfileSchema } = {}): Enterprise {
  const { schema, ...read } = options;
  return parseProfile(readStructuredFile(file, read), file, schema);
}
