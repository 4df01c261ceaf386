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

/** The bytes of one rule's fixed members: those before `relevant` (from title on) and those after `openConditions`. */
interface RuleBytes {
  head: Buffer;
  tail: Buffer;
}

/** A growing byte buffer: copies of fixed bytes and UTF-8 encodings of text, one allocation in the end. */
class ByteWriter {
  private buffer: Buffer;
  private length = 0;

  constructor(size: number) {
    this.buffer = Buffer.allocUnsafe(size);
  }

  private reserve(bytes: number) {
    if (this.length + bytes <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    bigger.set(this.buffer.subarray(0, this.length));
    this.buffer = bigger;
  }

  bytes(bytes: Buffer) {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length); // TypedArray#set: one memcpy (Buffer#copy makes a view first)
    this.length += bytes.length;
  }

  text(text: string) {
    this.reserve(text.length * 3); // a UTF-16 code unit is at most 3 bytes of UTF-8
    this.length += this.buffer.write(text, this.length);
  }

  done(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

const ruleBytes = new WeakMap<Rule, RuleBytes>();

function bytesOf(rule: Rule): RuleBytes {
  let bytes = ruleBytes.get(rule);
  if (!bytes) {
    bytes = { head: Buffer.from(`${members(ruleHeadJson(rule))},"relevant":`), tail: Buffer.from(`${members(ruleTailJson(rule))}}`) };
    ruleBytes.set(rule, bytes);
  }
  return bytes;
}

/**
 * The size of the last answer of each kind (listed, or every result with `all`): the next one is about
 * as long, and a buffer much too large would be held until the answer is sent.
 */
const sizeHints = { listed: 64 * 1024, all: 512 * 1024 };

/** JSON.stringify(checkReport(input)) as UTF-8, without serialising the rules' texts again. */
export function checkAnswer(input: CheckReportInput): Buffer {
  const { head, listed } = checkReportParts(input);
  const kind = input.all ? 'all' : 'listed';
  const out = new ByteWriter(sizeHints[kind]);
  out.text(`${JSON.stringify(head).slice(0, -1)},"results":[`);
  listed.forEach((r: RuleResult, i) => {
    const { head: ruleHead, tail } = bytesOf(r.rule);
    out.text(`${i ? ',' : ''}{"ruleId":${JSON.stringify(r.ruleId)},"status":${JSON.stringify(r.status)}${r.incidentId !== undefined ? `,"incidentId":${JSON.stringify(r.incidentId)}` : ''}`);
    out.bytes(ruleHead);
    out.text(
      `${JSON.stringify(r.relevant)},"missingFacts":${JSON.stringify(r.missingFacts)},"failedConditions":${JSON.stringify(r.failedConditions)},"openConditions":${JSON.stringify(r.openConditions)}`,
    );
    out.bytes(tail);
  });
  out.text(']}');
  const answer = out.done();
  sizeHints[kind] = Math.max(4096, Math.ceil(answer.length * 1.1));
  return answer;
}
