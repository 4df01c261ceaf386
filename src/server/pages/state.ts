// The self-check's state between steps, and what each step's form does to it. The page is plain HTML forms
// (it works with JavaScript off): the profile so far travels as JSON in a hidden field, validated by the
// profile schema on every request, so the server keeps no session. Questions come from the one sequence
// `huiqi ask` and POST /api/v1/questions ask (src/ask/sequence.ts), situation questions among them.
import type { RuleResult } from '../../engine/evaluate.ts';
import type { RuleBase } from '../../engine/rule-base.ts';
import type { FactCatalog } from '../../facts/catalog.ts';
import type { FactDefinition } from '../../facts/types.ts';
import type { Enterprise } from '../../profile/enterprise.ts';
import { parseAnswer, SKIPPED, withAnswer } from '../../ask/questions.ts';
import { questionSequence } from '../../ask/sequence.ts';
import type { QuestionFact, RankedQuestion } from '../../report/groups.ts';
import { LIMITS } from '../../io/limits.ts';
import { fieldPath, pathDeeperThan } from '../../io/read.ts';

/** A posted form body, as @fastify/formbody gives it. */
export type FormBody = Record<string, string | string[] | undefined>;

/** A question's identity: the fact and, for an incident's fact, the incident. */
export type QuestionKey = [incidentId: string | null, fact: string];

export interface SelfCheckState {
  /** The profile so far, as a profile file would hold it. */
  data: Record<string, unknown>;
  /** Questions the user left empty: not asked again. */
  skipped: QuestionKey[];
}

/** Per form field: what is wrong, and the value as typed (shown again). */
export type FieldErrors = Record<string, { message: string; raw?: string }>;

/** How many questions one step shows. */
export const QUESTIONS_PER_STEP = 5;

export class StateError extends Error {
  /** The state nests deeper than src/io/limits.ts allows: the page says so, naming the limit. */
  constructor(
    message: string,
    readonly tooDeep = false,
  ) {
    super(message);
  }
}

const text = (v: FormBody[string]): string => (Array.isArray(v) ? v.join(',') : (v ?? '')).trim();
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseJson(raw: string, fallback: unknown): unknown {
  if (!raw) return fallback;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new StateError('hidden field is not JSON');
  }
  // Measured without recursion before anything (validation, the page's own JSON of it) walks it.
  if (pathDeeperThan(value, LIMITS.nestingDepth)) throw new StateError('hidden field nested too deeply', true);
  return value;
}

/** The state carried by a posted form (hidden fields `profile` and `skipped`). */
export function readState(body: FormBody): SelfCheckState {
  const data = parseJson(text(body.profile), {});
  const skipped = parseJson(text(body.skipped), []);
  if (!isObject(data)) throw new StateError('profile must be an object');
  if (!Array.isArray(skipped) || !skipped.every((k) => Array.isArray(k) && k.length === 2 && typeof k[1] === 'string')) throw new StateError('skipped must be a list of questions');
  return { data, skipped: skipped as QuestionKey[] };
}

/** The profile, when the basics are in and everything validates; undefined before the first step. */
export function profileOf(data: Record<string, unknown>, rules: RuleBase): Enterprise | undefined {
  const parsed = rules.profile.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}

/** Errors of the profile schema, keyed by the form field (`prefix` + the fact) they concern. */
function schemaErrors(data: Record<string, unknown>, fieldOf: (path: readonly PropertyKey[]) => string | undefined, raws: Record<string, string>, rules: RuleBase): FieldErrors {
  const parsed = rules.profile.safeParse(data);
  if (parsed.success) return {};
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = fieldOf(issue.path) ?? '_';
    const message = issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message;
    errors[field] ??= { message: field === '_' ? `${fieldPath(issue.path)}: ${message}` : message, ...(raws[field] !== undefined && { raw: raws[field] }) };
  }
  return errors;
}

export const BASIC_FIELDS = ['name', 'uscc', 'province', 'customsCredit'] as const;

/** Step 1: name, USCC, province and customs credit status (empty = unknown, removed). */
export function applyBasics(state: SelfCheckState, body: FormBody, rules: RuleBase): { state: SelfCheckState; errors: FieldErrors } {
  const data = { ...state.data };
  const raws: Record<string, string> = {};
  for (const field of BASIC_FIELDS) {
    const value = text(body[field]);
    raws[field] = value;
    if (value) data[field] = value;
    else delete data[field];
  }
  const errors = schemaErrors(data, (path) => ((BASIC_FIELDS as readonly PropertyKey[]).includes(path[0]!) ? String(path[0]) : undefined), raws, rules);
  if (Object.keys(errors).length) return { state, errors: { ...errors } };
  return { state: { ...state, data }, errors: {} };
}

/** A question as the ranker makes it, for a fact asked by key (a posted `asked` list). */
export function questionFor([incidentId, fact]: QuestionKey, catalog: FactCatalog): RankedQuestion {
  const definition = catalog.definition(fact);
  if (!definition || definition.derived) throw new StateError(`no such question: ${fact}`);
  return { fact, ...(incidentId !== null && { incidentId }), label: { zh: definition.zh, en: definition.en }, decides: [] };
}

