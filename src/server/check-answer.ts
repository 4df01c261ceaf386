// POST /api/v1/check's answer as UTF-8 bytes, equal byte for byte to JSON.stringify(checkReport(...)).
// Most of an answer is rule text (titles, outcomes, offices, sources with their quotes, in two languages)
// that is the same in every answer: check-report.ts writes the answer's text (checkReportText) with each
// rule's text kept here as bytes, encoded once per rule set, so a request encodes only what is its own.
import type { RuleResult } from '../engine/evaluate.ts';
import type { RuleBase } from '../engine/rule-base.ts';
import { checkReportText, resultJsonText, ruleJsonText, type CheckReportInput, type RuleJsonText } from '../report/check-report.ts';
import { horizonPassed, type Rule } from '../rules/schema.ts';

/** Each rule's text in its results' JSON as UTF-8, made when first written; kept by the rule set (RuleBase.memo). */
function answerBytes() {
  const rules = new Map<Rule, RuleJsonText<Buffer>>();
  const results = new WeakMap<RuleResult, { passed: boolean; bytes: Buffer[] }>();
  const ruleBytes = (rule: Rule) => {
    let bytes = rules.get(rule);
    if (!bytes) {
      const text = ruleJsonText(rule);
      bytes = { head: Buffer.from(text.head), tail: Buffer.from(text.tail), passed: text.passed === undefined ? undefined : Buffer.from(text.passed) };
      rules.set(rule, bytes);
    }
    return bytes;
  };
  const encode = (pieces: readonly (string | Buffer)[]) => pieces.map((p) => (typeof p === 'string' ? Buffer.from(p) : p));
  return (r: RuleResult, asOf: string): Buffer[] => {
    if (!Object.isFrozen(r)) return encode(resultJsonText(r, asOf, ruleBytes(r.rule)));
    const passed = horizonPassed(r.rule, asOf);
    let kept = results.get(r);
    if (!kept || kept.passed !== passed) results.set(r, (kept = { passed, bytes: [Buffer.concat(encode(resultJsonText(r, asOf, ruleBytes(r.rule))))] }));
    return kept.bytes;
  };
}

/** The strings between results (checkReportText), encoded once. */
const BETWEEN = new Map(['},', '}]}', ']}'].map((s) => [s, Buffer.from(s)]));

/**
 * JSON.stringify(checkReport(input)) as UTF-8, in pieces to be sent one after the other (./send.ts
 * writes them in one system call; joining them into one buffer first cost as much as making them).
 */
export function checkAnswer(input: CheckReportInput, rules: RuleBase): Buffer[] {
  const bytes = rules.memo(answerBytes);
  return checkReportText(input, (r) => bytes(r, input.asOf)).map((piece) => (typeof piece !== 'string' ? piece : (BETWEEN.get(piece) ?? Buffer.from(piece))));
}
