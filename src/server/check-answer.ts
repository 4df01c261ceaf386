// POST /api/v1/check's answer, equal byte for byte to JSON.stringify(checkReport(...)) in UTF-8. Most of
// an answer is rule text (titles, outcomes, offices, sources with their quotes, in two languages) that is
// the same in every answer: check-report.ts writes the answer (checkReportText), and the body of each
// result, its rule's text around its explanation, is kept here as bytes, with the rule set.
import type { RuleResult } from '../engine/evaluate.ts';
import type { RuleBase } from '../engine/rule-base.ts';
import { checkReportText, explanationJsonText, questionStartText, ruleJsonText, type CheckReportInput, type KeptJsonText, type RuleJsonText } from '../report/check-report.ts';
import type { Question } from '../report/groups.ts';
import type { Rule } from '../rules/schema.ts';

/** A result's body as bytes, kept for the explanation it was made for (its lists recognised by identity). */
interface KeptBody {
  relevant: RuleResult['relevant'];
  missingFacts: RuleResult['missingFacts'];
  failedConditions: RuleResult['failedConditions'];
  openConditions: RuleResult['openConditions'];
  bytes: Buffer;
}

/** How many bodies each rule keeps: one rule's results on the profiles a server sees are explained a few ways. */
const RECENT = 8;

/**
 * What the answers of a rule set are written from, kept by the rule set (RuleBase.memo): each rule's
 * text, its head and tail encoded once, and the bodies of its recent results. The explanation lists are
 * shared between results explained alike (evaluate.ts `shared`, compiled.ts `explained`), so a body is
 * recognised by them.
 */
class AnswerBytes implements KeptJsonText<Buffer> {
  private readonly rules = new Map<Rule, RuleJsonText<Buffer> & { kept: KeptBody[] }>();
  /** A question's start per fact, with the label it was made with; an incident's question (keyed by a user's incident id) is made afresh. */
  private readonly questions = new Map<string, { label: Question['label']; bytes: Buffer }>();

  readonly rule = (rule: Rule) => {
    let kept = this.rules.get(rule);
    if (!kept) {
      const text = ruleJsonText(rule);
      this.rules.set(rule, (kept = { start: text.start, head: Buffer.from(text.head), tail: Buffer.from(text.tail), kept: [] }));
    }
    return kept;
  };

  readonly body = (r: RuleResult): Buffer => {
    const rule = this.rule(r.rule);
    const { relevant, missingFacts, failedConditions, openConditions } = r;
    let body = rule.kept.find((k) => k.relevant === relevant && k.missingFacts === missingFacts && k.failedConditions === failedConditions && k.openConditions === openConditions);
    if (!body) {
      body = { relevant, missingFacts, failedConditions, openConditions, bytes: Buffer.concat([rule.head, Buffer.from(explanationJsonText(r)), rule.tail]) };
      if (rule.kept.unshift(body) > RECENT) rule.kept.pop();
    }
    return body.bytes;
  };

  readonly question = (q: Question): Buffer => {
    if (q.incidentId !== undefined) return Buffer.from(questionStartText(q));
    let kept = this.questions.get(q.fact);
    if (kept?.label.zh !== q.label.zh || kept.label.en !== q.label.en) this.questions.set(q.fact, (kept = { label: q.label, bytes: Buffer.from(questionStartText(q)) }));
    return kept.bytes;
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
