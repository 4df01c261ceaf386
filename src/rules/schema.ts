// The rule-file schema. One file per policy document: the document's citation, its validity window,
// and its rules, each with conditions in json-rules-engine's syntax (restricted: no `path`, no custom
// operators, no named-condition references, no `params`), an outcome, and test cases as data.
import { z } from 'zod';
import { isoDate, type FieldLabel } from '../profile/fields.ts';
import { incidentKinds } from '../profile/incidents.ts';
import { plainFactTypes } from '../profile/plain-facts.ts';
import { operatorNames } from './operators.ts';

const text = z.string().trim().min(1, 'must not be empty');
export const bilingual = z.strictObject({ zh: text, en: text });

export const ruleKinds = [
  'benefit',
  'subsidy',
  'tax-exemption',
  'license-exemption',
  'penalty-exemption',
  'late-fee-waiver',
  'credit-treatment',
  'priority-service',
  'facilitation',
  'disqualification',
  // A protection the enterprise can invoke when something happens to it (refuse an apportionment, no fee
  // outside the catalogue): shown as a right, never offered as something to "unlock".
  'right',
  // Not entitlements (issue #10): a government target or work goal (争取/力争/鼓励/研究/加大…力度), and a
  // pointer to another policy that has conditions of its own (用好/落实…政策/按规定支持). Their status is
  // `informational` where an entitlement's would be `eligible`; never counted as eligible, never valued.
  'goal',
  'pointer',
] as const;
/** Kinds that are not entitlements: a target or a pointer. */
export const informationalKinds: readonly (typeof ruleKinds)[number][] = ['goal', 'pointer'];
export const statuses = ['eligible', 'ineligible', 'undetermined', 'not-in-force', 'informational'] as const;
export type Status = (typeof statuses)[number];

const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** Keys json-rules-engine would accept but a rule file may not use, with the reason. */
const forbiddenKeys: Record<string, string> = {
  path: '`path` (JSONPath) is not allowed: it can run code and our facts are flat',
  params: '`params` is not allowed: facts take no parameters',
  condition: 'named-condition references are not allowed: write the condition out (YAML anchors may share it)',
  priority: '`priority` is not allowed: it changes which conditions json-rules-engine reports',
};

const noForbiddenKeys = (value: unknown, ctx: z.RefinementCtx) => {
  if (typeof value !== 'object' || value === null) return;
  for (const key of Object.keys(value)) {
    if (key in forbiddenKeys) ctx.addIssue({ code: 'custom', message: forbiddenKeys[key]!, path: [key] });
  }
};

/** A plain-words statement of what a condition requires, shown when it fails or is unknown. */
const conditionLabel = bilingual.optional();

export type Condition =
  | { all: Condition[]; label?: z.infer<typeof bilingual> }
  | { any: Condition[]; label?: z.infer<typeof bilingual> }
  | { not: Condition; label?: z.infer<typeof bilingual> }
  | { fact: string; operator: (typeof operatorNames)[number]; value: unknown; label?: z.infer<typeof bilingual> };

export const leafSchema = z.strictObject({
  fact: text,
  operator: z.enum(operatorNames, { error: (i) => `unknown operator ${JSON.stringify(i.input)}; allowed: ${operatorNames.join(', ')}` }),
  value: z.union([scalar, z.array(scalar).min(1)]),
  label: conditionLabel,
});

const allSchema = z.strictObject({ all: z.array(z.lazy(() => conditionSchema)).min(1, '`all` needs at least one condition'), label: conditionLabel });
const anySchema = z.strictObject({ any: z.array(z.lazy(() => conditionSchema)).min(1, '`any` needs at least one condition'), label: conditionLabel });
const notSchema = z.strictObject({ not: z.lazy(() => conditionSchema), label: conditionLabel });

/**
 * A condition node. The node's shape is chosen by its key (all / any / not / fact) before it is
 * validated, so errors point at the field that is wrong rather than at a failed union.
 */
export const conditionSchema: z.ZodType<Condition> = z.unknown().transform((value, ctx) => {
  noForbiddenKeys(value, ctx);
  const node = typeof value === 'object' && value !== null ? value : {};
  const schema = 'all' in node ? allSchema : 'any' in node ? anySchema : 'not' in node ? notSchema : 'fact' in node ? leafSchema : undefined;
  if (!schema) {
    ctx.addIssue({ code: 'custom', message: 'a condition is `all`, `any`, `not`, or a `fact` with an `operator` and a `value`' });
    return z.NEVER;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: issue.path } as never);
    return z.NEVER;
  }
  return parsed.data as Condition;
}) as unknown as z.ZodType<Condition>;

