// Field builders for the profile schema. Every field carries its Chinese legal term and an English
// label as metadata: the fact catalog, error messages, questions and JSON Schema all read them.
import { z } from 'zod';

export interface FieldLabel {
  /** Chinese term, as the legal text says it. */
  zh: string;
  /** Plain English label. */
  en: string;
}

export function labelled<T extends z.ZodType>(schema: T, label: FieldLabel): T {
  return schema.meta({ ...label, description: `${label.zh} / ${label.en}` }) as T;
}

/** A calendar date written YYYY-MM-DD that exists (zod rejects 2023-02-29 and 2023-04-31). */
export const isoDate = () => z.iso.date({ error: 'must be a real calendar date written YYYY-MM-DD' });

/** An amount of money in CNY (元), never negative. */
export const yuan = () => z.number({ error: 'must be a number of yuan (CNY)' }).nonnegative();

export const enumOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (issue) => `must be one of: ${values.join(', ')} (got ${JSON.stringify(issue.input)})` });

/** Makes every field of a shape optional: in a profile, an absent fact is an unknown fact. */
export function allOptional<S extends Record<string, z.ZodType>>(shape: S): { [K in keyof S]: z.ZodOptional<S[K]> } {
  return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.optional()])) as { [K in keyof S]: z.ZodOptional<S[K]> };
}
