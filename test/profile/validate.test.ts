// A profile validated key by key (src/profile/validate.ts, issue #9) must give exactly what zod's parse of
// the whole profile gives: the same data (values, key order, defaults, transforms) for a valid profile,
// and for anything else zod's own answer. Checked on every sample, on every case profile the rule files
// carry, on odd inputs, and on generated profiles, valid and invalid, with and without declared facts.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CASE_USCC } from '../../src/cases/cases.ts';
import { readStructuredFile } from '../../src/io/read.ts';
import { enterpriseFactDeclarations } from '../../src/profile/enterprise.ts';
import { incidentFactDeclarations, type IncidentKind } from '../../src/profile/incidents.ts';
import { provinces } from '../../src/profile/provinces.ts';
import { builtinProfileSchema, presentKeysParser, ProfileSchema } from '../../src/profile/validate.ts';
import { loadRules, readRuleSet } from '../../src/rules/load.ts';
import type { Rule } from '../../src/rules/schema.ts';

const USCC = '91110000600037341L';
/** The key-by-key parse of a profile schema, made once per schema. */
const parsers = new Map<ProfileSchema, NonNullable<ReturnType<typeof presentKeysParser>>>();
const byKeys = (schema: ProfileSchema = builtinProfileSchema) => {
  let parse = parsers.get(schema);
  if (!parse) parsers.set(schema, (parse = presentKeysParser(schema.schema as unknown as z.ZodObject)!));
  return parse;
};

/**
 * The key-by-key parse and ProfileSchema.safeParse agree with zod's whole parse; returns whether zod accepted.
 * `fallback`: an input the key-by-key parse may leave to zod although zod accepts it.
 */
function expectSameAsZod(data: unknown, { fallback = false } = {}, schema: ProfileSchema = builtinProfileSchema): boolean {
  const zod = schema.schema.safeParse(data);
  const keyByKey = byKeys(schema)(data);
  const parsed = schema.safeParse(data);
  expect(parsed.success).toBe(zod.success);
  if (zod.success) {
    // A valid profile is answered by the key-by-key parse itself, not by the fallback.
    if (!fallback || keyByKey !== undefined) {
      expect(JSON.stringify(keyByKey)).toBe(JSON.stringify(zod.data));
      expect(keyByKey).toStrictEqual(zod.data);
    }
    expect(JSON.stringify(parsed.data)).toBe(JSON.stringify(zod.data));
  } else {
    // Never accepted when zod refuses; the errors are zod's.
    expect(keyByKey).toBeUndefined();
    expect(parsed.error!.issues).toEqual(zod.error.issues);
  }
  return zod.success;
}

const caseProfiles = (rules: readonly Rule[]) =>
  rules.flatMap((rule) =>
    rule.cases.map((c) => ({ name: 'Case enterprise', uscc: CASE_USCC, ...c.enterprise, incidents: c.incident ? [{ id: 'case', kind: rule.appliesTo, ...c.incident }] : [] })),
  );

const samples = readdirSync('samples')
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .map((f) => ({ file: f, data: readStructuredFile(join('samples', f)) }));

