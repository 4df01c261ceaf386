// POST /api/v1/check's answer as UTF-8 bytes, equal byte for byte to JSON.stringify(checkReport(...)).
// Most of an answer is rule text (titles, outcomes, sources with their quotes, in two languages) that
// is the same in every answer: it is serialised and encoded once per rule, and each answer copies those
// bytes and writes only what the profile decides (statuses, relevance, missing facts, conditions).
// Serialising and encoding the whole report per request cost more than evaluating the rules.
import type { RuleResult } from '../engine/evaluate.ts';
import { checkReportParts, ruleHeadJson, ruleTailJson, type CheckReportInput } from '../report/check-report.ts';
import type { Rule } from '../rules/schema.ts';

/** A JSON object's members as text, after a comma (`,"a":1,"b":2`); empty for an object without any. */
const members = (object: object): string => {
  const text = JSON.stringify(object);
  return text === '{}' ? '' : `,${text.slice(1, -1)}`;
};

/**
 * The bytes of one result, after a comma: `,{"ruleId":…,"status":…` then, at `split`, where an
 * incidentId goes, `,"title":…}`. A rule's results differ only by status, relevance, incident and the
 * explanation lists, and the lists are shared between results explained alike (evaluate.ts `shared`,
 * compiled.ts `explained`): each rule keeps the few results it has lately given, recognised by those
 * values and list identities.
 */
interface KeptResult {
  status: RuleResult['status'];
  relevant: RuleResult['relevant'];
  missingFacts: RuleResult['missingFacts'];
  failedConditions: RuleResult['failedConditions'];
  openConditions: RuleResult['openConditions'];
  bytes: Buffer;
  split: number;
}
interface RuleBytes {
  head: string;
  tail: string;
  kept: KeptResult[];
}

/** How many recent results each rule keeps: one rule's results on the profiles a server sees take a few forms. */
const RECENT = 8;

const ruleBytes = new WeakMap<Rule, RuleBytes>();

function bytesOf(rule: Rule): RuleBytes {
  let bytes = ruleBytes.get(rule);
  if (!bytes) {
    bytes = { head: `${members(ruleHeadJson(rule))},"relevant":`, tail: `${members(ruleTailJson(rule))}}`, kept: [] };
    ruleBytes.set(rule, bytes);
  }
  return bytes;
}

function keptResult(r: RuleResult): KeptResult {
  const rule = bytesOf(r.rule);
  const { status, relevant, missingFacts, failedConditions, openConditions } = r;
  const known = rule.kept.find(
    (k) => k.status === status && k.relevant === relevant && k.missingFacts === missingFacts && k.failedConditions === failedConditions && k.openConditions === openConditions,
  );
  if (known) return known;
  const start = Buffer.from(`,{"ruleId":${JSON.stringify(r.ruleId)},"status":${JSON.stringify(status)}`);
  const rest = Buffer.from(
    `${rule.head}${JSON.stringify(relevant)},"missingFacts":${JSON.stringify(missingFacts)},"failedConditions":${JSON.stringify(failedConditions)},"openConditions":${JSON.stringify(openConditions)}${rule.tail}`,
  );
  const kept = { status, relevant, missingFacts, failedConditions, openConditions, bytes: Buffer.concat([start, rest]), split: start.length };
  if (rule.kept.unshift(kept) > RECENT) rule.kept.pop();
  return kept;
}

const END = Buffer.from(']}');

/**
 * JSON.stringify(checkReport(input)) as UTF-8, in pieces to be sent one after the other (./send.ts
 * writes them in one system call; joining them into one buffer first cost as much as making them),
 * without serialising the rules' texts again.
 */
export function checkAnswer(input: CheckReportInput): Buffer[] {
  const { head, listed } = checkReportParts(input);
  const pieces: Buffer[] = [Buffer.from(`${JSON.stringify(head).slice(0, -1)},"results":[`)];
  listed.forEach((r: RuleResult, i) => {
    const { bytes, split } = keptResult(r);
    const from = i === 0 ? 1 : 0; // no comma before the first
    if (r.incidentId === undefined) pieces.push(from ? bytes.subarray(from) : bytes);
    else pieces.push(bytes.subarray(from, split), Buffer.from(`,"incidentId":${JSON.stringify(r.incidentId)}`), bytes.subarray(split));
  });
  pieces.push(END);
  return pieces;
}
