// The operators a rule file may use, named after the legal words they encode:
// 以上 = atLeast (≥), 以下/以内 = atMost (≤), 超过 = exceeds (>), 不满 = under (<).
// Each maps to a json-rules-engine operator (the reference semantics) and has a plain test of its own
// (the compiled fast path); test/engine/differential.test.ts proves the two agree.
import type { FactType } from '../profile/fields.ts';

export interface OperatorDefinition {
  /** The json-rules-engine operator it runs as; custom ones are registered under our own name. */
  reference: string;
  /** Fact types it accepts. */
  factTypes: readonly FactType[];
  /** The value must be a list (in, notIn) rather than one value. */
  listValue?: boolean;
  /** Called only with a known fact value. */
  test(fact: unknown, value: unknown): boolean;
  zh: string;
  en: string;
}

const num = (f: unknown): f is number => typeof f === 'number' && !Number.isNaN(f);
const str = (f: unknown): f is string => typeof f === 'string';
const scalar: FactType[] = ['boolean', 'number', 'string', 'date', 'enum'];

export const operators = {
  equal: { reference: 'equal', factTypes: scalar, test: (f, v) => f === v, zh: '为', en: 'is' },
  notEqual: { reference: 'notEqual', factTypes: scalar, test: (f, v) => f !== v, zh: '不为', en: 'is not' },
  in: { reference: 'in', factTypes: scalar, listValue: true, test: (f, v) => (v as unknown[]).includes(f), zh: '属于', en: 'is one of' },
  notIn: { reference: 'notIn', factTypes: scalar, listValue: true, test: (f, v) => !(v as unknown[]).includes(f), zh: '不属于', en: 'is none of' },
  contains: { reference: 'contains', factTypes: ['string[]', 'date[]'], test: (f, v) => Array.isArray(f) && f.includes(v), zh: '包含', en: 'includes' },
  doesNotContain: { reference: 'doesNotContain', factTypes: ['string[]', 'date[]'], test: (f, v) => Array.isArray(f) && !f.includes(v), zh: '不包含', en: 'does not include' },
  atLeast: { reference: 'greaterThanInclusive', factTypes: ['number'], test: (f, v) => num(f) && f >= (v as number), zh: '以上（含本数）', en: 'is at least' },
  atMost: { reference: 'lessThanInclusive', factTypes: ['number'], test: (f, v) => num(f) && f <= (v as number), zh: '以下（含本数）', en: 'is at most' },
  exceeds: { reference: 'greaterThan', factTypes: ['number'], test: (f, v) => num(f) && f > (v as number), zh: '超过（不含本数）', en: 'exceeds' },
  under: { reference: 'lessThan', factTypes: ['number'], test: (f, v) => num(f) && f < (v as number), zh: '不满（不含本数）', en: 'is under' },
  // Dates are YYYY-MM-DD strings, whose text order is their calendar order.
  onOrAfter: { reference: 'onOrAfter', factTypes: ['date'], test: (f, v) => str(f) && f >= (v as string), zh: '在该日或之后', en: 'is on or after' },
  onOrBefore: { reference: 'onOrBefore', factTypes: ['date'], test: (f, v) => str(f) && f <= (v as string), zh: '在该日或之前', en: 'is on or before' },
  after: { reference: 'after', factTypes: ['date'], test: (f, v) => str(f) && f > (v as string), zh: '在该日之后', en: 'is after' },
  before: { reference: 'before', factTypes: ['date'], test: (f, v) => str(f) && f < (v as string), zh: '在该日之前', en: 'is before' },
} satisfies Record<string, OperatorDefinition>;

export type OperatorName = keyof typeof operators;
export const operatorNames = Object.keys(operators) as [OperatorName, ...OperatorName[]];

/** Operators json-rules-engine lacks, registered on every reference engine. */
export const customReferenceOperators = (Object.entries(operators) as [OperatorName, OperatorDefinition][]).filter(
  ([name, op]) => op.reference === name && !['equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain'].includes(name),
);
