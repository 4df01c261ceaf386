// The enterprise profile: who the company is, the facts policies ask about, and its incidents.
import { z } from 'zod';
import { allOptional, fact, fieldsOf, labelled } from './fields.ts';
import { incidentKinds, incidentSchema, incidentSchemaWith } from './incidents.ts';
import { plainFactDeclaration, type PlainFact } from './plain-facts.ts';
import { normalizeProvince, provinceIds, provinceWords } from './provinces.ts';
import { usccProblem } from './uscc.ts';
import { bondedZoneFactDeclarations } from './facets/bonded-zone.ts';
import { businessFactDeclarations } from './facets/business.ts';
import { customsFactDeclarations } from './facets/customs.ts';
import { situationFactDeclarations } from './facets/situations.ts';
import { tradeFactDeclarations } from './facets/trade.ts';

/** 海关信用等级 (customs credit status). */
export const customsCreditLevels = ['advanced', 'registered', 'dishonest'] as const;

/** Each level as the regulations name it. */
export const customsCreditNames = {
  advanced: { zh: '高级认证企业', en: 'AEO advanced certified enterprise' },
  registered: { zh: '其他注册登记和备案企业', en: 'other registered enterprise' },
  dishonest: { zh: '失信企业', en: 'dishonest enterprise' },
} as const satisfies Record<(typeof customsCreditLevels)[number], { zh: string; en: string }>;

/**
 * The words a profile, a list cell, an answer or a request may use for each level: the regulations' names
 * and what clerks write, 一般信用企业 among them (the level older customs credit rules had), with what it
 * means now.
 */
export const customsCreditWords = {
  advanced: { ...customsCreditNames.advanced, also: ['高级认证', 'AEO高级认证企业', 'AEO advanced'] },
  registered: {
    ...customsCreditNames.registered,
    also: ['一般信用企业', '一般信用', '注册登记和备案企业', 'registered enterprise', 'general credit enterprise'],
    note: {
      zh: '一般信用企业按“其他注册登记和备案企业”读取：现行海关信用管理只认定高级认证企业和失信企业，两者之外的企业为其他注册登记和备案企业',
      en: 'a 一般信用企业 (general-credit enterprise) is read as an other registered enterprise: current customs credit rules recognise only AEO advanced certified and dishonest enterprises; every other enterprise is an other registered enterprise',
    },
  },
  dishonest: { ...customsCreditNames.dishonest, also: ['失信'] },
} as const;

/**
 * Enterprise facts a rule may test. Every one is optional: absent means unknown, never false.
 * Policy packs that need more facts add them to a facet (./facets), each with its Chinese term.
 */
export const enterpriseFactDeclarations = {
  customsCode: fact.of('string', z.string().regex(/^[0-9A-Z]{10}$/, 'must be 10 digits or capital letters'), {
    zh: '海关编码（海关注册编码）',
    en: 'customs registration code',
  }),
  province: fact.enum(provinceIds, { zh: '所在省份', en: 'province', valueWords: provinceWords }, normalizeProvince),
  customsCredit: fact.enum(customsCreditLevels, {
    zh: '海关信用等级',
    en: 'customs credit status',
    valueWords: customsCreditWords,
    // A registered enterprise can apply for AEO advanced certification; a dishonest one must first leave
    // the dishonest list (信用修复) when its period ends, so it is never advised to "become advanced".
    change: {
      reachable: { registered: ['advanced'], dishonest: [], advanced: [] },
      actions: { advanced: { zh: '取得海关高级认证（成为高级认证企业）', en: 'obtain AEO advanced certification (高级认证企业)' } },
    },
  }),
  ...situationFactDeclarations,
  ...customsFactDeclarations,
  ...businessFactDeclarations,
  ...tradeFactDeclarations,
  ...bondedZoneFactDeclarations,
};

/** The profile fields of the enterprise facts. */
export const enterpriseFactFields = fieldsOf(enterpriseFactDeclarations);

/** The enterprise schema with `declared` enterprise fields and the incident schema given. */
const enterpriseSchemaWith = (declared: Record<string, z.ZodType>, incidents: typeof incidentSchema) =>
  z.strictObject({
    name: labelled(z.string().trim().min(1, 'must not be empty'), { zh: '企业名称', en: 'enterprise name' }),
    uscc: labelled(
      z
        .string()
        .trim()
        .toUpperCase()
        .superRefine((code, ctx) => {
          const problem = usccProblem(code);
          if (problem) ctx.addIssue({ code: 'custom', message: `is not a valid 统一社会信用代码: ${problem}` });
        }),
      { zh: '统一社会信用代码', en: 'unified social credit code (USCC)' },
    ),
    ...allOptional(enterpriseFactFields),
    ...allOptional(declared),
    incidents: labelled(
      z
        .array(incidents)
        .superRefine((incidents, ctx) => {
          // Answers, results and deadlines name an incident by its id: two with one id would be confused.
          const first = new Map<string, number>();
          incidents.forEach((incident, i) => {
            const earlier = first.get(incident.id);
            if (earlier === undefined) first.set(incident.id, i);
            else ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${incident.id}" is already the id of incidents[${earlier}]; each incident needs its own id` });
          });
        })
        .default([]),
      { zh: '事项', en: 'incidents' },
    ),
  });

/** The profile schema of the built-in facts (the JSON Schema for editors and the API's description are made from it). */
export const enterpriseSchema = enterpriseSchemaWith({}, incidentSchema);

/**
 * The profile schema of a rule set: the built-in facts and the facts its rule files declare
 * (plain-facts.ts). Every profile, list row and answer is validated with it (through ./validate.ts
 * ProfileSchema, which a rule set owns).
 */
export function profileSchemaWith(declared: readonly PlainFact[]): typeof enterpriseSchema {
  if (declared.length === 0) return enterpriseSchema;
  const fields = (scope: PlainFact['appliesTo']) => Object.fromEntries(declared.filter((f) => f.appliesTo === scope).map((f) => [f.name, plainFactDeclaration(f).field]));
  const incidents = incidentSchemaWith(Object.fromEntries(incidentKinds.map((kind) => [kind, fields(kind)])));
  return enterpriseSchemaWith(fields('enterprise'), incidents) as unknown as typeof enterpriseSchema;
}

/** The source file of each built-in enterprise fact: a rule file declaring one again is told where it stands. */
export const enterpriseFactFiles: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries({
    'src/profile/enterprise.ts': { customsCode: 0, province: 0, customsCredit: 0 },
    'src/profile/facets/situations.ts': situationFactDeclarations,
    'src/profile/facets/customs.ts': customsFactDeclarations,
    'src/profile/facets/business.ts': businessFactDeclarations,
    'src/profile/facets/trade.ts': tradeFactDeclarations,
    'src/profile/facets/bonded-zone.ts': bondedZoneFactDeclarations,
  }).flatMap(([file, fields]) => Object.keys(fields).map((name) => [name, file])),
);

export type Enterprise = z.infer<typeof enterpriseSchema>;
