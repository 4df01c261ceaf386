// Two rule sets in one process do not see each other's facts: the bundled rules refuse a fact that only
// the fixture document (test/fixtures/rules-declaring-facts, a made-up Zhejiang policy) declares, the
// fixture's rule set accepts it, whichever is loaded first; and each keeps what is made from its rules.
import { describe, expect, it } from 'vitest';
import { Readable, PassThrough } from 'node:stream';
import { columnsOf } from '../../src/batch/columns.ts';
import { InputError } from '../../src/io/input-error.ts';
import { loadRuleSet, type RuleSet } from '../../src/ruleset/rule-set.ts';

const FIXTURE = 'test/fixtures/rules-declaring-facts';
const USCC = '91330000MA5U00000U';
const AS_OF = '2025-06-30';
/** A profile stating two facts only the fixture's rule file declares. */
const zhejiang = { name: '浙江甲公司', uscc: USCC, province: 'zhejiang', zhejiangKeyDigitalTradeEnterprise: true, digitalServiceExports: '1000万' };

async function expectIndependent(bundled: RuleSet, fixture: RuleSet) {
  // The fixture's rule set knows its facts: the profile is valid and its rule applies.
  expect(fixture.parseProfile(zhejiang)).toMatchObject({ digitalServiceExports: 10_000_000 });
  const report = await fixture.check(zhejiang, { asOf: AS_OF });
  expect(report.results.find((r) => r.ruleId === 'zjcom-2025-12/key-enterprise-export-reward')?.status).toBe('eligible');
  expect(fixture.catalog.definition('digitalServiceExports')?.declaredIn).toMatch(/zjcom-2025-12-digital-trade\.yaml$/);
  expect(columnsOf(fixture).fieldForHeader('数字贸易业态')?.field).toBe('digitalTradeSegment');

  // The bundled rule set does not: the same profile is refused, naming the unknown facts.
  expect(() => bundled.parseProfile(zhejiang)).toThrow(InputError);
  expect(() => bundled.parseProfile(zhejiang)).toThrow(/zhejiangKeyDigitalTradeEnterprise|digitalServiceExports/);
  await expect(bundled.check(zhejiang, { asOf: AS_OF })).rejects.toThrow(InputError);
  expect(bundled.catalog.definition('digitalServiceExports')).toBeUndefined();
  expect(bundled.facts().some((f) => f.name === 'digitalTradeSegment')).toBe(false);
  expect(columnsOf(bundled).fieldForHeader('数字贸易业态')).toBeUndefined();
  // A list naming the declared fact is refused by the bundled rules (an unknown column), screened by the fixture's.
  const list = `企业名称,统一社会信用代码,所在省份,数字贸易业态\n甲,${USCC},浙江,跨境电商平台\n`;
  const screen = (rules: RuleSet) =>
    rules.screen({ stream: Readable.from([Buffer.from(list)]), name: 'list.csv' }, { output: new PassThrough().resume(), format: 'jsonl', asOf: AS_OF });
  await expect(screen(bundled)).rejects.toThrow(/unknown column "数字贸易业态"/);
  expect((await screen(fixture)).errors).toBe(0);
}

describe('two rule sets in one process', () => {
  it('the bundled rules loaded first, then the fixture: each sees only its own facts', async () => {
    const bundled = loadRuleSet();
    const fixture = loadRuleSet(FIXTURE);
    await expectIndependent(bundled, fixture);
  });

  it('the fixture loaded first, then the bundled rules: the same', async () => {
    const fixture = loadRuleSet(FIXTURE);
    const bundled = loadRuleSet();
    await expectIndependent(bundled, fixture);
  });

  it('each keeps what is made from its rules: its own compiled rules, hash, profile schema and cached values', () => {
    const a = loadRuleSet(FIXTURE);
    const b = loadRuleSet(FIXTURE);
    expect(a.compiled).toBe(a.compiled);
    expect(a.compiled).not.toBe(b.compiled);
    expect(a.profile).not.toBe(b.profile);
    expect(a.rulesHash).toBe(b.rulesHash); // the same content
    expect(loadRuleSet().rulesHash).not.toBe(a.rulesHash);
    const made = (rules: { rules: readonly unknown[] }) => ({ count: rules.rules.length });
    expect(a.memo(made)).toBe(a.memo(made));
    expect(a.memo(made)).not.toBe(b.memo(made));
  });
});
