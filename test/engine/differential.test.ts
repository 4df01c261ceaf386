// Differential test: json-rules-engine (the reference semantics), our native tree evaluator and the
// compiled closures must give the same verdict (and the same relevance) on every rule of the shipped catalog, for generated
// profiles whose facts range over the whole fact catalog, each fact randomly absent (unknown).
// Values are drawn around the constants the rules compare with, so both sides of every threshold occur.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TRUE, UNKNOWN } from '../../src/engine/compiled.ts';
import type { RuleResult } from '../../src/engine/evaluate.ts';
import { evaluateCondition } from '../../src/engine/native.ts';
import { ReferenceEvaluator } from '../../src/engine/reference.ts';
import { withDerivedFacts } from '../../src/facts/catalog.ts';
import type { FactDefinition, FactScope, FactValues } from '../../src/facts/types.ts';
import type { Enterprise } from '../../src/profile/enterprise.ts';
import { incidentKinds } from '../../src/profile/incidents.ts';
import { countedInScreening, isExclusion, type Condition } from '../../src/rules/schema.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';

const ruleSet = loadRuleSet();
const { rules } = ruleSet;
const compiled = ruleSet.compiled;
/** The tree evaluator and json-rules-engine over the same rules, each built once. */
const evaluator = compiled.evaluator;

