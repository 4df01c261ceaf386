// One record per operator (#8 §2): every operator carries all its parts (test, code for the compiled
// fast path, inverse for the gap analysis, json-rules-engine name, words), and the parts say the same
// thing as its test, so adding an operator is one entry and a missing or wrong part fails here.
import { describe, expect, it } from 'vitest';
import { satisfies } from '../../src/engine/gap.ts';
import { operatorNames, operators, type OperatorDefinition } from '../../src/rules/operators.ts';

/** A value the rules could compare with, and fact values on both sides of it, by the operator's fact types. */
function samples(op: OperatorDefinition): { value: unknown; facts: unknown[] } {
  const types = op.factTypes;
  if (types.includes('string[]')) return { value: 'a', facts: [[], ['a'], ['b'], ['a', 'b']] };
  if (types.length === 1 && types[0] === 'number') return { value: 100, facts: [0, 99, 99.99, 100, 100.01, 101, 1e9] };
  if (types.length === 1 && types[0] === 'date') return { value: '2024-03-01', facts: ['2023-12-31', '2024-02-29', '2024-03-01', '2024-03-02', '2025-01-01'] };
  return { value: op.listValue ? ['a', 'b'] : 'a', facts: ['a', 'b', 'c', true, false, 1] };
}
/** Facts of the wrong type, which every form of the test must refuse alike. */
const strays: unknown[] = ['100', '2024-03-01', 100, Number.NaN, true, null, [100], ['2024-03-01'], {}];

const code = (op: OperatorDefinition) => new Function('f', 'v', `return ${op.code('f', 'v')};`) as (f: unknown, v: unknown) => boolean;

describe.each(operatorNames)('operator %s', (name) => {
  const op: OperatorDefinition = operators[name];

  it('has every part: json-rules-engine name, fact types, test, code, inverse and zh/en words', () => {
    expect(op.reference).toMatch(/^[a-zA-Z]+$/);
    expect(op.factTypes.length).toBeGreaterThan(0);
    for (const part of [op.test, op.code, op.constraint]) expect(part).toBeTypeOf('function');
    expect(op.zh.trim()).not.toBe('');
    expect(op.en.trim()).not.toBe('');
  });

  it('its fast-path code gives the result of its test, stray fact types too', () => {
    const { value, facts } = samples(op);
    const compiled = code(op);
    for (const fact of [...facts, ...strays]) expect(compiled(fact, value), `${JSON.stringify(fact)} ${name} ${JSON.stringify(value)}`).toBe(op.test(fact, value));
  });

  it('its inverse holds exactly for the facts that make the test come out as wanted', () => {
    const { value, facts } = samples(op);
    for (const want of [true, false]) {
      const need = op.constraint(value, want);
      for (const fact of facts) expect(satisfies(fact, need), `${JSON.stringify(fact)} ${name} ${JSON.stringify(value)} wanted ${want}`).toBe(op.test(fact, value) === want);
    }
  });
});
