// POST /api/v1/check's answer as UTF-8 bytes, equal byte for byte to JSON.stringify(checkReport(...)).
// Most of an answer is rule text (titles, outcomes, sources with their quotes, in two languages) that is
// the same in every answer: a result's JSON text is written by check-report.ts (resultJsonText) from its
// rule's text made once, the results a rule gave lately are kept as bytes, and an answer is a list of
// those bytes with only what is new made for it. What is kept belongs to the rule set (RuleBase.memo).
import type { RuleResult } from '../engine/evaluate.ts';
import type { RuleBase } from '../engine/rule-base.ts';
import { checkReportParts, resultJsonText, ruleJsonText, windowJson, type CheckReportInput, type RuleJsonText } from '../report/check-report.ts';
import type { Question } from '../report/groups.ts';
import { horizonPassed, type Rule } from '../rules/schema.ts';

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
  /** Whether the answer's date is past the rule's plan period (its note is then in the tail). */
  passed: boolean;
  bytes: Buffer;
  split: number;
}
/** A rule's text in its results' JSON (made by check-report.ts, the one writer of a result's JSON) and its kept results. */
interface RuleBytes {
  text: RuleJsonText;
  kept: KeptResult[];
}

/** How many recent results each rule keeps: one rule's results on the profiles a server sees take a few forms. */
const RECENT = 8;

/** The bytes a rule set's answers are made of (kept per rule and per fact), made as answers need them. */
class AnswerBytes {
  private readonly ruleBytes = new Map<Rule, RuleBytes>();
  /**
   * The bytes of a question up to its `decides` list, `{"fact":…,"label":…,"decides":[`, kept per fact
   * (with the label they were made with): labels are Chinese text, the slowest part of the head to serialise.
   * An incident's questions (keyed by a user's incident id) are made afresh.
   */
  private readonly questionStarts = new Map<string, { label: Question['label']; bytes: Buffer }>();

  private bytesOf(rule: Rule): RuleBytes {
    let bytes = this.ruleBytes.get(rule);
    if (!bytes) {
      bytes = { text: ruleJsonText(rule), kept: [] };
      this.ruleBytes.set(rule, bytes);
    }
    return bytes;
  }

  keptResult(r: RuleResult, asOf: string): KeptResult {
    return keptResult(this.bytesOf(r.rule), r, asOf);
  }

  questionStart(q: Question): Buffer {
    if (q.incidentId !== undefined) return Buffer.from(startText(q));
    const kept = this.questionStarts.get(q.fact);
    if (kept && kept.label.zh === q.label.zh && kept.label.en === q.label.en) return kept.bytes;
    const bytes = Buffer.from(startText(q));
    this.questionStarts.set(q.fact, { label: q.label, bytes });
    return bytes;
  }
}

const answerBytesOf = () => new AnswerBytes();

function keptResult(rule: RuleBytes, r: RuleResult, asOf: string): KeptResult {
  const { status, relevant, missingFacts, failedConditions, openConditions } = r;
  const passed = horizonPassed(r.rule, asOf);
  const known = rule.kept.find(
    (k) =>
      k.status === status &&
      k.relevant === relevant &&
      k.missingFacts === missingFacts &&
      k.failedConditions === failedConditions &&
      k.openConditions === openConditions &&
      k.passed === passed,
  );
  if (known) return known;
  const { start, rest } = resultJsonText(r, asOf, rule.text);
  const head = Buffer.from(`,${start}`);
  const kept = { status, relevant, missingFacts, failedConditions, openConditions, passed, bytes: Buffer.concat([head, Buffer.from(rest)]), split: head.length };
  if (rule.kept.unshift(kept) > RECENT) rule.kept.pop();
  return kept;
}

const COMMA = Buffer.from(',');
const END = Buffer.from(']}');
const QUESTIONS_END = Buffer.from('],"results":[');

const startText = (q: Question) => `${JSON.stringify({ ...q, decides: [] }).slice(0, -2)}`;

/**
 * JSON.stringify(checkReport(input)) as UTF-8, in pieces to be sent one after the other (./send.ts
 * writes them in one system call; joining them into one buffer first cost as much as making them),
 * without serialising the rules' texts again.
 */
export function checkAnswer(input: CheckReportInput, rules: RuleBase): Buffer[] {
  const kept = rules.memo(answerBytesOf); // the rule set keeps the bytes of its rules' texts
  const { head, listed } = checkReportParts(input);
  // The head's questions are its last member (the bytes test compares with JSON.stringify of the whole report).
  const { questions, ...before } = head;
  const pieces: Buffer[] = [Buffer.from(`${JSON.stringify(before).slice(0, -1)},"questions":[`)];
  questions.forEach((q, i) => {
    if (i) pieces.push(COMMA);
    pieces.push(kept.questionStart(q), Buffer.from(`${q.decides.map((d) => JSON.stringify(d)).join(',')}]}`));
  });
  pieces.push(QUESTIONS_END);
  listed.forEach((r: RuleResult, i) => {
    const { bytes, split } = kept.keptResult(r, input.asOf);
    const from = i === 0 ? 1 : 0; // no comma before the first
    // A rule not in force (listed with all) ends with its window, which depends on the date judged: spliced before the closing brace.
    const window = r.status === 'not-in-force' ? windowJson(r, input.profile, input.asOf) : undefined;
    const end = window ? bytes.length - 1 : bytes.length;
    if (r.incidentId === undefined) pieces.push(bytes.subarray(from, end));
    else pieces.push(bytes.subarray(from, split), Buffer.from(`,"incidentId":${JSON.stringify(r.incidentId)}`), bytes.subarray(split, end));
    if (window) pieces.push(Buffer.from(`,"window":${JSON.stringify(window)}}`));
  });
  pieces.push(END);
  return pieces;
}