const keyOf = (q: Pick<QuestionFact, 'fact' | 'incidentId'>): QuestionKey => [q.incidentId ?? null, q.fact];
const sameKey = (a: QuestionKey, b: QuestionKey) => a[0] === b[0] && a[1] === b[1];

/**
 * A step of answers: questions `q0…` (their keys in the hidden `asked`), situation questions among them.
 * An empty answer skips the question; a bad one is shown again with why.
 */
export function applyAnswers(state: SelfCheckState, body: FormBody, rules: RuleBase): { state: SelfCheckState; errors: FieldErrors } {
  const asked = parseJson(text(body.asked), []) as QuestionKey[];
  if (!Array.isArray(asked)) throw new StateError('asked must be a list');
  let data = state.data;
  const skipped = [...state.skipped];
  const errors: FieldErrors = {};
  const answer = (field: string, q: QuestionFact, raw: string) => {
    let value: unknown;
    try {
      value = parseAnswer(q, raw, 'en', rules.catalog);
    } catch (e) {
      errors[field] = { message: (e as Error).message, raw };
      return;
    }
    if (value === SKIPPED) {
      if (!skipped.some((k) => sameKey(k, keyOf(q)))) skipped.push(keyOf(q));
      return;
    }
    const candidate = withAnswer(data, q, value);
    const problems = schemaErrors(candidate, () => field, { [field]: raw }, rules);
    if (Object.keys(problems).length) Object.assign(errors, problems);
    else data = candidate;
  };
  asked.forEach((key, i) => {
    if (!Array.isArray(key) || key.length !== 2) throw new StateError('asked must list questions');
    answer(`q${i}`, questionFor([key[0] === null ? null : String(key[0]), String(key[1])], rules.catalog), text(body[`q${i}`]));
  });
  return { state: { data, skipped }, errors };
}

/**
 * The facts of a customs violation the incident form asks, in the catalog's order: the built-in ones and
 * those the files of `rules` declare. Built from the server's rule set once its files are loaded (their
 * facts join the catalog then), never when this module loads.
 */
export function incidentFormFacts(rules: RuleBase): FactDefinition[] {
  const files = new Set(rules.rules.map((rule) => rule.source.file));
  return rules.catalog.all.filter((f) => f.scope === 'customs-violation' && !f.derived && (f.declaredIn === undefined || files.has(f.declaredIn)));
}

/** The incident form (asking `facts`, see incidentFormFacts): a customs violation, added, or replacing the incident with the same id. */
export function applyIncident(state: SelfCheckState, body: FormBody, facts: readonly FactDefinition[], rules: RuleBase): { state: SelfCheckState; errors: FieldErrors } {
  const id = text(body['inc.id']);
  const incident: Record<string, unknown> = { id, kind: 'customs-violation' };
  const errors: FieldErrors = {};
  const raws: Record<string, string> = { 'inc.id': id };
  for (const def of facts) {
    const field = `inc.${def.name}`;
    const raw = text(body[field]);
    raws[field] = raw;
    try {
      const value = parseAnswer(questionFor(['-', def.name], rules.catalog), raw, 'en', rules.catalog);
      if (value !== SKIPPED) incident[def.name] = value;
    } catch (e) {
      errors[field] = { message: (e as Error).message, raw };
    }
  }
  const incidents = Array.isArray(state.data.incidents) ? (state.data.incidents as Record<string, unknown>[]) : [];
  const at = incidents.findIndex((i) => isObject(i) && i.id === id);
  const index = at >= 0 ? at : incidents.length;
  const data = { ...state.data, incidents: at >= 0 ? incidents.map((i, n) => (n === at ? incident : i)) : [...incidents, incident] };
  Object.assign(
    errors,
    schemaErrors(data, (path) => (path[0] === 'incidents' && path[1] === index ? `inc.${String(path[2] ?? 'id')}` : undefined), raws, rules),
  );
  if (Object.keys(errors).length) return { state, errors: Object.fromEntries(Object.entries({ ...errors }).map(([k, e]) => [k, { ...e, raw: raws[k] ?? e.raw }])) };
  return { state: { ...state, data }, errors: {} };
}

export interface PageStep {
  profile: Enterprise;
  results: RuleResult[];
  /** The next questions of the one sequence (situation questions among them), most decisive first. */
  questions: RankedQuestion[];
  /** The facts of the rule set evaluated with (their words). */
  catalog: FactCatalog;
}

/** One step of the page: the profile's results and the next questions of the one sequence (src/ask/sequence.ts). */
export async function pageStep(profile: Enterprise, rules: RuleBase, asOf: string, skipped: readonly QuestionKey[]): Promise<PageStep> {
  const sequence = await questionSequence(profile, { rules, asOf, skipped: skipped.map(([incidentId, fact]) => ({ fact, ...(incidentId !== null && { incidentId }) })) });
  return { profile, results: sequence.results, questions: sequence.questions.slice(0, QUESTIONS_PER_STEP), catalog: rules.catalog };
}