const lineRange = z.tuple([z.int().positive(), z.int().positive()]).refine(([a, b]) => a <= b, 'first line must not come after the last');

/** Where a rule's words stand: the article or item, the seed lines and the sentence quoted verbatim. */
export const citationSchema = z.strictObject({
  article: text.describe('条/款/项, e.g. 第一条第（二）项'),
  lines: lineRange.describe('line range in the seed file, inclusive'),
  quote: text.describe('the sentence the rule encodes, verbatim'),
});

/**
 * The words a next step (who handles it, how to apply, by when) or a relation rests on: the seed lines and
 * the sentence quoted verbatim, checked against sources/ as every quote is (citations.ts).
 */
export const quotedSchema = z.strictObject({
  article: text.optional().describe("条/款/项 the words stand in, when not the rule's own"),
  lines: lineRange.describe('line range in the seed file, inclusive'),
  quote: text.describe('the words, verbatim (…… leaves text out)'),
});

/** An office the text names for a measure (责任单位：…, 向…申请, 由…受理/负责), in its own words. */
export const handledBySchema = z.strictObject({
  zh: text.describe('the office as the text names it, e.g. 市商务委'),
  en: text.optional(),
  source: quotedSchema,
});

/** How the text says to apply: the channel (单一窗口), a written application, the documents to bring. */
export const howToApplySchema = z.strictObject({ zh: text, en: text.optional(), source: quotedSchema });

/** When an application may or must be made, where the text gives a window apart from the document's validity. */
export const applicationWindowSchema = z
  .strictObject({
    from: isoDate().optional(),
    to: isoDate().optional(),
    /** A window dated by an event (自…之日起3个月内), in words. */
    zh: text.optional(),
    en: text.optional(),
    source: quotedSchema,
  })
  .refine((w) => w.from !== undefined || w.to !== undefined || w.zh !== undefined, 'give from, to, or the window in words (zh)')
  .refine((w) => !(w.from && w.to && w.from > w.to), { message: 'from must not come after to', path: ['to'] });

/**
 * Measures the text says are not enjoyed together (就高不重复, 同一方向不重复支持…最高不超过…): `highest`, only the
 * highest of them; `capped`, together up to `cap` CNY. An estimated value never adds them up.
 */
const notCombinedShape = {
  rules: z.array(z.string().regex(/^[a-z]+-\d{4}-[0-9a-z]+\/[a-z0-9-]+$/, 'must be a rule id')).min(1),
  principle: z.enum(['highest', 'capped']),
  cap: z.number().positive().optional().describe('CNY, for `capped`'),
  source: quotedSchema,
};
export const notCombinedSchema = z
  .strictObject(notCombinedShape)
  .refine((n) => (n.principle === 'capped') === (n.cap !== undefined), { message: '`capped` gives a cap and `highest` none', path: ['cap'] });

/** notCombinedWith as a loaded rule (and the API) carries it: with the titles of the rules it names. */
export const titledNotCombinedSchema = z.strictObject({
  ...notCombinedShape,
  titles: z.array(bilingual).describe('the titles of the rules named, in their order'),
});

/** The end of a plan period (到2025年, 2021—2023年) where the text gives no 有效期: after it, confirm the measure still runs. */
export const horizonSchema = z.strictObject({ end: isoDate(), source: quotedSchema });

/** Jurisdictions in the order they are listed: national first, then by name. */
const nationalFirst = (a: string, b: string) => (a === 'national' ? -1 : b === 'national' ? 1 : a.localeCompare(b));

/**
 * The jurisdictions of a loaded rule set, national first: the folders its rule files lie in (a document
 * names its folder, see load.ts), so a new province is a new folder, and `--rules DIR` may hold folders the
 * bundled rules have not (zhejiang/). What a jurisdiction filter may name.
 */
export function ruleSetJurisdictions(rules: readonly Rule[]): string[] {
  return [...new Set(rules.map((rule) => rule.source.jurisdiction))].sort(nationalFirst);
}

