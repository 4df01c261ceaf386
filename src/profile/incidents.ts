// Incidents: things that happened to an enterprise and that a policy may forgive or reward.
import { z } from 'zod';
import { allOptional, day, fact, fieldsOf, labelled, yuan, type FieldLabel } from './fields.ts';
import { normalizeProvince, provinceIds, provinceWords } from './provinces.ts';
import { isValidDay } from './values.ts';

/** 违反海关规定的行为 (a violation of customs rules), as 海关总署公告2023年第127号 classifies it. */
export const violationCategories = [
  'tax', // 涉税违规
  'export-refund', // 影响国家出口退税管理
  'processing-unit-consumption', // 第一条第四项: 实际单耗低于已申报单耗
  'statistics', // 《海关行政处罚实施条例》第十五条第（一）项
  'supervision', // 第十五条第（二）项
  'article-18', // 第十八条
  'inspection-quarantine', // 违反海关检验检疫业务规定
] as const;

const violationCategoryWords = {
  tax: { zh: '涉税违规', en: 'a tax-related violation' },
  'export-refund': { zh: '影响国家出口退税管理', en: 'affects export-refund management' },
  'processing-unit-consumption': { zh: '实际单耗低于已申报单耗', en: 'actual unit consumption below the declared one (processing trade)' },
  statistics: { zh: '影响海关统计准确性', en: 'affects the accuracy of customs statistics' },
  supervision: { zh: '影响海关监管秩序', en: 'affects the order of customs supervision' },
  'article-18': { zh: '《海关行政处罚实施条例》第十八条', en: 'article 18 of the customs administrative penalty regulations' },
  'inspection-quarantine': { zh: '违反海关检验检疫业务规定', en: 'breaches customs inspection and quarantine rules' },
} satisfies Record<(typeof violationCategories)[number], FieldLabel>;

/** Facts of a customs violation that rules may test. */
export const customsViolationFacts = {
  category: fact.enum(violationCategories, { zh: '违规类别', en: 'violation category', valueWords: violationCategoryWords }),
  violationDate: fact.date({ zh: '违规行为发生之日', en: 'date the violation occurred' }),
  disclosureDate: fact.date({ zh: '向海关主动披露之日', en: 'date of the voluntary disclosure to customs' }),
  discoveredByCustoms: fact.boolean({
    zh: '海关在披露前已发现该行为',
    en: 'customs had discovered the violation before it was disclosed',
  }),
  correctedInTime: fact.boolean({
    zh: '及时改正',
    en: 'the violation was corrected in time',
    change: {
      reachable: { false: [] },
      actions: { true: { zh: '及时改正违规行为（补缴税款、更正申报）', en: 'correct the violation promptly (pay the tax, amend the declaration)' } },
    },
  }),
  writtenReport: fact.boolean({
    zh: '以书面形式（《主动披露报告表》）向海关报告',
    en: 'reported to customs in writing (voluntary-disclosure report form)',
    change: {
      reachable: { false: [] },
      actions: { true: { zh: '填制《主动披露报告表》以书面形式向海关报告', en: 'report to customs in writing on the voluntary-disclosure report form' } },
    },
  }),
  // What happened, not the finding: whether it is a 危害后果 is customs' (a caveat on the rules).
  harmfulConsequence: fact.boolean({
    zh: '违规行为已造成实际损害（是否构成危害后果由海关认定）',
    en: 'the violation has caused actual damage (customs decides whether it is a harmful consequence)',
  }),
  underpaidTax: fact.yuan({ zh: '漏缴、少缴税款（元）', en: 'tax underpaid or unpaid (CNY)' }),
  taxPayable: fact.yuan({ zh: '应缴纳税款（元）', en: 'tax payable (CNY)' }),
  possibleExcessRefund: fact.yuan({ zh: '可能多退税款（元）', en: 'possible excess export refund (CNY)' }),
  refundPayable: fact.yuan({ zh: '应退税款（元）', en: 'export refund due (CNY)' }),
  statisticalValue: fact.yuan({ zh: '影响统计人民币总值（元）', en: 'statistical value affected (CNY)' }),
  affectsRestrictedAreas: fact.boolean({
    zh: '影响国家有关进出境的禁止性管理、出口退税管理、税款征收和许可证件管理',
    en: 'affects prohibitions, export-refund management, tax collection or licence management',
  }),
  involvesQuarantine: fact.boolean({ zh: '涉及检疫类事项', en: 'involves quarantine matters' }),
  involvesSafetyEnvHealth: fact.boolean({
    zh: '检验类涉及安全、环保、卫生类事项',
    en: 'an inspection matter involving safety, environmental protection or health',
  }),
  residualGoodsUndisposedOrReexported: fact.boolean({
    zh: '剩余料件、半制成品、制成品尚未处置或已通过加工贸易方式复出口',
    en: 'the resulting surplus materials and goods are undisposed or re-exported under processing trade',
  }),
  priorDisclosuresOfSameViolation: fact.of('date[]', z.array(day()), {
    zh: '此前就同一违规行为主动披露的日期',
    en: 'dates of earlier voluntary disclosures of the same violation',
  }),
  repeatLicensorDisclosure: fact.boolean({
    zh: '就权利人对被授权人基于同一货物的权利许可再次主动披露',
    en: 'a repeated disclosure of royalties under the same licensor–licensee licence for the same goods',
  }),
  penalty: fact.of('other', z.union([z.enum(['none', 'warning']), yuan()]), {
    zh: '海关处罚（无 / 警告 / 罚款金额）',
    en: 'customs penalty: none, warning, or the fine in CNY',
  }),
};

