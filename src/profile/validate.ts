// Validating one profile (issue #9). The profile schema (./enterprise.ts) is a strict object of ~280
// fields, all optional but name and uscc, and zod visits every one of them for every profile although a
// profile states ~25: that was most of the time a check spent validating. A profile is therefore first
// parsed by the keys it has, each with the schema's own field schema (the same transforms, defaults and
// declared facts, nothing written twice). Whatever that is not sure of (an unknown key, a field that
// fails, a value that is not a plain object) is parsed whole by zod: every error stays zod's own.
import type { z } from 'zod';
import { profileSchemaWith, type Enterprise, type enterpriseSchema } from './enterprise.ts';
import type { PlainFact } from './plain-facts.ts';

/** What of zod's internals the key-by-key parse must know to do what zod's object parse does. */
interface ZodInternals {
  /** `optional`: may be absent, gives nothing then; `defaulted`: may be absent, gives its default. */
  optin?: 'optional' | 'defaulted';
  /** `optional`: may give undefined. */
  optout?: 'optional';
  def: { checks?: readonly unknown[]; catchall?: { _zod: { def: { type: string } } } };
}
const internals = (schema: z.ZodType) => (schema as unknown as { _zod: ZodInternals })._zod;

type Parse = (input: unknown) => Record<string, unknown> | undefined;

/**
 * Parses a strict object's input key by key: the output zod's object parse gives (same values, same key
 * order, defaults of absent keys), or undefined when not sure (zod then parses it whole). Undefined for
 * a schema whose object this cannot follow: one checking across fields, one that is not strict, or one
 * with a key every object has (`constructor`) or a symbol key.
 */
export function presentKeysParser(schema: z.ZodObject): Parse | undefined {
  const { def } = internals(schema);
  if (def.checks?.length || def.catchall?._zod.def.type !== 'never') return undefined;
  const shape = schema.shape as Record<string, z.ZodType>;
  if (Object.getOwnPropertySymbols(shape).length) return undefined;
  const keys = Object.keys(shape);
  if (keys.some((key) => key in Object.prototype)) return undefined;
  const position = new Map(keys.map((key, i) => [key, i]));
  /** The keys zod gives or refuses something for when absent: required ones and those with a default. */
  const whenAbsent = keys
    .map((key, at) => ({ key, at, field: shape[key]!, optin: internals(shape[key]!).optin, optout: internals(shape[key]!).optout }))
    .filter(({ optin, optout }) => !(optin === 'optional' && optout === 'optional'));

  return (input) => {
    if (typeof input !== 'object' || input === null) return undefined;
    const prototype = Object.getPrototypeOf(input);
    if (prototype !== Object.prototype && prototype !== null) return undefined;
    const record = input as Record<string, unknown>;
    const found: { at: number; key: string; value: unknown }[] = [];
    let count = 0;
    // for…in, as zod looks for unknown keys: inherited enumerable keys too.
    for (const key in record) {
      count++;
      const at = position.get(key);
      const value = record[key];
      // An unknown key is zod's to refuse; a key holding undefined zod keeps as such: both left to it.
      if (at === undefined || value === undefined) return undefined;
      const parsed = shape[key]!.safeParse(value);
      if (!parsed.success) return undefined;
      found.push({ at, key, value: parsed.data });
    }
    // A key present but not enumerable: zod sees it (`key in input`), for…in does not.
    if (count !== Object.getOwnPropertyNames(record).length) return undefined;
    for (const { key, at, field, optin, optout } of whenAbsent) {
      if (key in record) continue;
      if (optin === undefined) return undefined; // required: zod refuses it
      const parsed = field.safeParse(undefined);
      if (!parsed.success) return undefined;
      // As zod's object: a default is kept even when undefined, anything else only when not undefined.
      if ((optin === 'defaulted' && optout !== 'optional') || parsed.data !== undefined) found.push({ at, key, value: parsed.data });
    }
    found.sort((a, b) => a.at - b.at);
    const output: Record<string, unknown> = {};
    for (const { key, value } of found) output[key] = value;
    return output;
  };
}

/**
 * A rule set's profile schema (the built-in facts and those its rule files declare) with its key-by-key
 * parse, made once: every profile, list row and answer checked against that rule set is validated here.
 */
export class ProfileSchema {
  /** The zod schema (its fields are what a list's columns and an answer's value are parsed with). */
  readonly schema: typeof enterpriseSchema;
  private readonly byKeys: Parse | undefined;

  constructor(readonly declared: readonly PlainFact[] = []) {
    this.schema = profileSchemaWith(declared);
    this.byKeys = presentKeysParser(this.schema as unknown as z.ZodObject);
  }

  /**
   * A profile validated: what `schema.safeParse(data)` gives, found key by key for a valid profile and
   * by zod for anything else.
   */
  safeParse(data: unknown): z.ZodSafeParseResult<Enterprise> {
    const parsed = this.byKeys?.(data);
    return parsed ? { success: true, data: parsed as Enterprise } : this.schema.safeParse(data);
  }
}

/** The profile schema of the built-in facts alone (no rule file declaring any). */
export const builtinProfileSchema = new ProfileSchema();