export const documentSchema = z.strictObject({
  title: text,
  docNumber: text.describe('文号, e.g. 海关总署公告2023年第127号'),
  issuer: text,
  date: isoDate(),
  jurisdiction: z
    .string()
    .regex(/^[a-z][a-z-]*$/, 'must be the name of the folder under rules/ the file lies in, e.g. national or chongqing')
    .describe('the folder under rules/ the file lies in: national, or a province (chongqing, jiangsu, hubei …)'),
  seed: text.describe('source file name in sources/'),
  lines: lineRange,
  /**
   * A condition every rule of the document inherits as the first part of its trigger (e.g. the province a
   * provincial document covers), instead of each rule repeating it.
   */
  scope: conditionSchema.optional(),
  /**
   * The end of the plan period where the text sets no 有效期 (到2025年): it does not end the measures, but
   * after it a result says so and asks to confirm with the office that they still run.
   */
  horizon: horizonSchema.optional(),
});

export const effectiveSchema = z.strictObject({
  from: isoDate().optional(),
  to: isoDate().optional(),
  /** The date fact that decides whether the rule is in force (e.g. disclosureDate); default: the evaluation date. */
  basis: text.optional(),
  source: citationSchema.optional(),
  /** Why no start date can be given (the text states none and the seed gives no issue date). */
  undatedBecause: bilingual.optional(),
});

const amountSchema = z
  .strictObject({
    min: z.number().nonnegative().optional(),
    max: z.number().nonnegative().optional(),
    unit: z.enum(['CNY', 'CNY/year', 'percent', 'percent/year', 'hours', 'days', 'working-days', 'months', 'years']),
    note: bilingual.optional(),
  })
  .refine((a) => a.min !== undefined || a.max !== undefined, 'give min, max or both');

export const outcomeSchema = z.strictObject({ ...bilingual.shape, amount: amountSchema.optional() });

export const caseSchema = z.strictObject({
  name: text.describe('a sentence saying what the case shows'),
  asOf: isoDate().optional(),
  enterprise: z.record(z.string(), z.unknown()).default({}),
  incident: z.record(z.string(), z.unknown()).optional(),
  expect: z.enum(statuses),
  /** When given, the facts the engine must ask for (order does not matter). */
  missingFacts: z.array(text).optional(),
});

export const ruleSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z]+-\d{4}-[0-9a-z]+\/[a-z0-9-]+$/, 'must look like <issuer>-<year>-<number>/<slug>, e.g. gacc-2023-127/no-penalty-tax-within-6-months'),
    title: bilingual,
    kind: z.enum(ruleKinds),
    source: citationSchema,
    effective: effectiveSchema.optional(),
    appliesTo: z.enum(['enterprise', ...incidentKinds]),
    /**
     * The situation the provision speaks to (an incident of the right category, an enterprise that imports
     * equipment, an official demanding a fee). Evaluated as part of the conditions; when it is false the
     * rule is beside the point for this profile, and when it is unknown reports list the rule as
     * situational instead of asking its questions up front.
     */
    trigger: conditionSchema.optional(),
    /** What the enterprise must be or do; may be left out when the trigger alone decides (a right in a situation). */
    conditions: conditionSchema.optional(),
    outcome: outcomeSchema,
    /** Where the text is vague or garbled: why the rule asks for an explicit fact, or why its numbers are doubtful. */
    notes: bilingual.optional(),
    /**
     * Conditions only the authority judges (海关认为存在监管风险…): never asked of the enterprise and never
     * blocking the verdict; shown beside the result as "unless …", each with the words it rests on.
     */
    caveats: z.array(bilingual).min(1).optional(),
    confidence: z.strictObject({ level: z.enum(['high', 'low']), reason: bilingual }).optional(),
    /** The office(s) the text names for the measure; an entitlement gives this or `handledByUnstated`. */
    handledBy: z.array(handledBySchema).min(1).optional(),
    /** Why the text names no office for the measure. */
    handledByUnstated: bilingual.optional(),
    howToApply: howToApplySchema.optional(),
    applicationWindow: applicationWindowSchema.optional(),
    notCombinedWith: notCombinedSchema.optional(),
    cases: z.array(caseSchema).min(2, 'give cases on both sides: at least one eligible and one that is not'),
  })
  .refine((r) => r.trigger || r.conditions, { message: 'give conditions, a trigger, or both', path: ['conditions'] })
  .refine((r) => !(r.handledBy && r.handledByUnstated), {
    message: 'give handledBy (the office the text names) or handledByUnstated (why it names none), not both',
    path: ['handledByUnstated'],
  })
  .refine((r) => !(informationalKinds.includes(r.kind) && r.outcome.amount), {
    message: 'a goal or a pointer is not an entitlement and carries no amount',
    path: ['outcome', 'amount'],
  });