const incidentId = labelled(z.string().trim().min(1, 'must not be empty'), { zh: '事项编号', en: 'incident id' });

/** Every fact may be absent: absent means unknown, never false. `declared`: facts rule files add (plain-facts.ts). */
const customsViolationSchemaWith = (declared: Record<string, z.ZodType>) =>
  z
    .strictObject({
      id: incidentId,
      kind: z.literal('customs-violation'),
      ...allOptional(fieldsOf(customsViolationFacts)),
      ...allOptional(declared),
    })
    // Dates are compared only when both are valid: an unreadable date has its own message, not a bogus order one.
    .superRefine((v, ctx) => {
      if (!isValidDay(v.disclosureDate)) return;
      if (isValidDay(v.violationDate) && v.disclosureDate < v.violationDate) {
        ctx.addIssue({ code: 'custom', path: ['disclosureDate'], message: `is before the violation date ${v.violationDate}` });
      }
      for (const [i, prior] of (v.priorDisclosuresOfSameViolation ?? []).entries()) {
        if (isValidDay(prior) && prior > v.disclosureDate) {
          ctx.addIssue({ code: 'custom', path: ['priorDisclosuresOfSameViolation', i], message: `is after this disclosure (${v.disclosureDate})` });
        }
      }
    });
export const customsViolationSchema = customsViolationSchemaWith({});

/**
 * Facts of an administrative violation (违法行为) that a non-customs authority handles, as the
 * business-environment regulations (优化营商环境条例第五十九条, 重庆市优化营商环境条例第六十二、六十四条) test it.
 * Names differ from the customs-violation facts because fact names are global.
 */
export const administrativeViolationFacts = {
  enforcementProvince: fact.enum(
    provinceIds,
    {
      zh: '作出处理的行政执法机关所在省份',
      en: 'province of the enforcement authority handling the violation',
      valueWords: provinceWords,
    },
    normalizeProvince,
  ),
  minorCircumstances: fact.boolean({ zh: '违法行为情节轻微', en: 'the circumstances of the violation are minor' }),
  minorSocialHarm: fact.boolean({ zh: '社会危害较小', en: 'the harm to society is small' }),
  correctedPromptly: fact.boolean({ zh: '及时纠正', en: 'the violation was corrected promptly' }),
  violationCausedHarm: fact.boolean({
    zh: '违法行为已造成实际损害（是否构成危害后果由执法机关认定）',
    en: 'the violation has caused actual damage (the enforcing authority decides whether it is a harmful consequence)',
  }),
  // 情节轻微 / 社会危害较小 are the enforcing authority's findings, never asked: the enterprise is asked
  // whether it faces a coercive measure, the situation 722号令第五十九条 and 重庆条例第六十二条 both speak to.
  facesAdministrativeCoercion: fact.boolean({
    zh: '行政机关拟对企业采取或已经采取行政强制措施（如查封场所、设施或者财物，扣押财物，冻结存款、汇款）',
    en: 'the authority intends to take, or has taken, an administrative coercive measure against the enterprise (sealing premises or property, seizing property, freezing deposits or remittances)',
  }),
};

const administrativeViolationSchemaWith = (declared: Record<string, z.ZodType>) =>
  z.strictObject({
    id: incidentId,
    kind: z.literal('administrative-violation'),
    ...allOptional(fieldsOf(administrativeViolationFacts)),
    ...allOptional(declared),
  });
export const administrativeViolationSchema = administrativeViolationSchemaWith({});

/** Each incident kind with the facts rules may test about it. */
export const incidentFactDeclarations = {
  'customs-violation': customsViolationFacts,
  'administrative-violation': administrativeViolationFacts,
} as const;
export type IncidentKind = keyof typeof incidentFactDeclarations;
export const incidentKinds = Object.keys(incidentFactDeclarations) as [IncidentKind, ...IncidentKind[]];

export const incidentSchema = z.discriminatedUnion('kind', [customsViolationSchema, administrativeViolationSchema]);

/** The incident schema with the fields rule files declare for each kind (see plain-facts.ts). */
export function incidentSchemaWith(declared: Partial<Record<IncidentKind, Record<string, z.ZodType>>>): typeof incidentSchema {
  if (!Object.values(declared).some((fields) => Object.keys(fields).length)) return incidentSchema;
  return z.discriminatedUnion('kind', [
    customsViolationSchemaWith(declared['customs-violation'] ?? {}),
    administrativeViolationSchemaWith(declared['administrative-violation'] ?? {}),
  ]) as unknown as typeof incidentSchema;
}
export type Incident = z.infer<typeof incidentSchema>;
export type CustomsViolation = z.infer<typeof customsViolationSchema>;
export type AdministrativeViolation = z.infer<typeof administrativeViolationSchema>;
