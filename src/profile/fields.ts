// Field builders for the profile schema. Every field carries its Chinese legal term and an English
// label as metadata: the fact catalog, error messages, questions and JSON Schema all read them.
import { z } from 'zod';

export interface FieldLabel {
  /** Chinese term, as the legal text says it. */
  zh: string;
  /** Plain English label. */
  en: string;
}

/**
 * Whether and how an enterprise can change a fact by acting, for the gap analysis ("what it would take",
 * src/engine/gap.ts). A fact without `change` is a record or a situation: when unknown it is asked for,
 * but it is never suggested as something to change (a violation's date, its category, a penalty).
 * Date facts that a derived window plans (e.g. disclosureDate, see src/facts/derived.ts) can be planned
 * into the future only, whatever this says.
 */
export interface FactChange {
  change?: {
    /** Enum facts: the values an enterprise can reach from each current value; a value not listed reaches none. Absent: any. */
    reachable?: Readonly<Record<string, readonly string[]>>;
    /** Plain words for the action that sets a value (keyed by the value; booleans by 'true' / 'false'). */
    actions?: Readonly<Record<string, FieldLabel>>;
  };
}

export function labelled<T extends z.ZodType>(schema: T, label: FieldLabel & FactChange): T {
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