/** Every constant a rule compares each fact with, and every date a rule's validity names. */
const constants = new Map<string, Set<unknown>>();
const ruleDates = new Set<string>();
function collect(c: Condition): void {
  if ('fact' in c) {
    const set = constants.get(c.fact) ?? new Set();
    for (const v of Array.isArray(c.value) ? c.value : [c.value]) set.add(v);
    constants.set(c.fact, set);
  } else for (const child of 'all' in c ? c.all : 'any' in c ? c.any : [c.not]) collect(child);
}
for (const rule of rules) {
  collect(rule.conditions);
  for (const d of [rule.effective.from, rule.effective.to]) if (d) ruleDates.add(d);
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const shift = (iso: string, days: number) => day(new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000));
const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Dates near the given ones (the day itself, one day either side) or anywhere in 2010–2035. */
function dateArb(near: Iterable<unknown>): fc.Arbitrary<string> {
  const nearby = [...near].filter(isDate).flatMap((d) => [shift(d, -1), d, shift(d, 1)]);
  const anyDay = fc.date({ min: new Date('2010-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map(day);
  return nearby.length ? fc.oneof(fc.constantFrom(...nearby), anyDay) : anyDay;
}

function valueArb(fact: FactDefinition): fc.Arbitrary<unknown> {
  const seen = [...(constants.get(fact.name) ?? [])];
  switch (fact.type) {
    case 'boolean':
      return fc.boolean();
    case 'number': {
      const nums = seen.filter((v): v is number => typeof v === 'number');
      const near = nums.flatMap((n) => [n - 1, n - 0.01, n, n + 0.01, n + 1]).filter((n) => n >= 0);
      const anyNum = fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.double({ min: 0, max: 1e7, noNaN: true }));
      return near.length ? fc.oneof(fc.constantFrom(...near), anyNum) : anyNum;
    }
    case 'date':
      return dateArb([...seen, ...ruleDates]);
    case 'enum':
      return fc.constantFrom(...(fact.values ?? ['x']));
    case 'string':
      return seen.length ? fc.oneof(fc.constantFrom(...seen), fc.string({ maxLength: 4 })) : fc.string({ maxLength: 4 });
    case 'string[]': {
      const item = seen.length ? fc.oneof(fc.constantFrom(...seen.map(String)), fc.string({ maxLength: 3 })) : fc.string({ maxLength: 3 });
      return fc.array(item, { maxLength: 3 });
    }
    case 'date[]':
      return fc.array(dateArb([...seen, ...ruleDates]), { maxLength: 3 });
    default:
      // Facts of a shape the engine does not type (e.g. a penalty: 'none', 'warning' or an amount).
      return fc.oneof(...(seen.length ? [fc.constantFrom(...seen)] : []), fc.constantFrom('none', 'warning'), fc.integer({ min: 0, max: 1_000_000 }), fc.boolean());
  }
}

/** Facts of one scope, each present or absent at random (an absent key is an unknown fact). */
function factsArb(scope: FactScope): fc.Arbitrary<FactValues> {
  const model = Object.fromEntries(ruleSet.catalog.all.filter((f) => f.scope === scope && !f.derived).map((f) => [f.name, valueArb(f)]));
  return fc.record(model, { requiredKeys: [] }) as fc.Arbitrary<FactValues>;
}

const incidentArb = fc
  .tuple(...incidentKinds.map((kind) => fc.option(factsArb(kind), { nil: undefined, freq: 3 })))
  .map((own) => own.flatMap((facts, i) => (facts ? [{ ...facts, id: `i${i}`, kind: incidentKinds[i]! }] : [])));

const profileArb: fc.Arbitrary<Enterprise> = fc
  .record({ facts: factsArb('enterprise'), incidents: incidentArb })
  .map(({ facts, incidents }) => ({ name: '测试企业', uscc: '91500000MA5U000000', ...facts, incidents }) as unknown as Enterprise);

const asOfArb = dateArb(ruleDates);
const verdicts = (results: { ruleId: string; incidentId?: string; status: string }[]) => results.map((r) => `${r.ruleId}${r.incidentId ? `@${r.incidentId}` : ''}: ${r.status}`);

describe('differential: json-rules-engine vs native vs compiled, over the whole rule set', () => {
  it('covers every rule and every profile fact', () => {
    expect(rules.length).toBeGreaterThan(0);
    expect(compiled.byScope.size).toBeGreaterThan(0);
  });

  it('gives the same status for every rule on generated profiles (with incidents and unknown facts)', async () => {
    await fc.assert(
      fc.asyncProperty(profileArb, asOfArb, async (profile, asOf) => {
        const reference = verdicts(await evaluator.evaluateProfile(profile, { asOf, evaluator: 'reference' }));
        const native = verdicts(await evaluator.evaluateProfile(profile, { asOf, evaluator: 'native' }));
        const fast = verdicts(compiled.profileStatuses(profile, asOf));
        expect(native).toEqual(reference);
        expect(fast).toEqual(reference);
      }),
      { numRuns: 250 },
    );
  });

  // The compiled set explains a result from the explanations it already made for the same leaf truths
  // (CompiledRuleSet.explained): the same compiled set runs every generated profile, so most explanations
  // here come from that memory, and each must be what the tree evaluator says of this profile.
  it('explains every result as the tree evaluator does (failed and open conditions, missing facts)', async () => {
    const explanation = (r: RuleResult) => ({
      ruleId: r.ruleId,
      incidentId: r.incidentId,
      status: r.status,
      relevant: r.relevant,
      missingFacts: r.missingFacts,
      failedConditions: r.failedConditions,
      openConditions: r.openConditions,
    });
    await fc.assert(
      fc.asyncProperty(profileArb, asOfArb, async (profile, asOf) => {
        const native = await evaluator.evaluateProfile(profile, { asOf, evaluator: 'native' });
        expect(compiled.profileResults(profile, asOf, () => true).map(explanation)).toEqual(native.map(explanation));
      }),
      { numRuns: 400 },
    );
  });

  // A list row's verdict (compiled.screenEnterprise, through a profile shape as the batch builds one) is the
  // reference's statuses read the way a screening counts them.
  it('gives a list row the verdict json-rules-engine gives its profile (applies, exclusions, undetermined)', async () => {
    await fc.assert(
      fc.asyncProperty(factsArb('enterprise'), asOfArb, async (facts, asOf) => {
        const fields = Object.keys(facts);
        const shape = compiled.shape(fields);
        const row = shape.profile(
          '测试企业',
          '91500000MA5U000000',
          fields.map((f) => facts[f]),
        );
        const results = await evaluator.evaluateProfile(row, { asOf, evaluator: 'reference' });
        const counted = results.filter((r) => countedInScreening(r.rule));
        const ids = (list: typeof results) => list.map((r) => r.ruleId);
        const { applies, excluded, undetermined } = compiled.screenEnterprise(row, shape, asOf);
        const named = (indices: number[]) => indices.map((i) => compiled.rules('enterprise')[i]!.id);
        expect(named(applies)).toEqual(ids(counted.filter((r) => r.status === 'eligible' && !isExclusion(r.rule))));
        expect(named(excluded)).toEqual(ids(counted.filter((r) => r.status === 'eligible' && isExclusion(r.rule))));
        expect(named(undetermined)).toEqual(ids(counted.filter((r) => r.status === 'undetermined' && r.relevant === true)));
      }),
      { numRuns: 150 },
    );
  });

  // The statuses above hide the conditions of rules not in force; compare every condition tree's truth too.
  const scopes = [...compiled.byScope.keys()];
  const references = new Map(scopes.map((s) => [s, new ReferenceEvaluator(compiled.rules(s))]));
  it.each(scopes)('gives the same truth for every %s rule condition, whatever the validity dates', async (scope) => {
    const arb = scope === 'enterprise' ? factsArb('enterprise') : fc.record({ e: factsArb('enterprise'), own: factsArb(scope) }).map(({ e, own }) => ({ ...e, ...own }));
    await fc.assert(
      fc.asyncProperty(arb, asOfArb, async (raw, asOf) => {
        const facts = scope === 'enterprise' ? withDerivedFacts('enterprise', raw, asOf) : { ...withDerivedFacts('enterprise', raw, asOf), ...withDerivedFacts(scope, raw, asOf) };
        const trees = await references.get(scope)!.evaluate(facts);
        const truths = compiled.truths(scope, facts);
        const relevance = compiled.relevance(scope);
        compiled.rules(scope).forEach((rule, i) => {
          const tree = trees.get(rule.id)!;
          const reference = tree.value;
          expect(evaluateCondition(rule.conditions, facts).value, `${rule.id} native`).toBe(reference);
          expect(truths[i], `${rule.id} compiled`).toBe(reference);
          // Whether the rule's situation (trigger) arises: the first branch of its root, or always for a rule without one.
          const relevant = rule.trigger ? tree.children[0]!.value : true;
          expect(relevance[i] === UNKNOWN ? null : relevance[i] === TRUE, `${rule.id} compiled relevance`).toBe(relevant);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('agrees when every fact is unknown', async () => {
    const profile = { name: '空白企业', uscc: '91500000MA5U000000', incidents: incidentKinds.map((kind, i) => ({ id: `i${i}`, kind })) } as unknown as Enterprise;
    for (const asOf of ['2020-01-01', ...ruleDates]) {
      const reference = verdicts(await evaluator.evaluateProfile(profile, { asOf, evaluator: 'reference' }));
      expect(verdicts(compiled.profileStatuses(profile, asOf))).toEqual(reference);
    }
  });
});