/** A value of an enum fact a rule file declares, with its words (a list cell or an answer may use them). */
const declaredValueSchema = z.strictObject({
  value: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens, e.g. cross-border'),
  ...bilingual.shape,
});

/** What can change a declared fact: as FactChange (src/profile/fields.ts) says, keyed by value ('true'/'false' for a boolean). */
const declaredChangeSchema = z.strictObject({
  reachable: z.record(z.string(), z.array(z.string())).optional(),
  actions: z.record(z.string(), bilingual).optional(),
});

/**
 * A plain fact a rule file introduces (src/profile/plain-facts.ts): a fact its document is alone in
 * asking about. Its name is global: the loader refuses a name declared twice or built in.
 */
export const declaredFactSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'must be a camelCase name of letters and digits, e.g. digitalTradePilot'),
    appliesTo: z.enum(['enterprise', ...incidentKinds]),
    type: z.enum(plainFactTypes),
    values: z.array(declaredValueSchema).min(2, 'an enum has at least two values').optional(),
    ...bilingual.shape,
    change: declaredChangeSchema.optional(),
    /** The situation that opens the fact's question (src/profile/fields.ts AskedIf): asked only once it holds. */
    askedIf: z
      .strictObject({
        fact: z.string(),
        includes: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
        is: z.union([z.boolean(), z.string()]).optional(),
      })
      .optional(),
  })
  .superRefine((fact, ctx) => {
    if ((fact.type === 'enum') !== (fact.values !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: fact.type === 'enum' ? 'an enum fact lists its values' : `a ${fact.type} fact has no values` });
      return;
    }
    const values = fact.values?.map((v) => v.value) ?? (fact.type === 'boolean' ? ['true', 'false'] : undefined);
    fact.values?.forEach((v, i) => {
      if (values!.indexOf(v.value) !== i) ctx.addIssue({ code: 'custom', path: ['values', i, 'value'], message: `"${v.value}" is listed twice` });
    });
    const known = (path: (string | number)[], value: string) => {
      if (!values!.includes(value)) ctx.addIssue({ code: 'custom', path: ['change', ...path], message: `"${value}" is not a value of the fact (${values!.join(', ')})` });
    };
    if (!fact.change) return;
    if (!values) {
      ctx.addIssue({ code: 'custom', path: ['change'], message: 'only an enum or a boolean fact says how it can change' });
      return;
    }
    for (const [from, to] of Object.entries(fact.change.reachable ?? {})) {
      known(['reachable', from], from);
      to.forEach((value, i) => known(['reachable', from, i], value));
    }
    for (const value of Object.keys(fact.change.actions ?? {})) known(['actions', value], value);
  });
export type DeclaredFact = z.infer<typeof declaredFactSchema>;

export const ruleFileSchema = z
  .strictObject({
    /** Anchors for YAML to share conditions and case facts between rules; the engine never reads it. */
    shared: z.record(z.string(), z.unknown()).optional(),
    document: documentSchema,
    effective: effectiveSchema.optional(),
    /** The plain facts this document introduces (asked about by no other document yet). */
    facts: z.array(declaredFactSchema).min(1).optional(),
    rules: z.array(ruleSchema).min(1),
  })
  // Every document has a start (issue #10): without one its measures answer "eligible" before the
  // document existed. A text that states no date and a seed that gives none must say so.
  .refine((f) => f.effective?.from !== undefined || f.effective?.undatedBecause !== undefined, {
    message:
      'give effective.from (the stated effective date, else the publication or issue date, quoted in effective.source) or effective.undatedBecause (why no start can be given)',
    path: ['effective'],
  });

/**
 * The status a rule in force takes when its conditions hold: `eligible` for an entitlement,
 * `informational` for a goal or a pointer, and `undetermined` for a rule resting on a doubtful figure
 * (`confidence: low`, e.g. the machine-garbled Hubei seed), which never makes a rule eligible on its own.
 */
