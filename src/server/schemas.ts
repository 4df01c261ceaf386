// The API's requests and answers as zod schemas: query parameters are validated with them (strict: an
// unknown parameter is refused, naming it) and GET /api/v1/openapi.json is generated from them
// (./openapi.ts). Answers reuse the profile and rule-file schemas, so the description follows them. What
// names a jurisdiction is built per rule set (ruleSetSchemas): a server on --rules DIR takes its folders.
import { z } from 'zod';
import { isoDate } from '../profile/fields.ts';
import { bilingual, citationSchema, documentSchema, effectiveSchema, horizonSchema, ruleKinds, ruleSchema, statuses, titledNotCombinedSchema } from '../rules/schema.ts';
import { listFormats } from '../batch/read.ts';

const asOf = isoDate().optional().describe("evaluation date YYYY-MM-DD (default: the server's, normally today); decides which rules are in force");
const lang = z.enum(['zh', 'en']).default('zh').describe('language of titles and explanations');
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const queries = {
  check: z.strictObject({
    asOf,
    all: flag.default(false).describe('list every result, also those about situations not known to arise or that do not arise (huiqi check --all)'),
  }),
  report: z.strictObject({ asOf, lang, format: z.enum(['html', 'markdown']).default('html').describe('report format') }),
  calendar: z.strictObject({
    asOf,
    lang: lang.describe('language of the events'),
    from: isoDate().optional().describe('only events on or after this day'),
    to: isoDate().optional().describe('only events on or before this day'),
    remindDays: z.coerce.number().int().min(0).max(366).default(7).describe('the reminder of each event, in days before it'),
  }),
  questions: z.strictObject({ asOf, limit: z.coerce.number().int().min(1).max(1000).optional().describe('at most this many questions (default: all)') }),
  screen: z.strictObject({
    asOf,
    lang: lang.describe('language of rule titles in the result'),
    format: z.enum(['csv', 'jsonl', 'xlsx']).default('csv').describe('result format (CSV with a UTF-8 BOM, for Excel)'),
    headers: z.enum(['en', 'zh']).default('en').describe('column headers of the result: English names (stable for programs) or Chinese words'),
    inputFormat: z.enum(listFormats).optional().describe('list format (default: from the Content-Type or file name, else sniffed)'),
    only: z.enum(['eligible', 'errors']).optional().describe('write only rows with an eligible rule (and rows with errors), or only rows with errors'),
    ignoreUnknownColumns: flag.default(false).describe('skip columns that name no profile field instead of refusing the list'),
  }),
  none: z.strictObject({}),
};

/** A rule's source as answers give it: the citation over its document, the rule file and the document's lines. */
const sourceSchema = z.object({ ...documentSchema.shape, ...citationSchema.shape, documentLines: z.tuple([z.number(), z.number()]), file: z.string() });

/** A rule as the engine holds it (GET /rules/{id}): the rule-file fields, conditions as written (trigger first). */
export const ruleOut = z.object({
  ...ruleSchema.shape,
  source: sourceSchema,
  effective: effectiveSchema,
  trigger: z.unknown().optional().describe('the situation the rule speaks to, in json-rules-engine syntax'),
  conditions: z.unknown().describe('json-rules-engine condition tree; with a trigger, { all: [trigger, conditions] }'),
  cases: z.array(z.unknown()),
});

const questionOut = z.object({ fact: z.string(), label: bilingual, decides: z.array(z.string()).describe('results (rule id, incident) the answer helps decide') });

/**
 * The schemas that name a jurisdiction, for a rule set with these jurisdictions (ruleSetJurisdictions):
 * GET /rules?jurisdiction= takes exactly them, and the description of the answers lists them.
 */
