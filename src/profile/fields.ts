// Field builders for the profile schema. Every field carries its Chinese legal term and an English
// label as metadata: the fact catalog, error messages, questions and JSON Schema all read them.
import { z } from 'zod';
import { dateProblem, readDate, readEnumWord, readNumber, shown } from './values.ts';

/**
 * Every schema message echoes what it got; a missing value is "required". zod's own type messages
 * (without the value, which its issues do not keep) are replaced once here, for every schema.
 */
const expected: Record<string, string> = { number: 'a number', boolean: 'true or false', string: 'text', array: 'a list', object: 'a mapping' };
z.config({
  customError: (issue) => {
    if (issue.code !== 'invalid_type') return undefined;
    return issue.input === undefined ? 'is required' : `must be ${expected[issue.expected] ?? issue.expected} (got ${shown(issue.input)})`;
  },
});

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

/**
 * The words for each value of an enum fact, as data: a profile, a list cell, an answer or a request may use
 * them for the value (values.ts readEnumWord). `also`: other words users write for it; `note`: what the
 * value means where a word users write for it is not the current legal term.
 */
export type ValueWords = Readonly<Record<string, FieldLabel & { also?: readonly string[]; note?: FieldLabel }>>;

/** What a rule may compare a fact with; operators check it when rule files load. */
export type FactType = 'boolean' | 'number' | 'string' | 'date' | 'enum' | 'string[]' | 'date[]' | 'other';

/**
 * When a question about a fact arises at all (Publicodes' "applicable si"): once `fact` is yes (a fact
 * other than yes/no: once it is stated), or, with `includes`, once that list holds the value, or, with
 * `is`, once it has that value. While that is unknown
 * the question asked is the one about `fact`; once it is not so, the question is not asked. An answer
 * given anyway is still read, and rules read it: this orders the questions, it decides no rule.
 */
export interface AskedIf {
  fact: string;
  /** The list holds this value, or any of these. */
  includes?: string | readonly string[];
  is?: boolean | string;
}

/** What is said about a fact besides its type: its labels, how it can change, an enum's words, when it is asked. */
export type FactLabel = FieldLabel & FactChange & { valueWords?: ValueWords; askedIf?: AskedIf };

export function labelled<T extends z.ZodType>(schema: T, label: FactLabel): T {
  return schema.meta({ ...label, description: `${label.zh} / ${label.en}` }) as T;
}

/**
 * A profile fact declared once, as data: its type, an enum's values and their words, its labels and how
 * it can change; `field` is the profile field made from it (the reader of its type, labelled). The
 * profile schema is made of the fields, the fact catalog (src/facts/catalog.ts) of the rest.
 */
export interface FactDeclaration<F extends z.ZodType = z.ZodType> extends FactLabel {
  type: FactType;
  /** An enum's values, in order. */
  values?: readonly string[];
  field: F;
}

const declaration = <F extends z.ZodType>(type: FactType, field: F, label: FactLabel, values?: readonly string[]): FactDeclaration<F> => ({
  type,
  ...(values && { values }),
  ...label,
  field: labelled(field, label),
});

/** Builders of fact declarations, one per kind of fact. */
export const fact = {
  boolean: (label: FactLabel) => declaration('boolean', z.boolean(), label),
  date: (label: FactLabel) => declaration('date', day(), label),
  /** An amount of money in 元 (see yuan). */
  yuan: (label: FactLabel) => declaration('number', yuan(), label),
  /**
   * One of `values`, also written as one of its words (readEnumWord); `normalize` maps what else users
   * write (重庆市 → chongqing) before the check.
   */
  enum: <const T extends readonly [string, ...string[]]>(values: T, label: FactLabel, normalize?: (input: unknown) => unknown) =>
    declaration(
      'enum',
      z.preprocess((input) => readEnumWord(normalize ? normalize(input) : input, values, label.valueWords), enumOf(values, label.valueWords)),
      label,
      values,
    ),
  /** A list of some of `values` (a checklist), each also written as one of its words. */
  enumList: <const T extends readonly [string, ...string[]]>(values: T, label: FactLabel) =>
    declaration('string[]', z.array(z.preprocess((input) => readEnumWord(input, values, label.valueWords), enumOf(values, label.valueWords))), label, values),
  /** A fact whose field checks more than its type says (a code's pattern, a number's range, a list). */
  of: <F extends z.ZodType>(type: FactType, field: F, label: FactLabel) => declaration(type, field, label),
};

/** The profile fields of declared facts. */
export function fieldsOf<D extends Record<string, FactDeclaration>>(declarations: D): { [K in keyof D]: D[K]['field'] } {
  return Object.fromEntries(Object.entries(declarations).map(([name, d]) => [name, d.field])) as { [K in keyof D]: D[K]['field'] };
}

/** A calendar date written YYYY-MM-DD that exists (zod rejects 2023-02-29 and 2023-04-31): rule files. */
export const isoDate = () =>
  z.iso.date({ error: (issue) => (issue.input === undefined ? 'is required' : `must be a real calendar date written YYYY-MM-DD (got ${shown(issue.input)})`) });

/**
 * A date in a profile, list or answer: written as users write dates (values.ts reads 2024/1/1,
 * 2024.1.1, 2024年1月1日), kept as YYYY-MM-DD; a day that does not exist or a year outside 1949–2099 is refused.
 */
export const day = () =>
  z.preprocess((value, ctx) => {
    if (value === undefined) return value;
    const date = readDate(value);
    const problem = date === undefined ? 'must be a date YYYY-MM-DD' : dateProblem(date);
    if (problem) ctx.addIssue({ code: 'custom', message: `${problem} (got ${shown(value)})` });
    return date ?? value;
  }, isoDate());

/** The check message for a negative amount, echoing it. */
export const notNegative = { error: (issue: { input?: unknown }) => `must not be negative (got ${shown(issue.input)})` };

/**
 * A number in a profile, list or answer, read by values.ts (full-width digits, 186,000; for `yuan`
 * also ¥, 元, 万, 亿); `what` names it in the message: `must be a number of yuan (got "NaN")`.
 */
export const numeric = <T extends z.ZodType>(schema: T, what = 'a number', options: { yuan?: boolean } = {}) =>
  z.preprocess((value, ctx) => {
    if (value === undefined) return value;
    const n = readNumber(value, options);
    if (n === undefined || !Number.isFinite(n)) ctx.addIssue({ code: 'custom', message: `must be ${what} (got ${shown(value)})` });
    return n ?? value;
  }, schema);

/** An amount of money in CNY (元), never negative. */
export const yuan = () => numeric(z.number().nonnegative(notNegative), 'a number of yuan', { yuan: true });

/** One of `values`; the message names each with its Chinese word where it has one: `advanced (高级认证企业)`. */
export const enumOf = <const T extends readonly [string, ...string[]]>(values: T, words?: ValueWords) =>
  z.enum(values, {
    error: (issue) =>
      issue.input === undefined ? 'is required' : `must be one of: ${values.map((v) => (words?.[v] ? `${v} (${words[v].zh})` : v)).join(', ')} (got ${shown(issue.input)})`,
  });

/** Makes every field of a shape optional: in a profile, an absent fact is an unknown fact. */
export function allOptional<S extends Record<string, z.ZodType>>(shape: S): { [K in keyof S]: z.ZodOptional<S[K]> } {
  return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.optional()])) as { [K in keyof S]: z.ZodOptional<S[K]> };
}
