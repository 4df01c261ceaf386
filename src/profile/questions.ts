// Questions for `huiqi ask`: only the facts that decide undetermined rules, most decisive first, worded
// from the fact labels; answers parsed by the fact's type and validated by the profile schema.
import type { RuleResult } from '../engine/evaluate.ts';
import { factDefinition } from '../facts/catalog.ts';
import type { FactDefinition } from '../facts/types.ts';
import { describeIssues } from '../io/read.ts';
import { enterpriseSchema, type Enterprise } from './enterprise.ts';
import type { FieldLabel } from './fields.ts';

export interface Question {
  fact: string;
  /** The incident the fact belongs to; undefined for an enterprise fact. */
  incidentId?: string;
  label: FieldLabel;
  definition?: FactDefinition;
  /** Undetermined results (rule × incident) the answer helps decide. */
  decides: RuleResult[];
}

const isIncidentFact = (fact: string) => {
  const scope = factDefinition(fact)?.scope;
  return scope !== undefined && scope !== 'enterprise';
};

/** The questions that decide undetermined rules, the one deciding most first (then by name). */
export function rankQuestions(results: readonly RuleResult[]): Question[] {
  const byKey = new Map<string, Question>();
  for (const r of results) {
    if (r.status !== 'undetermined') continue;
    for (const fact of r.missingFacts) {
      const incidentId = isIncidentFact(fact) ? r.incidentId : undefined;
      const key = `${incidentId ?? ''}\u0000${fact}`;
      const def = factDefinition(fact);
      const q = byKey.get(key) ?? { fact, ...(incidentId !== undefined && { incidentId }), label: { zh: def?.zh ?? fact, en: def?.en ?? fact }, ...(def && { definition: def }), decides: [] };
      q.decides.push(r);
      byKey.set(key, q);
    }
  }
  // Questions about rules whose situation is known to arise come before those about situations that may not.
  const relevant = (q: Question) => q.decides.filter((r) => r.relevant === true).length;
  return [...byKey.values()].sort(
    (a, b) => relevant(b) - relevant(a) || b.decides.length - a.decides.length || a.fact.localeCompare(b.fact) || (a.incidentId ?? '').localeCompare(b.incidentId ?? ''),
  );
}

const YES = new Set(['是', '对', '有', 'y', 'yes', 'true', '1']);
const NO = new Set(['否', '不是', '不', '没有', '无', 'n', 'no', 'false', '0']);
const SKIP = new Set(['', '?', '？', 'skip', '跳过', '不知道', '不清楚']);

/** The question in words, with the accepted answers. */
export function questionPrompt(q: Question, lang: 'zh' | 'en'): string {
  const where = q.incidentId !== undefined ? (lang === 'zh' ? `［事项 ${q.incidentId}］` : `[incident ${q.incidentId}] `) : '';
  const type = q.definition?.type;
  const hint =
    type === 'boolean' ? (lang === 'zh' ? '是/否' : 'yes/no')
    : type === 'enum' ? q.definition!.values!.map((v, i) => `${i + 1}) ${v}`).join('  ')
    : type === 'number' ? (lang === 'zh' ? '数字' : 'a number')
    : type === 'date' ? 'YYYY-MM-DD'
    : type === 'date[]' ? (lang === 'zh' ? '日期，逗号分隔，无则留“无”' : 'dates, comma-separated; "none" for none')
    : type === 'string[]' ? (lang === 'zh' ? '逗号分隔' : 'comma-separated')
    : '';
  const skip = lang === 'zh' ? '回车跳过' : 'Enter to skip';
  return `${where}${q.label[lang]}${hint ? ` (${hint})` : ''} [${skip}]: `;
}

/** An answer as a fact value, or `skip`; throws an Error with a message to show when it cannot be read. */
export function parseAnswer(q: Question, raw: string): unknown | typeof SKIPPED {
  const text = raw.trim();
  if (SKIP.has(text.toLowerCase())) return SKIPPED;
  const def = q.definition;
  switch (def?.type) {
    case 'boolean': {
      const t = text.toLowerCase();
      if (YES.has(t)) return true;
      if (NO.has(t)) return false;
      throw new Error('answer 是 or 否 (yes or no)');
    }
    case 'enum': {
      const values = def.values!;
      const n = Number(text);
      if (Number.isInteger(n) && n >= 1 && n <= values.length) return values[n - 1];
      return text;
    }
    case 'number': {
      const n = Number(text.replace(/[,，¥￥\s元]/g, ''));
      if (Number.isNaN(n)) throw new Error('answer a number');
      return n;
    }
    case 'string[]':
    case 'date[]':
      return ['none', '无', '[]'].includes(text.toLowerCase()) ? [] : text.split(/[,，、\s]+/).filter(Boolean);
    case 'other': {
      const n = Number(text.replace(/[,，¥￥\s元]/g, ''));
      return Number.isNaN(n) ? text : n;
    }
    default:
      return text;
  }
}
export const SKIPPED = Symbol('skipped');

/** A plain profile object (as read from a file) with one fact set, for validation by the schema. */
export function withAnswer(data: Record<string, unknown>, q: Pick<Question, 'fact' | 'incidentId'>, value: unknown): Record<string, unknown> {
  if (q.incidentId === undefined) return { ...data, [q.fact]: value };
  const incidents = (data.incidents as Record<string, unknown>[] | undefined) ?? [];
  return { ...data, incidents: incidents.map((i) => (i.id === q.incidentId ? { ...i, [q.fact]: value } : i)) };
}

/** Validates the profile with the answer; the problems concerning the answered field, or all of them. */
export function answerProblems(data: Record<string, unknown>): string[] | undefined {
  const parsed = enterpriseSchema.safeParse(data);
  return parsed.success ? undefined : describeIssues(parsed.error);
}

export function asProfile(data: Record<string, unknown>): Enterprise {
  return enterpriseSchema.parse(data);
}

/**
 * Answers from a file: `fact: value` for enterprise facts, and `incidents: { <id>: { fact: value } }`
 * (or `"<id>.fact": value`) for an incident's facts.
 */
export function answersFromFile(data: unknown): { fact: string; incidentId?: string; value: unknown }[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('answers must be a mapping of fact: value');
  const out: { fact: string; incidentId?: string; value: unknown }[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (key === 'incidents' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [incidentId, facts] of Object.entries(value)) for (const [fact, v] of Object.entries(facts as object)) out.push({ fact, incidentId, value: v });
    } else if (key.includes('.')) {
      const [incidentId, fact] = [key.slice(0, key.lastIndexOf('.')), key.slice(key.lastIndexOf('.') + 1)];
      out.push({ fact, incidentId, value });
    } else out.push({ fact: key, value });
  }
  return out;
}
