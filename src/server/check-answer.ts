// POST /api/v1/check's answer, equal byte for byte to JSON.stringify(checkReport(...)) in UTF-8. Most of
// an answer is rule text (titles, outcomes, offices, sources with their quotes, in two languages) that is
// the same in every answer: check-report.ts writes the answer (checkReportText), and each listed result's
// text, its rule's text around its explanation, is kept here as bytes, with the rule set.
import type { RuleResult } from '../engine/evaluate.ts';
import type { RuleBase } from '../engine/rule-base.ts';
import {
  checkReportText,
  notInForceJson,
  resultJsonText,
  ruleJsonText,
  type CheckReportInput,
  type KeptJsonText,
  type RuleJsonText,
  type WindowJson,
} from '../report/check-report.ts';
import { horizonPassed, type Rule } from '../rules/schema.ts';

/**
 * A result's text as bytes, kept for what it was written from: its verdict, whether the date is past its
 * plan period (the one thing the date changes in it), its window, and its explanation (its lists
 * recognised by identity).
 */
interface KeptResult {
  status: RuleResult['status'];
  incidentId: RuleResult['incidentId'];
  passed: boolean;
  window: string | undefined;
  relevant: RuleResult['relevant'];
  missingFacts: RuleResult['missingFacts'];
  failedConditions: RuleResult['failedConditions'];
  openConditions: RuleResult['openConditions'];
  bytes: Buffer;
}

/** How many results each rule keeps: one rule's results on the profiles a server sees are written a few ways. */
const RECENT = 8;

/**
 * What the answers of a rule set are written from, kept by the rule set (RuleBase.memo): each rule's
 * text (made once), its recent results' texts as bytes, and its recent entries in the list of rules not
 * in force. The explanation lists are shared between results explained alike (evaluate.ts `shared`,
 * compiled.ts `explained`), so a result written before is recognised by them.
 */
class AnswerBytes implements KeptJsonText<Buffer> {
  private readonly rules = new Map<Rule, { text: RuleJsonText; kept: KeptResult[] }>();
  /** Each rule's recent entries in the list of rules not in force, by incident and the date judged (which decide the rest of the window). */
  private readonly notInForceTexts = new Map<Rule, { incidentId: string | undefined; date: string; text: string }[]>();

  readonly notInForce = (r: RuleResult, window: WindowJson): string => {
    let texts = this.notInForceTexts.get(r.rule);
    if (!texts) this.notInForceTexts.set(r.rule, (texts = []));
    let kept = texts.find((k) => k.incidentId === r.incidentId && k.date === window.date);
    if (!kept) {
      kept = { incidentId: r.incidentId, date: window.date, text: JSON.stringify(notInForceJson(r, window)) };
      if (texts.unshift(kept) > RECENT) texts.pop();
    }
    return kept.text;
  };

  readonly result = (r: RuleResult, asOf: string, window: WindowJson | undefined, first: boolean): Buffer => {
    let rule = this.rules.get(r.rule);
    if (!rule) this.rules.set(r.rule, (rule = { text: ruleJsonText(r.rule), kept: [] }));
    const { status, incidentId, relevant, missingFacts, failedConditions, openConditions } = r;
    const passed = horizonPassed(r.rule, asOf);
    const windowText = window && JSON.stringify(window);
    let kept = rule.kept.find(
      (k) =>
        k.status === status &&
        k.incidentId === incidentId &&
        k.passed === passed &&
        k.window === windowText &&
        k.relevant === relevant &&
        k.missingFacts === missingFacts &&
        k.failedConditions === failedConditions &&
        k.openConditions === openConditions,
    );
    if (!kept) {
      const bytes = Buffer.from(resultJsonText(r, asOf, window, rule.text));
      kept = { status, incidentId, passed, window: windowText, relevant, missingFacts, failedConditions, openConditions, bytes };
      if (rule.kept.unshift(kept) > RECENT) rule.kept.pop();
    }
    return first ? kept.bytes.subarray(1) : kept.bytes;
  };
}

const answerBytes = () => new AnswerBytes();

/**
 * JSON.stringify(checkReport(input)) in pieces, strings and kept bytes, to be sent one after the other
 * (./send.ts writes them in one system call, encoding the strings as UTF-8; joining them first cost as
 * much as making them).
 */
export function checkAnswer(input: CheckReportInput, rules: RuleBase): (string | Buffer)[] {
  return checkReportText(input, rules.memo(answerBytes));
}

/** An answer's pieces joined as UTF-8 (what is sent). */
export const answerBytesOf = (pieces: readonly (string | Buffer)[]): Buffer => Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
