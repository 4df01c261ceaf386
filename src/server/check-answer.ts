// POST /api/v1/check's answer as UTF-8 bytes, equal byte for byte to JSON.stringify(checkReport(...)).
// Most of an answer is rule text (titles, outcomes, sources with their quotes, in two languages) that
// is the same in every answer: it is serialised and encoded once per rule, and each answer copies those
// bytes and writes only what the profile decides (statuses, relevance, missing facts, conditions).
// Serialising and encoding the whole report per request cost more than evaluating the rules. The pieces
// are joined by Buffer.concat (Buffer#copy): TypedArray#set from a Buffer took ~4 times as long here.
import type { RuleResult } from '../engine/evaluate.ts';
import { checkReportParts, ruleHeadJson, ruleTailJson, type CheckReportInput } from '../report/check-report.ts';
import type { Rule } from '../rules/schema.ts';

/** A JSON object's members as text, after a comma (`,"a":1,"b":2`); empty for an object without any. */
const members = (object: object): string => {
  const text = JSON.stringify(object);
  return text === '{}' ? '' : `,${text.slice(1, -1)}`;
};

/**
 * The bytes of one result but its incidentId: `start` from `{` to the status, `rest` from the title to
 * the closing `}`. A rule's results differ only by status, relevance and the explanation lists, and the
 * lists are shared between results explained alike (evaluate.ts `shared`, compiled.ts `explained`):
 * each rule keeps the few results it has lately given, recognised by those values and list identities.
 */
interface RestBytes {
  relevant: RuleResult['relevant'];
  missingFacts: RuleResult['missingFacts'];
  failedConditions: RuleResult['failedConditions'];
  openConditions: RuleResult['openConditions'];
  bytes: Buffer;
}
interface RuleBytes {
  head: string;
  tail: string;
  start: Map<string, Buffer>;
  rests: RestBytes[];
}

/** How many recent results each rule keeps: one rule's results on the profiles a server sees take a few forms. */
const RECENT = 8;

const ruleBytes = new WeakMap<Rule, RuleBytes>();

function bytesOf(rule: Rule): RuleBytes {
  let bytes = ruleBytes.get(rule);
  if (!bytes) {
    bytes = { head: `${members(ruleHeadJson(rule))},"relevant":`, tail: `${members(ruleTailJson(rule))}}`, start: new Map(), rests: [] };
    ruleBytes.set(rule, bytes);
  }
  return bytes;
}

function startOf(r: RuleResult, bytes: RuleBytes): Buffer {
  let start = bytes.start.get(r.status);
  if (!start) bytes.start.set(r.status, (start = Buffer.from(`{"ruleId":${JSON.stringify(r.ruleId)},"status":${JSON.stringify(r.status)}`)));
  return start;
}

function restOf(r: RuleResult, bytes: RuleBytes): Buffer {
  const { relevant, missingFacts, failedConditions, openConditions } = r;
  const known = bytes.rests.find((k) => k.relevant === relevant && k.missingFacts === missingFacts && k.failedConditions === failedConditions && k.openConditions === openConditions);
  if (known) return known.bytes;
  const rest = Buffer.from(
    `${bytes.head}${JSON.stringify(relevant)},"missingFacts":${JSON.stringify(missingFacts)},"failedConditions":${JSON.stringify(failedConditions)},"openConditions":${JSON.stringify(openConditions)}${bytes.tail}`,
  );
  if (bytes.rests.unshift({ relevant, missingFacts, failedConditions, openConditions, bytes: rest }) > RECENT) bytes.rests.pop();
  return rest;
}

const COMMA = Buffer.from(',');
const END = Buffer.from(']}');

/** JSON.stringify(checkReport(input)) as UTF-8, without serialising the rules' texts again. */
export function checkAnswer(input: CheckReportInput): Buffer {
  const { head, listed } = checkReportParts(input);
  const parts: Buffer[] = [Buffer.from(`${JSON.stringify(head).slice(0, -1)},"results":[`)];
  listed.forEach((r: RuleResult, i) => {
    const bytes = bytesOf(r.rule);
    if (i) parts.push(COMMA);
    parts.push(startOf(r, bytes));
    if (r.incidentId !== undefined) parts.push(Buffer.from(`,"incidentId":${JSON.stringify(r.incidentId)}`));
    parts.push(restOf(r, bytes));
  });
  parts.push(END);
  return Buffer.concat(parts);
}
