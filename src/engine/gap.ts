// "What it would take": for each rule that is ineligible or undetermined, the smallest sets of facts that
// would have to change (or be answered) for it to become eligible, and across rules the single changes
// that unlock the most measures. Generic over the condition trees: nothing here knows a rule.
//
// For an evaluated tree we compute, per node and wanted truth, alternative requirement sets (all: every
// child's needs together; any: the cheapest child; not: the wanted truth flipped). A leaf becomes a
// constraint on one fact; a derived date-window fact (src/facts/derived.ts `window`) becomes a date range
// on its input. Each set is then turned into changes on the profile using the fact catalog: an unknown
// fact is answered, a known one changed only when its definition says an enterprise can change it
// (`change` in src/profile/fields.ts), a plannable date only into the future. Every set is checked by
// evaluating the rule again with the changes applied.
import { builtinCatalog, withDerivedFacts, type FactCatalog } from '../facts/catalog.ts';
import { derivedFacts } from '../facts/derived.ts';
import { AS_OF } from '../facts/types.ts';
import type { FactValues } from '../facts/types.ts';
import type { Enterprise } from '../profile/enterprise.ts';
import { shiftDay } from '../profile/dates.ts';
import type { FieldLabel } from '../profile/fields.ts';
import { operators, type Constraint } from '../rules/operators.ts';
import { moneyValue, worthUnlocking, type Condition, type Rule } from '../rules/schema.ts';
import { enterpriseFactValues, type RuleResult } from './evaluate.ts';
import { askableFacts } from './explain.ts';
import { evaluateCondition } from './native.ts';
import type { EvaluatedCondition } from './truth.ts';

type Leaf = Extract<Condition, { fact: string }>;

/** One thing to do for a rule to become eligible. */
export type Step =
  /** The fact is unknown: find out and answer (the answer must satisfy `need`). */
  | { kind: 'answer'; fact: string; incidentId?: string; need: Constraint }
  /** The fact is known and the enterprise can change it. */
  | { kind: 'change'; fact: string; incidentId?: string; from: unknown; to: unknown; need: Constraint }
  /** A date not yet reached (or not yet set) that must fall in [from, by]: act by `by`. */
  | { kind: 'plan'; fact: string; incidentId?: string; earliest: string; by?: string; notBefore?: string; act?: FieldLabel };

export interface NearMiss {
  result: RuleResult;
  /** Alternative smallest sets of steps, cheapest first; empty when nothing the enterprise can do helps. */
  options: Step[][];
}

export interface Unlock {
  /** The single change (one step) that unlocks the measures. */
  step: Step;
  /** Rule results it makes eligible. */
  unlocks: RuleResult[];
  /** For each of them, the other steps (answers, dates to keep) it needs besides this one; often none. */
  alongWith: Step[][];
  /** The largest known money value among them (CNY), for ranking. */
  money: number;
  /**
   * Later windows on the same date (a plan step only): what is still possible if this step's last day is
   * missed. Never offered as actions of their own: acting by the earlier day is at least as good.
   */
  fallbacks?: Unlock[];
}

export interface GapAnalysis {
  nearMisses: NearMiss[];
  /** Single steps ranked by the number of measures they unlock, then their known money value. */
  ranked: Unlock[];
}

const MAX_OPTIONS = 4;

// ---------------------------------------------------------------------------------------------------
// Constraints

/** Both constraints at once (undefined when they cannot both hold). */
export function intersect(a: Constraint, b: Constraint): Constraint | undefined {
  const out: Constraint = { ...a, ...((a.act ?? b.act) && { act: a.act ?? b.act }) };
  if (b.oneOf) out.oneOf = out.oneOf ? out.oneOf.filter((x) => b.oneOf!.includes(x)) : [...b.oneOf];
  if (b.noneOf) out.noneOf = [...new Set([...(out.noneOf ?? []), ...b.noneOf])];
  if (b.includes) out.includes = [...new Set([...(out.includes ?? []), ...b.includes])];
  if (b.excludes) out.excludes = [...new Set([...(out.excludes ?? []), ...b.excludes])];
  if (b.min !== undefined && (out.min === undefined || b.min > out.min || (b.min === out.min && !b.minInclusive))) {
    out.min = b.min;
    out.minInclusive = b.minInclusive;
  }
  if (b.max !== undefined && (out.max === undefined || b.max < out.max || (b.max === out.max && !b.maxInclusive))) {
    out.max = b.max;
    out.maxInclusive = b.maxInclusive;
  }
  if (b.from !== undefined && (out.from === undefined || b.from > out.from)) out.from = b.from;
  if (b.to !== undefined && (out.to === undefined || b.to < out.to)) out.to = b.to;
  if (out.oneOf && out.noneOf) out.oneOf = out.oneOf.filter((x) => !out.noneOf!.includes(x));
  if (out.oneOf && !out.oneOf.length) return undefined;
  if (out.includes?.some((x) => out.excludes?.includes(x))) return undefined;
  if (out.min !== undefined && out.max !== undefined && (out.min > out.max || (out.min === out.max && !(out.minInclusive && out.maxInclusive)))) return undefined;
  if (out.from !== undefined && out.to !== undefined && out.from > out.to) return undefined;
  return out;
}

