// The contract addDerivedFacts relies on to pass over a group of derived facts with one look: a derived
// fact is unknown whenever an input it needs is unknown (src/facts/derived.ts).
import { describe, expect, it } from 'vitest';
import { addDerivedFacts } from '../../src/facts/catalog.ts';
import { derivedFacts } from '../../src/facts/derived.ts';

describe('derived facts', () => {
  it('each computed from one fact is unknown while that fact is unknown', () => {
    const single = derivedFacts.filter((f) => f.inputs.length === 1);
    expect(single.length).toBeGreaterThan(15);
    for (const f of single) expect(f.compute({ [`not-${f.inputs[0]}`]: 1 }, '2025-06-30'), f.name).toBeUndefined();
  });

  it('the checklists answer their facts once stated, and an answer to the fact itself wins', () => {
    expect(addDerivedFacts('enterprise', { situations: ['imports'] }, '2025-06-30')).toMatchObject({ foreignTradeEnterprise: true, inComprehensiveBondedZone: false });
    expect(addDerivedFacts('enterprise', { situations: ['imports'], foreignTradeEnterprise: false }, '2025-06-30').foreignTradeEnterprise).toBe(false);
    const none = addDerivedFacts('enterprise', { name: '甲' }, '2025-06-30');
    expect(none.inComprehensiveBondedZone).toBeUndefined();
    expect(none.applyingForLowVoltageConnection).toBeUndefined();
  });
});