export function statusWhenMet(rule: Pick<RuleDefinition, 'kind' | 'confidence'>): Status {
  if (informationalKinds.includes(rule.kind)) return 'informational';
  return restsOnDoubtfulFigure(rule) ? 'undetermined' : 'eligible';
}

/** A rule resting on a doubtful figure (`confidence: low`, e.g. the machine-garbled Hubei seed). */
export const restsOnDoubtfulFigure = (rule: Pick<RuleDefinition, 'confidence'>): boolean => rule.confidence?.level === 'low';

/** A disqualification: when it applies (status eligible) it is an exclusion, a warning and never a benefit. */
export const isExclusion = (rule: Pick<RuleDefinition, 'kind'>): boolean => rule.kind === 'disqualification';

/**
 * Whether the plan period of a rule's document (document.horizon) has ended by `asOf`: the measure is not
 * ended by it, but a result says so and asks to confirm with the office that it still runs.
 */
export const horizonPassed = (rule: Pick<Rule, 'horizon'>, asOf: string): boolean => rule.horizon !== undefined && asOf > rule.horizon.end;

const nonEntitlementKinds = new Set<RuleDefinition['kind']>(['right', ...informationalKinds]);
/** Something the enterprise can claim: not a disqualification, a right, a goal or a pointer. */
export const isEntitlement = (rule: Pick<RuleDefinition, 'kind'>): boolean => !isExclusion(rule) && !nonEntitlementKinds.has(rule.kind);

/**
 * Whether a rule is counted in a list's screening (eligible, undetermined, exclusions): entitlements and
 * disqualifications. A right protects only when something happens and a goal or pointer gives nothing
 * to claim, so neither is counted for a row (the reports show them apart, see verdictGroup).
 */
export const countedInScreening = (rule: Pick<RuleDefinition, 'kind'>): boolean => isEntitlement(rule) || isExclusion(rule);

/**
 * Whether a rule is something to work towards: an entitlement on a figure we trust. Not a disqualification,
 * a right (it protects when something happens; nobody brings that about), a goal or a pointer (nothing to
 * claim), nor a rule on a doubtful figure (`confidence: low`: it never becomes eligible on our word).
 */
export const worthUnlocking = (rule: Pick<RuleDefinition, 'kind' | 'confidence'>): boolean => isEntitlement(rule) && !restsOnDoubtfulFigure(rule);

/**
 * The known money value of a measure in CNY (the upper figure where a range is given), undefined when
 * its outcome states no amount in CNY (CNY or CNY/year). A list row's estimated value adds these up
 * except measures the text does not combine (combinedMoneyValue in value.ts); the
 * gap analysis ranks steps by them.
 */
export function moneyValue(rule: Pick<RuleDefinition, 'outcome'>): number | undefined {
  const a = rule.outcome.amount;
  return a?.unit.startsWith('CNY') ? (a.max ?? a.min ?? 0) : undefined;
}

export type RuleFile = z.infer<typeof ruleFileSchema>;
export type RuleDefinition = z.infer<typeof ruleSchema>;
export type RuleCase = z.infer<typeof caseSchema>;
export type Citation = z.infer<typeof citationSchema>;
export type Quoted = z.infer<typeof quotedSchema>;
export type HandledBy = z.infer<typeof handledBySchema>;
export type HowToApply = z.infer<typeof howToApplySchema>;
export type ApplicationWindow = z.infer<typeof applicationWindowSchema>;
export type NotCombined = z.infer<typeof notCombinedSchema>;
export type Horizon = z.infer<typeof horizonSchema>;

/**
 * A rule as the engine uses it: the file's document and validity merged into it, and `conditions`
 * holding `{ all: [trigger, conditions] }` (or `{ all: [trigger] }`) when the rule has a trigger.
 */
export interface Rule extends Omit<RuleDefinition, 'source' | 'effective' | 'conditions' | 'notCombinedWith'> {
  conditions: Condition;
  /** As the file says it, with the titles of the rules it names (the loader adds them: notes name measures, not ids). */
  notCombinedWith?: NotCombined & { titles?: FieldLabel[] };
  /** The rule's citation over the document's; `documentLines` keeps where the whole document stands. */
  source: Citation & Omit<z.infer<typeof documentSchema>, 'scope' | 'horizon'> & { file: string; documentLines: [number, number] };
  effective: z.infer<typeof effectiveSchema>;
  /** The document's plan period end (document.horizon), when it gives one. */
  horizon?: Horizon;
}