describe('a profile validated key by key gives what zod gives', () => {
  it.each(samples)('samples/$file', ({ data }) => {
    expectSameAsZod(data);
    expectSameAsZod(JSON.parse(JSON.stringify(data)));
  });

  it('for every case profile of the rule files (rules/ and the test fixtures)', () => {
    const profiles = [...caseProfiles(loadRules()), ...caseProfiles(loadRules('test/fixtures/gap')), ...caseProfiles(loadRules('test/batch/fixtures/rules'))];
    expect(profiles.length).toBeGreaterThan(100);
    const accepted = profiles.filter((p) => expectSameAsZod(p)).length;
    expect(accepted).toBeGreaterThan(profiles.length / 2);
  });

  it('keeps the defaults and transforms: incidents [] when absent, name and uscc trimmed, the province read from Chinese', () => {
    const parsed = builtinProfileSchema.safeParse({ province: '重庆市', uscc: ` ${USCC.toLowerCase()} `, name: ' 甲 ' });
    expect(parsed.data).toEqual({ name: '甲', uscc: USCC, province: 'chongqing', incidents: [] });
    expect(Object.keys(parsed.data!)).toEqual(['name', 'uscc', 'province', 'incidents']);
    expectSameAsZod({ province: '重庆市', uscc: ` ${USCC.toLowerCase()} `, name: ' 甲 ' });
  });

  it.each([
    ['not an object', ['a', 1, null, undefined, [], [{ name: 'A', uscc: USCC }], new Date(0)]],
    ['a required field missing', [{ name: 'A' }, { uscc: USCC }, {}]],
    [
      'an unknown key',
      [
        { name: 'A', uscc: USCC, nmae: 'B' },
        { name: 'A', uscc: USCC, __proto__: null, toString: 1 },
      ],
    ],
    ['a key of every object', [{ name: 'A', uscc: USCC, constructor: 1 }, JSON.parse(`{"name":"A","uscc":"${USCC}","__proto__":{"x":1}}`)]],
    [
      'a present key holding undefined',
      [
        { name: 'A', uscc: USCC, province: undefined },
        { name: 'A', uscc: USCC, incidents: undefined },
      ],
    ],
    [
      'a bad incident',
      [
        { name: 'A', uscc: USCC, incidents: [{ id: 'x', kind: 'parking' }] },
        { name: 'A', uscc: USCC, incidents: {} },
      ],
    ],
  ])('falls back to zod on %s', (_, inputs) => {
    for (const input of inputs) expectSameAsZod(input, { fallback: true });
  });

  it('reads a profile without a prototype as zod does, and falls back when a key is not enumerable', () => {
    const bare = Object.assign(Object.create(null) as object, { name: 'A', uscc: USCC, province: '四川' });
    expect(expectSameAsZod(bare)).toBe(true);
    const hidden = Object.defineProperty({ name: 'A', uscc: USCC }, 'province', { value: 'sichuan', enumerable: false });
    expect(byKeys()(hidden)).toBeUndefined();
    expect(expectSameAsZod(hidden, { fallback: true })).toBe(true);
  });

  it('has no key-by-key parse for a schema it cannot follow (a check across fields, or not strict)', () => {
    const shape = { a: z.string().optional() };
    expect(presentKeysParser(z.strictObject(shape))).toBeDefined();
    expect(presentKeysParser(z.object(shape))).toBeUndefined();
    expect(presentKeysParser(z.strictObject(shape).refine((v) => v.a !== 'x'))).toBeUndefined();
    expect(presentKeysParser(z.strictObject({ ...shape, valueOf: z.string().optional() }))).toBeUndefined();
  });
});

// Generated profiles: each fact gets values of its type written as users write them, values refused for
// their type, and values of the wrong type; among the profiles some have an unknown key, a bad USCC, a
// missing name, incidents with one id twice.

const junk = fc.oneof(fc.constant(null), fc.integer(), fc.string({ maxLength: 4 }), fc.boolean(), fc.constant([]), fc.constant({}), fc.constant([1, 'x']));
const fullWidth = (text: string) => text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** A date written in one of the forms users write, valid or not (2023-02-29, month 13, year 1940). */
const writtenDate = (y: number, m: number, d: number, form: number) => {
  const [mm, dd] = [String(m).padStart(2, '0'), String(d).padStart(2, '0')];
  return [`${y}-${mm}-${dd}`, `${y}/${m}/${d}`, `${y}年${m}月${d}日`, fullWidth(`${y}.${m}.${d}`), ` ${y}-${mm}-${dd} `][form]!;
};
const anyDate = fc
  .record({ y: fc.integer({ min: 1940, max: 2105 }), m: fc.integer({ min: 0, max: 13 }), d: fc.integer({ min: 0, max: 32 }), form: fc.nat(4) })
  .map(({ y, m, d, form }) => writtenDate(y, m, d, form));