export function ruleSetSchemas(jurisdictions: readonly string[]) {
  const jurisdiction = z.enum(jurisdictions as [string, ...string[]]);
  const rulesQuery = z.strictObject({
    jurisdiction: jurisdiction.optional(),
    kind: z.enum(ruleKinds).optional(),
    appliesTo: z.string().optional().describe('enterprise or an incident kind'),
  });

  const ruleSummary = z.object({
    id: z.string(),
    title: bilingual,
    kind: z.enum(ruleKinds),
    jurisdiction,
    appliesTo: z.string(),
    docNumber: z.string().describe('文号'),
    article: z.string(),
    effective: z.object({ from: isoDate().optional(), to: isoDate().optional() }),
  });

  const rulesOut = z.object({ count: z.number().int(), rules: z.array(ruleSummary) });

  /** A rule not in force: its window and the side of it the date judged falls (check-report.ts windowJson). */
  const notInForceWindow = z.object({
    side: z.enum(['expired', 'not-yet']).describe('which side of the window the date judged falls: expired (after `to`) or not-yet (before `from`)'),
    from: isoDate().optional(),
    to: isoDate().optional(),
    date: isoDate().describe('the date judged: the evaluation date, or the value of `basis` (e.g. the disclosure date)'),
    basis: z.string().optional().describe('the date fact that decides whether the rule is in force, when not the evaluation date'),
  });

  const resultOut = z.object({
    ruleId: z.string(),
    status: z.enum(statuses),
    incidentId: z.string().optional(),
    title: bilingual,
    kind: z.enum(ruleKinds),
    jurisdiction,
    relevant: z.boolean().nullable().describe('whether the situation the rule speaks to arises (null: not known)'),
    missingFacts: z.array(z.string()).describe('profile facts whose answers would decide an undetermined rule'),
    failedConditions: z.array(bilingual).describe('why an ineligible rule fails'),
    openConditions: z.array(bilingual).describe('what an undetermined rule still needs to know'),
    outcome: ruleSchema.shape.outcome,
    source: sourceSchema,
    notes: ruleSchema.shape.notes,
    confidence: ruleSchema.shape.confidence,
    doubtful: z.literal(true).optional().describe('the rule rests on a doubtful figure (confidence low): confirm it before relying on the result'),
    caveats: ruleSchema.shape.caveats.describe('conditions only the authority judges: they do not block the result'),
    handledBy: ruleSchema.shape.handledBy.describe('the office(s) the text names for the measure'),
    handledByUnstated: ruleSchema.shape.handledByUnstated.describe('why the text names no office'),
    howToApply: ruleSchema.shape.howToApply,
    applicationWindow: ruleSchema.shape.applicationWindow,
    notCombinedWith: titledNotCombinedSchema.optional(),
    notCombinedNote: bilingual.optional().describe('the measures it is not combined with (就高不重复), in words'),
    horizon: horizonSchema.optional().describe("the plan period's end where the text gives no period of validity"),
    horizonPassed: z.literal(true).optional().describe('the plan period has ended by the evaluation date'),
    horizonNote: bilingual.optional(),
    window: notInForceWindow.optional().describe('for a rule not in force: its window and the side of it the date judged falls'),
  });

  const checkOut = z.object({
    huiqiVersion: z.string(),
    asOf: isoDate(),
    enterprise: z.object({ name: z.string(), uscc: z.string() }),
    counts: z.object({
      eligible: z.number().int(),
      rights: z.number().int(),
      informational: z.number().int(),
      undetermined: z.number().int(),
      situational: z.number().int(),
      ineligible: z.number().int(),
      notInForce: z.number().int(),
      expired: z.number().int().describe('not in force: the date judged falls after the window'),
      notYetInForce: z.number().int().describe('not in force: the date judged falls before the window'),
    }),
    notInForce: z
      .array(z.object({ ruleId: z.string(), incidentId: z.string().optional(), ...notInForceWindow.shape }))
      .describe('each rule not in force, with its window and the side of it the date falls'),
    questions: z.array(questionOut).describe('facts to ask for, the one deciding most first'),
    results: z.array(resultOut),
  });

  return { rulesQuery, rulesOut, checkOut };
}

/** An enum fact's values in words, as its declaration gives them. */
const valueWords = z
  .record(
    z.string(),
    z.object({
      zh: z.string(),
      en: z.string(),
      also: z.array(z.string()).optional().describe('other words a request may use for the value (一般信用企业 for registered)'),
      note: z.object({ zh: z.string(), en: z.string() }).optional().describe('what the value means where a word users write for it is not the current legal term'),
    }),
  )
  .describe(
    'for an enum fact whose declaration words its values: the zh/en words of each value, what a form shows (失信企业 / dishonest enterprise for dishonest); a request may use any of them for the value',
  );

export const questionsOut = z.object({
  asOf: isoDate(),
  questions: z.array(
    z.object({
      fact: z.string(),
      incidents: z.array(z.string()).describe('for an incident fact, the incidents whose fact it is; empty for an enterprise fact'),
      label: bilingual,
      type: z.string().describe('boolean, number, string, date, enum, string[], date[] or other'),
      values: z.array(z.string()).optional().describe('the allowed values of an enum fact'),
      valueWords: valueWords.optional(),
      why: z
        .array(z.object({ ruleId: z.string(), incidentId: z.string().optional(), title: bilingual, outcome: bilingual }))
        .describe('the undetermined measures the answer helps decide: why the question is asked'),
    }),
  ),
});

export const factsOut = z.object({
  count: z.number().int(),
  facts: z.array(
    z.object({
      name: z.string(),
      scope: z.string().describe('enterprise, or the incident kind the fact belongs to'),
      type: z.string(),
      values: z.array(z.string()).optional(),
      valueWords: valueWords.optional(),
      zh: z.string(),
      en: z.string(),
      derived: z.boolean().describe('computed from other facts (inputs); not given in a profile'),
      inputs: z.array(z.string()).optional(),
      changeable: z.boolean().describe('the enterprise can change it by acting (what the gap analysis suggests)'),
    }),
  ),
});

export const healthOut = z.object({ status: z.literal('ok'), huiqiVersion: z.string(), rulesHash: z.string(), rules: z.number().int() });

export const problemOut = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z
    .array(z.object({ field: z.string(), message: z.string() }))
    .optional()
    .describe('each bad field, named'),
});
