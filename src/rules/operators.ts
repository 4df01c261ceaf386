// The operators a rule file may use, named after the legal words they encode:
// 以上 = atLeast (≥), 以下/以内 = atMost (≤), 超过 = exceeds (>), 不满 = under (<).
// One record per operator holds everything about it, so adding an operator is one entry: its test (the
// native evaluator), the same test as code (the compiled fast path), the json-rules-engine operator it
// runs as (the reference semantics), its inverse (what a fact must be for the test to come out true or
// false: the gap analysis), and its words. test/engine/differential.test.ts proves the evaluators agree;
// test/rules/operators.test.ts that every record is whole and its parts agree with its test.
import { shiftDay } from '../profile/dates.ts';
import type { FactType, FieldLabel } from '../profile/fields.ts';

/** What a fact must be: every field that is present must hold. Dates are inclusive YYYY-MM-DD bounds. */
export interface Constraint {
  oneOf?: unknown[];
  noneOf?: unknown[];
  min?: number;
  minInclusive?: boolean;
  max?: number;
  maxInclusive?: boolean;
  from?: string;
  to?: string;
  includes?: unknown[];
  excludes?: unknown[];
  /** For a date a window places: what to do by then (from the window's declaration). */
  act?: FieldLabel;
}

export interface OperatorDefinition {
  /** The json-rules-engine operator it runs as; custom ones are registered under our own name. */
  reference: string;
  /** Fact types it accepts. */
  factTypes: readonly FactType[];
  /** The value must be a list (in, notIn) rather than one value. */
  listValue?: boolean;
  /** Called only with a known fact value. */
  test(fact: unknown, value: unknown): boolean;
  /**
   * The same test as a JavaScript expression, for the compiled fast path: `fact` and `value` are the
   * expressions (plain identifiers or indexed reads) holding them. Rule values never become code.
   */
  code(fact: string, value: string): string;
  /** The inverse: what the fact must be for the test to come out `want` (the gap analysis). */
  constraint(value: unknown, want: boolean): Constraint;
  zh: string;
  en: string;
}

const num = (f: unknown): f is number => typeof f === 'number' && !Number.isNaN(f);
const str = (f: unknown): f is string => typeof f === 'string';
const scalar: FactType[] = ['boolean', 'number', 'string', 'date', 'enum'];
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);
/** The constraint `yes` when the test must come out true, `no` when false. */
const either = (want: boolean, yes: Constraint, no: Constraint): Constraint => (want ? yes : no);
// NaN compares false with everything, so `typeof x === "number"` in code is the tests' `num`.