export function satisfies(value: unknown, c: Constraint): boolean {
  if (value === undefined) return false;
  if (c.oneOf && !c.oneOf.includes(value)) return false;
  if (c.noneOf?.includes(value)) return false;
  if (c.includes && !(Array.isArray(value) && c.includes.every((x) => value.includes(x)))) return false;
  if (c.excludes && !(Array.isArray(value) && c.excludes.every((x) => !value.includes(x)))) return false;
  if (c.min !== undefined || c.max !== undefined) {
    if (typeof value !== 'number') return false;
    if (c.min !== undefined && (c.minInclusive ? value < c.min : value <= c.min)) return false;
    if (c.max !== undefined && (c.maxInclusive ? value > c.max : value >= c.max)) return false;
  }
  if (c.from !== undefined || c.to !== undefined) {
    if (typeof value !== 'string') return false;
    if (c.from !== undefined && value < c.from) return false;
    if (c.to !== undefined && value > c.to) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------
// Requirement sets over the tree

/** Fact name → what it must be. An empty map needs nothing. */
type Needs = Map<string, Constraint>;

const windows = new Map(derivedFacts.filter((f) => f.window).map((f) => [f.name, f.window!]));
/** Date facts a derived window plans: they may be set to a date on or after the evaluation date. */
const plannableDates = new Set([...windows.values()].map((w) => w.input));

function merge(a: Needs, b: Needs): Needs | undefined {
  const out = new Map(a);
  for (const [fact, c] of b) {
    const both = out.has(fact) ? intersect(out.get(fact)!, c) : c;
    if (!both) return undefined;
    out.set(fact, both);
  }
  return out;
}

const cost = (n: Needs) => n.size;
const keyOf = (n: Needs) => JSON.stringify([...n].sort(([a], [b]) => a.localeCompare(b)));

function cheapest(options: Needs[]): Needs[] {
  const seen = new Set<string>();
  return options
    .filter((o) => {
      const k = keyOf(o);
      return seen.has(k) ? false : (seen.add(k), true);
    })
    .sort((a, b) => cost(a) - cost(b))
    .slice(0, MAX_OPTIONS);
}

/** The requirement on profile facts that makes a leaf `want`, or undefined when none can. */
function leafNeeds(leaf: Leaf, want: boolean, facts: FactValues, catalog: FactCatalog): Needs | undefined {
  const def = catalog.definition(leaf.fact);
  if (!def?.derived) return new Map([[leaf.fact, operators[leaf.operator].constraint(leaf.value, want)]]);
  const window = windows.get(leaf.fact);
  if (window && typeof leaf.value === 'boolean' && ['equal', 'notEqual'].includes(leaf.operator)) {
    const range = window.range(facts);
    if (!range) return new Map(askableFacts(catalog, leaf.fact, facts).map((f) => [f, {}]));
    const inside = want === (leaf.value === (leaf.operator === 'equal'));
    return new Map([[window.input, { ...(inside ? range : { from: shiftDay(range.to, 1) }), act: window.act }]]);
  }
  // Other derived facts follow from their inputs: answerable while unknown, never changed directly.
  if (facts[leaf.fact] !== undefined) return undefined;
  return new Map(askableFacts(catalog, leaf.fact, facts).map((f) => [f, {}]));
}

function needs(node: EvaluatedCondition, want: boolean, facts: FactValues, catalog: FactCatalog): Needs[] {
  if (node.value === want) return [new Map()];
  const c = node.condition;
  if ('fact' in c) {
    const n = leafNeeds(c, want, facts, catalog);
    return n ? [n] : [];
  }
  if ('not' in c) return needs(node.children[0]!, !want, facts, catalog);
  const together = 'all' in c === want;
  const childOptions = node.children.map((child) => needs(child, want, facts, catalog));
  if (!together) return cheapest(childOptions.flat());
  let acc: Needs[] = [new Map()];
  for (const options of childOptions) {
    const next: Needs[] = [];
    for (const a of acc)
      for (const o of options) {
        const m = merge(a, o);
        if (m) next.push(m);
      }
    acc = cheapest(next);
    if (!acc.length) return [];
  }
  return acc;
}

// ---------------------------------------------------------------------------------------------------
// Requirements into steps

/** A value that satisfies `c` and that `fact` can take, for checking a set and for naming the change. */
function exampleValue(catalog: FactCatalog, fact: string, c: Constraint, from?: unknown): unknown {
  const def = catalog.definition(fact);
  if (c.oneOf) {
    const reachable = def?.change?.reachable;
    const allowed = reachable && from !== undefined ? (reachable[String(from)] ?? []) : undefined;
    return c.oneOf.find((v) => !allowed || allowed.includes(String(v)));
  }
  if (def?.type === 'boolean') return c.noneOf?.includes(true) ? false : c.noneOf?.includes(false) ? true : undefined;
  if (def?.type === 'enum' && def.values) {
    const reachable = def.change?.reachable;
    const allowed = reachable && from !== undefined ? (reachable[String(from)] ?? []) : def.values;
    return def.values.find((v) => allowed.includes(v) && satisfies(v, c));
  }
  if (c.min !== undefined) return c.minInclusive ? c.min : c.min + 1;
  if (c.max !== undefined) return c.maxInclusive ? c.max : Math.max(0, c.max - 1);
  if (c.to !== undefined) return c.to;
  if (c.from !== undefined) return c.from;
  return undefined;
}

/**
 * How `fact` can come to satisfy `need`, or undefined when it cannot. A profile fact the profile leaves out
 * but bundled data decides (the Chongqing 高资信企业名单 from the enterprise's name) is known, not asked.
 */
function toStep(catalog: FactCatalog, fact: string, need: Constraint, profileFacts: FactValues, allFacts: FactValues, asOf: string, incidentId?: string): Step | undefined {
  const current = profileFacts[fact] ?? (catalog.definition(fact)?.derived === false ? allFacts[fact] : undefined);
  const where = incidentId !== undefined ? { incidentId } : {};
  if (fact === AS_OF) {
    // Something to do on a day of the user's choosing: possible until the window's last day.
    const notBefore = need.from !== undefined && need.from > asOf ? need.from : undefined;
    if (need.to !== undefined && (notBefore ?? asOf) > need.to) return undefined;
    const act = need.act;
    return { kind: 'plan', fact, ...where, earliest: notBefore ?? asOf, ...(need.to && { by: need.to }), ...(notBefore && { notBefore }), ...(act && { act }) };
  }
  if (plannableDates.has(fact)) {
    // A date already passed is a record; one not yet set or still ahead can be planned, but only forward.
    if (typeof current === 'string' && current < asOf) return undefined;
    const notBefore = need.from !== undefined && need.from > asOf ? need.from : undefined;
    const earliest = notBefore ?? asOf;
    const by = need.to;
    if (by !== undefined && earliest > by) return current === undefined ? { kind: 'answer', fact, ...where, need } : undefined;
    const act = need.act ?? [...windows.values()].find((w) => w.input === fact)?.act;
    return { kind: 'plan', fact, ...where, earliest, ...(by && { by }), ...(notBefore && { notBefore }), ...(act && { act }) };
  }
  if (current === undefined) return { kind: 'answer', fact, ...where, need };
  const def = catalog.definition(fact);
  if (!def?.change) return undefined;
  const to = exampleValue(catalog, fact, need, current);
  if (to === undefined || !satisfies(to, need)) return undefined;
  return { kind: 'change', fact, ...where, from: current, to, need };
}

const incidentOf = (catalog: FactCatalog, fact: string, r: RuleResult) =>
  r.incidentId !== undefined && catalog.definition(fact)?.scope !== 'enterprise' ? r.incidentId : undefined;

function stepValue(catalog: FactCatalog, step: Step): unknown {
  return step.kind === 'plan' ? (step.by ?? step.earliest) : step.kind === 'change' ? step.to : exampleValue(catalog, step.fact, step.need);
}

/** The facts a rule is judged on (the enterprise's, with the incident's when it concerns one), `overrides` applied. */
export function ruleFacts(
  profile: Enterprise,
  r: RuleResult,
  asOf: string,
  overrides: FactValues = {},
  catalog: FactCatalog = builtinCatalog,
): { profile: FactValues; all: FactValues } {
  const enterprise = { ...enterpriseFactValues(profile) };
  const incident = profile.incidents.find((i) => i.id === r.incidentId);
  const own: FactValues = {};
  if (incident) for (const [k, v] of Object.entries(incident)) if (k !== 'id' && k !== 'kind') own[k] = v;
  for (const [k, v] of Object.entries(overrides)) {
    if (incident && catalog.definition(k)?.scope !== 'enterprise') own[k] = v;
    else enterprise[k] = v;
  }
  // Acting on another day (an AS_OF plan) judges the facts that depend on the day as of that day.
  const day = typeof overrides[AS_OF] === 'string' ? overrides[AS_OF] : asOf;
  delete enterprise[AS_OF];
  delete own[AS_OF];
  const ent = withDerivedFacts('enterprise', enterprise, day);
  return { profile: { ...enterprise, ...own }, all: incident ? { ...ent, ...withDerivedFacts(incident.kind, own, day) } : ent };
}

/** The rule's conditions with its validity window on its basis date (e.g. disclosureDate) when it has one. */
function conditionsWithValidity(rule: Rule): Condition {
  const { basis, from, to } = rule.effective;
  if (!basis || (!from && !to)) return rule.conditions;
  const bounds: Condition[] = [];
  if (from) bounds.push({ fact: basis, operator: 'onOrAfter', value: from });
  if (to) bounds.push({ fact: basis, operator: 'onOrBefore', value: to });
  return { all: [rule.conditions, ...bounds] };
}

/** The smallest sets of steps that make one ineligible or undetermined result eligible. */
export function nearMiss(profile: Enterprise, r: RuleResult, asOf: string, catalog: FactCatalog = builtinCatalog): NearMiss {
  const conditions = conditionsWithValidity(r.rule);
  const { profile: profileFacts, all } = ruleFacts(profile, r, asOf, {}, catalog);
  const tree = evaluateCondition(conditions, all);
  const options: Step[][] = [];
  for (const set of needs(tree, true, all, catalog)) {
    const steps: Step[] = [];
    let possible = true;
    for (const [fact, need] of set) {
      const step = toStep(catalog, fact, need, profileFacts, all, asOf, incidentOf(catalog, fact, r));
      if (!step) {
        possible = false;
        break;
      }
      steps.push(step);
    }
    if (!possible || !steps.length) continue;
    // Check the set: with every step applied (answers given as needed), the rule must be true.
    const overrides = Object.fromEntries(steps.map((s) => [s.fact, stepValue(catalog, s)]));
    if (Object.values(overrides).every((v) => v !== undefined)) {
      const after = evaluateCondition(conditions, ruleFacts(profile, r, asOf, overrides, catalog).all);
      if (after.value !== true) continue;
    }
    options.push(steps);
  }
  const weight = (s: Step[]) => s.filter((x) => x.kind !== 'answer').length * 100 + s.length;
  options.sort((a, b) => weight(a) - weight(b));
  return { result: r, options };
}

const stepKey = (s: Step) => JSON.stringify([s.kind, s.incidentId ?? null, s.fact, s.kind === 'plan' ? [s.notBefore, s.by] : s.kind === 'change' ? s.to : s.need]);

/** Near misses for every ineligible or undetermined entitlement whose situation may arise, and the single steps ranked by what they unlock. */
export function gapAnalysis(profile: Enterprise, results: readonly RuleResult[], asOf: string, catalog: FactCatalog = builtinCatalog): GapAnalysis {
  // A rule whose situation (trigger) does not arise is beside the point: nobody is advised to bring it about.
  const candidates = results.filter((r) => (r.status === 'ineligible' || r.status === 'undetermined') && worthUnlocking(r.rule) && r.relevant !== false);
  const nearMisses = candidates.map((r) => nearMiss(profile, r, asOf, catalog));
  const byStep = new Map<string, Unlock>();
  for (const miss of nearMisses) {
    const seen = new Set<string>();
    for (const option of miss.options) {
      // The step credited with an option: its one change, or its only step when it changes nothing.
      const changes = option.filter((s) => s.kind === 'change');
      const step = changes.length === 1 ? changes[0]! : changes.length === 0 && option.length === 1 ? option[0]! : undefined;
      if (!step) continue;
      const key = stepKey(step);
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = byStep.get(key) ?? { step, unlocks: [], alongWith: [], money: 0 };
      entry.unlocks.push(miss.result);
      entry.alongWith.push(option.filter((s) => s !== step));
      entry.money = Math.max(entry.money, moneyValue(miss.result.rule) ?? 0);
      byStep.set(key, entry);
    }
  }
  // A change outranks an answer; then more measures, then more money.
  // Ties: a step that needs nothing else first, then acting now before waiting for a later day.
  const rank = (u: Unlock) => (u.step.kind === 'answer' ? 1 : 0);
  const alone = (u: Unlock) => u.alongWith.filter((o) => !o.length).length;
  const waits = (u: Unlock) => (u.step.kind === 'plan' && u.step.notBefore ? 1 : 0);
  const ranked = withoutDominatedWindows([...byStep.values()]).sort(
    (a, b) =>
      rank(a) - rank(b) || b.unlocks.length - a.unlocks.length || b.money - a.money || alone(b) - alone(a) || waits(a) - waits(b) || stepKey(a.step).localeCompare(stepKey(b.step)),
  );
  return { nearMisses, ranked };
}

/** The first and last day a plan step allows (the last open-ended when the window has none). */
const span = (s: Extract<Step, { kind: 'plan' }>) => ({ first: s.earliest, last: s.by ?? '9999-12-31' });

/**
 * Plan steps on one date (a disclosure date, the day to apply) read as competing advice: "disclose by
 * 09-30" beside "disclose on or after 10-01 and by 10-10" suggests waiting, when disclosing within
 * 6 months is better on every count (海关总署公告2023年第127号 第一条). Per date, the window that closes
 * first leads: a later window containing it adds its measures to it (acting early also meets them) and
 * stays only as "if the earlier day is missed"; a later window that opens after it closes, and offers no
 * more measures and no more money, is dominated and stays only as such a fallback. Windows that overlap
 * in part, or a later one offering more, remain actions of their own.
 */
function withoutDominatedWindows(unlocks: Unlock[]): Unlock[] {
  const byDate = new Map<string, Unlock[]>();
  for (const u of unlocks) {
    if (u.step.kind !== 'plan') continue;
    const key = `${u.step.incidentId ?? ''}\u0000${u.step.fact}`;
    byDate.set(key, [...(byDate.get(key) ?? []), u]);
  }
  const dropped = new Set<Unlock>();
  for (const plans of byDate.values()) {
    if (plans.length < 2) continue;
    const spans = new Map(plans.map((u) => [u, span(u.step as Extract<Step, { kind: 'plan' }>)]));
    plans.sort((a, b) => spans.get(a)!.last.localeCompare(spans.get(b)!.last) || spans.get(a)!.first.localeCompare(spans.get(b)!.first));
    const lead = plans[0]!;
    const leadSpan = spans.get(lead)!;
    const fallbacks: Unlock[] = [];
    const sameResult = (a: RuleResult, b: RuleResult) => a.ruleId === b.ruleId && a.incidentId === b.incidentId;
    for (const later of plans.slice(1)) {
      const s = spans.get(later)!;
      if (s.first <= leadSpan.first && s.last >= leadSpan.last) {
        later.unlocks.forEach((r, i) => {
          if (lead.unlocks.some((x) => sameResult(x, r))) return;
          lead.unlocks.push(r);
          lead.alongWith.push(later.alongWith[i]!);
          lead.money = Math.max(lead.money, moneyValue(r.rule) ?? 0);
        });
        fallbacks.push(later);
      }
    }
    for (const later of plans.slice(1)) {
      const s = spans.get(later)!;
      if (s.first > leadSpan.last && later.unlocks.length <= lead.unlocks.length && later.money <= lead.money) fallbacks.push(later);
    }
    if (!fallbacks.length) continue;
    fallbacks.sort((a, b) => spans.get(a)!.last.localeCompare(spans.get(b)!.last) || spans.get(a)!.first.localeCompare(spans.get(b)!.first));
    lead.fallbacks = fallbacks;
    fallbacks.forEach((f) => dropped.add(f));
  }
  return unlocks.filter((u) => !dropped.has(u));
}

// ---------------------------------------------------------------------------------------------------
// Plain words

function valueWords(catalog: FactCatalog, fact: string, v: unknown, lang: 'zh' | 'en'): string {
  if (typeof v === 'boolean') return lang === 'zh' ? (v ? '是' : '否') : v ? 'yes' : 'no';
  if (typeof v === 'number' && catalog.definition(fact)?.zh.includes('元')) return `¥${v.toLocaleString('en-US')}`;
  return Array.isArray(v) ? v.join(', ') : String(v);
}

function constraintWords(catalog: FactCatalog, fact: string, c: Constraint, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  const parts: string[] = [];
  const list = (xs: unknown[]) => xs.map((x) => valueWords(catalog, fact, x, lang)).join(zh ? '、' : ' or ');
  if (c.oneOf) parts.push(c.oneOf.length === 1 ? valueWords(catalog, fact, c.oneOf[0], lang) : list(c.oneOf));
  if (c.noneOf) parts.push(`${zh ? '不为' : 'not '}${list(c.noneOf)}`);
  if (c.min !== undefined)
    parts.push(
      zh ? `${c.minInclusive ? '不低于' : '高于'}${valueWords(catalog, fact, c.min, lang)}` : `${c.minInclusive ? 'at least' : 'over'} ${valueWords(catalog, fact, c.min, lang)}`,
    );
  if (c.max !== undefined)
    parts.push(
      zh ? `${c.maxInclusive ? '不超过' : '低于'}${valueWords(catalog, fact, c.max, lang)}` : `${c.maxInclusive ? 'at most' : 'under'} ${valueWords(catalog, fact, c.max, lang)}`,
    );
  if (c.from !== undefined) parts.push(zh ? `${c.from}或之后` : `on or after ${c.from}`);
  if (c.to !== undefined) parts.push(zh ? `${c.to}或之前` : `on or before ${c.to}`);
  if (c.includes) parts.push(`${zh ? '包含' : 'includes '}${list(c.includes)}`);
  if (c.excludes) parts.push(`${zh ? '不包含' : 'does not include '}${list(c.excludes)}`);
  return parts.join(zh ? '，' : ', ');
}

/** A step in plain words: "obtain AEO advanced certification (高级认证企业)", "disclose by 2025-04-30 …". */
export function describeStep(step: Step, lang: 'zh' | 'en', catalog: FactCatalog = builtinCatalog): string {
  const def = catalog.definition(step.fact);
  const name: FieldLabel = { zh: def?.zh ?? step.fact, en: def?.en ?? step.fact };
  const zh = lang === 'zh';
  const on = step.incidentId !== undefined ? (zh ? `（事项 ${step.incidentId}）` : ` (incident ${step.incidentId})`) : '';
  switch (step.kind) {
    case 'plan': {
      const act = step.act?.[lang] ?? name[lang];
      if (zh) return `${step.notBefore ? `${step.notBefore}或之后` : ''}${step.notBefore && step.by ? '、' : ''}${step.by ? `${step.by}或之前` : ''}${act}${on}`;
      const when = [step.notBefore && `on or after ${step.notBefore}`, step.by && `by ${step.by}`].filter(Boolean).join(' and ');
      return `${act} ${when}${on}`;
    }
    case 'change': {
      const action = def?.change?.actions?.[String(step.to)];
      if (action) return `${action[lang]}${on}`;
      if (typeof step.to === 'boolean') return zh ? `做到：${name.zh}${step.to ? '' : '（否）'}${on}` : `${step.to ? 'make it so' : 'make it not so'}: ${name.en}${on}`;
      return zh
        ? `将${name.zh}由${valueWords(catalog, step.fact, step.from, lang)}变为${constraintWords(catalog, step.fact, step.need, lang)}${on}`
        : `change ${name.en} from ${valueWords(catalog, step.fact, step.from, lang)} to ${constraintWords(catalog, step.fact, step.need, lang)}${on}`;
    }
    case 'answer': {
      const need = constraintWords(catalog, step.fact, step.need, lang);
      return zh ? `确认：${name.zh}${need ? `（须为：${need}）` : ''}${on}` : `confirm: ${name.en}${need ? ` (needs: ${need})` : ''}${on}`;
    }
  }
}