const realDate = fc
  .record({ date: fc.date({ min: new Date('1949-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), form: fc.nat(4) })
  .map(({ date, form }) => writtenDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), form));
const date = fc.oneof({ arbitrary: realDate, weight: 4 }, { arbitrary: anyDate, weight: 1 });
const amount = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }),
  fc.integer({ min: -5, max: -1 }),
  fc.double({ min: -1, max: 1e9, noNaN: true }),
  fc.integer({ min: 0, max: 99_999 }).map((n) => `${n}万`),
  fc.integer({ min: 0, max: 9_999_999 }).map((n) => `¥${n.toLocaleString('en-US')}元`),
  fc.constantFrom('1.86万', '2亿', '１２３', '12,34', 'NaN', ''),
);
const text = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('  西永  ', '', ' '));
const provinceText = fc.oneof(
  fc.constantFrom(...Object.keys(provinces)),
  fc.constantFrom(...Object.values(provinces)).chain((zh) => fc.constantFrom(zh, `${zh}省`, `${zh}市`)),
  fc.constantFrom('Chongqing', ' Inner Mongolia ', '火星'),
);

interface Declared {
  type: string;
  values?: readonly string[];
}

/** Values for a fact of the given declaration; `seen` adds the values real profiles give it. */
function valueArbitrary(name: string, d: Declared, seen: readonly unknown[]): fc.Arbitrary<unknown> {
  const typed = ((): fc.Arbitrary<unknown> => {
    if (name === 'province' || name === 'enforcementProvince') return provinceText;
    switch (d.type) {
      case 'boolean':
        return fc.boolean();
      case 'enum':
        return fc.oneof({ arbitrary: fc.constantFrom(...d.values!), weight: 5 }, { arbitrary: fc.constant('other-value'), weight: 1 });
      case 'date':
        return date;
      case 'date[]':
        return fc.array(date, { maxLength: 3 });
      case 'string[]':
        return fc.oneof(fc.constant([]), fc.array(text, { maxLength: 2 }));
      case 'number':
        return amount;
      case 'string':
        return fc.oneof(text, fc.stringMatching(/^[0-9A-Z]{10}$/));
      default:
        return fc.oneof(amount, fc.constantFrom('none', 'warning'), text);
    }
  })();
  const arbitraries = seen.length
    ? [
        { arbitrary: typed, weight: 1 },
        { arbitrary: fc.constantFrom(...seen), weight: 2 },
      ]
    : [typed];
  return fc.oneof({ arbitrary: fc.oneof(...arbitraries), weight: 19 }, { arbitrary: junk, weight: 1 });
}

/** Some of the facts of `declarations`, with values; more often those whose values are read (not booleans). */
function someFacts(declarations: Record<string, Declared>, seen: Map<string, unknown[]>, maxKeys: number) {
  const names = Object.keys(declarations);
  const read = names.filter((name) => declarations[name]!.type !== 'boolean');
  return fc
    .uniqueArray(fc.oneof({ arbitrary: fc.constantFrom(...read), weight: 2 }, { arbitrary: fc.constantFrom(...names), weight: 1 }), { maxLength: maxKeys })
    .chain((chosen) => fc.tuple(...chosen.map((name) => valueArbitrary(name, declarations[name]!, seen.get(name) ?? []).map((value) => [name, value] as const))))
    .map((entries) => Object.fromEntries(entries));
}

/** The values the samples and the rule files' case profiles give each fact. */
function seenValues(profiles: readonly unknown[]): Map<string, unknown[]> {
  const seen = new Map<string, unknown[]>();
  const add = (record: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(record)) if (value !== undefined) seen.set(key, [...(seen.get(key) ?? []), value]);
  };
  for (const p of profiles as Record<string, unknown>[]) {
    add(p);
    for (const incident of (p.incidents as Record<string, unknown>[] | undefined) ?? []) add(incident);
  }
  return seen;
}