export const operators = {
  equal: {
    reference: 'equal',
    factTypes: scalar,
    test: (f, v) => f === v,
    code: (f, v) => `${f} === ${v}`,
    constraint: (v, want) => either(want, { oneOf: [v] }, { noneOf: [v] }),
    zh: '为',
    en: 'is',
  },
  notEqual: {
    reference: 'notEqual',
    factTypes: scalar,
    test: (f, v) => f !== v,
    code: (f, v) => `${f} !== ${v}`,
    constraint: (v, want) => either(want, { noneOf: [v] }, { oneOf: [v] }),
    zh: '不为',
    en: 'is not',
  },
  in: {
    reference: 'in',
    factTypes: scalar,
    listValue: true,
    test: (f, v) => (v as unknown[]).includes(f),
    code: (f, v) => `${v}.includes(${f})`,
    constraint: (v, want) => either(want, { oneOf: list(v) }, { noneOf: list(v) }),
    zh: '属于',
    en: 'is one of',
  },
  notIn: {
    reference: 'notIn',
    factTypes: scalar,
    listValue: true,
    test: (f, v) => !(v as unknown[]).includes(f),
    code: (f, v) => `!${v}.includes(${f})`,
    constraint: (v, want) => either(want, { noneOf: list(v) }, { oneOf: list(v) }),
    zh: '不属于',
    en: 'is none of',
  },
  contains: {
    reference: 'contains',
    factTypes: ['string[]', 'date[]'],
    test: (f, v) => Array.isArray(f) && f.includes(v),
    code: (f, v) => `Array.isArray(${f}) && ${f}.includes(${v})`,
    constraint: (v, want) => either(want, { includes: [v] }, { excludes: [v] }),
    zh: '包含',
    en: 'includes',
  },
  doesNotContain: {
    reference: 'doesNotContain',
    factTypes: ['string[]', 'date[]'],
    test: (f, v) => Array.isArray(f) && !f.includes(v),
    code: (f, v) => `Array.isArray(${f}) && !${f}.includes(${v})`,
    constraint: (v, want) => either(want, { excludes: [v] }, { includes: [v] }),
    zh: '不包含',
    en: 'does not include',
  },
  atLeast: {
    reference: 'greaterThanInclusive',
    factTypes: ['number'],
    test: (f, v) => num(f) && f >= (v as number),
    code: (f, v) => `typeof ${f} === "number" && ${f} >= ${v}`,
    constraint: (v, want) => either(want, { min: v as number, minInclusive: true }, { max: v as number, maxInclusive: false }),
    zh: '以上（含本数）',
    en: 'is at least',
  },
  atMost: {
    reference: 'lessThanInclusive',
    factTypes: ['number'],
    test: (f, v) => num(f) && f <= (v as number),
    code: (f, v) => `typeof ${f} === "number" && ${f} <= ${v}`,
    constraint: (v, want) => either(want, { max: v as number, maxInclusive: true }, { min: v as number, minInclusive: false }),
    zh: '以下（含本数）',
    en: 'is at most',
  },
  exceeds: {
    reference: 'greaterThan',
    factTypes: ['number'],
    test: (f, v) => num(f) && f > (v as number),
    code: (f, v) => `typeof ${f} === "number" && ${f} > ${v}`,
    constraint: (v, want) => either(want, { min: v as number, minInclusive: false }, { max: v as number, maxInclusive: true }),
    zh: '超过（不含本数）',
    en: 'exceeds',
  },
  under: {
    reference: 'lessThan',
    factTypes: ['number'],
    test: (f, v) => num(f) && f < (v as number),
    code: (f, v) => `typeof ${f} === "number" && ${f} < ${v}`,
    constraint: (v, want) => either(want, { max: v as number, maxInclusive: false }, { min: v as number, minInclusive: true }),
    zh: '不满（不含本数）',
    en: 'is under',
  },
  // Dates are YYYY-MM-DD strings, whose text order is their calendar order; constraints are inclusive days.
  onOrAfter: {
    reference: 'onOrAfter',
    factTypes: ['date'],
    test: (f, v) => str(f) && f >= (v as string),
    code: (f, v) => `typeof ${f} === "string" && ${f} >= ${v}`,
    constraint: (v, want) => either(want, { from: v as string }, { to: shiftDay(v as string, -1) }),
    zh: '在该日或之后',
    en: 'is on or after',
  },
  onOrBefore: {
    reference: 'onOrBefore',
    factTypes: ['date'],
    test: (f, v) => str(f) && f <= (v as string),
    code: (f, v) => `typeof ${f} === "string" && ${f} <= ${v}`,
    constraint: (v, want) => either(want, { to: v as string }, { from: shiftDay(v as string, 1) }),
    zh: '在该日或之前',
    en: 'is on or before',
  },
  after: {
    reference: 'after',
    factTypes: ['date'],
    test: (f, v) => str(f) && f > (v as string),
    code: (f, v) => `typeof ${f} === "string" && ${f} > ${v}`,
    constraint: (v, want) => either(want, { from: shiftDay(v as string, 1) }, { to: v as string }),
    zh: '在该日之后',
    en: 'is after',
  },
  before: {
    reference: 'before',
    factTypes: ['date'],
    test: (f, v) => str(f) && f < (v as string),
    code: (f, v) => `typeof ${f} === "string" && ${f} < ${v}`,
    constraint: (v, want) => either(want, { to: shiftDay(v as string, -1) }, { from: v as string }),
    zh: '在该日之前',
    en: 'is before',
  },
} satisfies Record<string, OperatorDefinition>;

export type OperatorName = keyof typeof operators;
export const operatorNames = Object.keys(operators) as [OperatorName, ...OperatorName[]];

/** Operators json-rules-engine lacks, registered on every reference engine. */
export const customReferenceOperators = (Object.entries(operators) as [OperatorName, OperatorDefinition][]).filter(
  ([name, op]) => op.reference === name && !['equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain'].includes(name),
);