function profiles(declared: { enterprise: Record<string, Declared>; incidents: Record<IncidentKind, Record<string, Declared>> }, seen: Map<string, unknown[]>) {
  const incident = fc.oneof(
    ...(Object.keys(declared.incidents) as IncidentKind[]).map((kind) =>
      fc
        .record({
          id: fc.oneof({ arbitrary: fc.constantFrom('I1', 'I2', ' I3 ', 'I4', 'I5', 'I6'), weight: 9 }, { arbitrary: fc.constant(''), weight: 1 }),
          facts: someFacts(declared.incidents[kind], seen, 6),
        })
        .map(({ id, facts }) => ({ id, kind, ...facts })),
    ),
  );
  const uscc = fc.oneof(
    { arbitrary: fc.constantFrom(USCC, ` ${USCC.toLowerCase()} `, CASE_USCC), weight: 8 },
    { arbitrary: fc.constantFrom('91110000600037341X', '9111000060003734IL', '123', undefined), weight: 1 },
  );
  const profile = fc
    .record(
      {
        name: fc.oneof({ arbitrary: fc.constantFrom('甲公司', '  乙  '), weight: 9 }, { arbitrary: fc.constantFrom('', ' ', 3, undefined), weight: 1 }),
        uscc,
        facts: someFacts(declared.enterprise, seen, 12),
        incidents: fc.array(incident, { maxLength: 3 }),
        unknown: fc.oneof({ arbitrary: fc.constant(undefined), weight: 9 }, { arbitrary: fc.constantFrom('customscode', 'extra'), weight: 1 }),
        firstKeys: fc.boolean(),
      },
      { requiredKeys: ['name', 'uscc', 'facts', 'firstKeys'] },
    )
    .map(({ name, uscc, facts, incidents, unknown, firstKeys }) => {
      // The order of the keys varies: the output has the schema's order whatever the input's.
      const head = { ...(name !== undefined && { name }), ...(uscc !== undefined && { uscc }) };
      const body = { ...facts, ...(incidents !== undefined && { incidents }), ...(unknown !== undefined && { [unknown]: 1 }) };
      return firstKeys ? { ...head, ...body } : { ...body, ...head };
    });
  return fc.oneof({ arbitrary: profile, weight: 30 }, { arbitrary: junk, weight: 1 });
}

const builtIn = {
  enterprise: enterpriseFactDeclarations as Record<string, Declared>,
  incidents: incidentFactDeclarations as unknown as Record<IncidentKind, Record<string, Declared>>,
};
const realProfiles = () => [...samples.map((s) => s.data), ...caseProfiles(loadRules())];

/** Runs the property and checks enough of the generated profiles were valid to test the data, and enough not. */
function checkGenerated(declared: typeof builtIn, numRuns: number, schema: ProfileSchema = builtinProfileSchema) {
  const seen = seenValues(realProfiles());
  let valid = 0;
  fc.assert(
    fc.property(profiles(declared, seen), (data) => {
      if (expectSameAsZod(data, {}, schema)) valid++;
    }),
    { numRuns },
  );
  expect(valid).toBeGreaterThan(numRuns / 5);
  expect(valid).toBeLessThan(numRuns * 0.9);
}

describe('generated profiles, valid and invalid, give what zod gives', () => {
  it('with the built-in facts', () => checkGenerated(builtIn, 1500));

  it('with facts rule files declare (test/fixtures/rules-declaring-facts, and one for an incident kind)', () => {
    const declaredBefore = Object.keys(builtinProfileSchema.schema.shape).length;
    const { rules, declared } = readRuleSet('test/fixtures/rules-declaring-facts');
    const incidentFact = { name: 'penaltyReduced', appliesTo: 'customs-violation', type: 'boolean', zh: '已减轻处罚', en: 'the penalty was reduced', file: 'test' } as const;
    const schema = new ProfileSchema([...declared, incidentFact]);
    for (const profile of caseProfiles(rules)) expect(expectSameAsZod(profile, {}, schema)).toBe(true);
    expect(Object.keys(schema.schema.shape).length).toBe(declaredBefore + 3);
    expectSameAsZod(
      { name: 'A', uscc: USCC, digitalServiceExports: '¥1.2万', digitalTradeSegment: 'digital-content', incidents: [{ id: 'i', kind: 'customs-violation', penaltyReduced: true }] },
      {},
      schema,
    );
    expect(schema.safeParse({ name: 'A', uscc: USCC, digitalServiceExports: '¥1.2万' }).data).toMatchObject({ digitalServiceExports: 12000 });
    checkGenerated(
      {
        enterprise: {
          ...builtIn.enterprise,
          zhejiangKeyDigitalTradeEnterprise: { type: 'boolean' },
          digitalTradeSegment: { type: 'enum', values: ['digital-services', 'digital-content', 'cross-border-platform'] },
          digitalServiceExports: { type: 'number' },
        },
        incidents: { ...builtIn.incidents, 'customs-violation': { ...builtIn.incidents['customs-violation'], penaltyReduced: { type: 'boolean' } } },
      },
      1000,
      schema,
    );
  });
});
