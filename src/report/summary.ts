// Groups a profile's rule results the way every report presents them (one grouping for every output),
// and ranks the questions that would decide undetermined rules (the fact deciding most rules first).
import type { Lang } from '../io/lang.ts';
import { factDefinition } from '../facts/catalog.ts';
import type { RuleResult } from '../engine/evaluate.ts';
import { askableInputs } from '../engine/explain.ts';
import { leafTruth } from '../engine/native.ts';
import { combine, type EvaluatedCondition, type Truth } from '../engine/truth.ts';
import type { FieldLabel } from '../profile/fields.ts';
import { informationalKinds, isExclusion, restsOnDoubtfulFigure } from '../rules/schema.ts';


/** A fact to ask for: an enterprise fact, or an incident's (asked once per incident). */
export interface QuestionFact {
  fact: string;
  /** The incident an incident fact belongs to; absent for an enterprise fact. */
  incidentId?: string;
  label: FieldLabel;
}

export interface Question extends QuestionFact {
  /** Rule results (rule × incident) this answer helps decide. */
  decides: string[];
}

/** A question with the results it decides, as the ranker gives it. */
export interface RankedQuestion extends QuestionFact {
  decides: RuleResult[];
}

export interface ResultGroups {
  /** Benefits that apply. */
  applies: RuleResult[];
  /** Disqualifications that apply: warnings, not benefits. */
  exclusions: RuleResult[];
  /**
   * Protections (kind `right`) the enterprise can invoke when the situation happens to it: whether it has
   * happened, may happen or is not known to. Never counted among what applies, never "unlocked".
   */
  rights: RuleResult[];
  /** Government targets and pointers to other policies (goal, pointer): shown apart, never counted as eligible, never valued. */
  informational: RuleResult[];
  /** Undetermined rules whose situation (trigger) holds: their questions are worth asking. */
  undetermined: RuleResult[];
  /** Rules about a situation not known to arise (trigger unknown): they matter only if it does. */
  situational: RuleResult[];
  doesNotApply: RuleResult[];
  /** Rules about a situation that does not arise for this profile (trigger false). */
  besideThePoint: RuleResult[];
  /** Disqualifications checked and not triggered: good news, listed apart from benefits that do not apply. */
  exclusionsClear: RuleResult[];
  notInForce: RuleResult[];
  questions: Question[];
}

const label = (r: RuleResult) => (r.incidentId ? `${r.ruleId} (${r.incidentId})` : r.ruleId);

export type VerdictGroup = Exclude<keyof ResultGroups, 'questions'>;

/** The one place that decides where a result is shown: every report, the summary counts and the deadlines use it. */
export function verdictGroup(r: RuleResult): VerdictGroup {
  if (r.status === 'not-in-force') return 'notInForce';
  const kind = r.rule.kind;
  const ineligible = r.status === 'ineligible';
  if (isExclusion(r.rule)) return r.status === 'eligible' ? 'exclusions' : ineligible ? 'exclusionsClear' : r.relevant === true ? 'undetermined' : 'situational';
  // A right whose situation does not arise now is still the enterprise's should it arise; one whose
  // situation arises but whose conditions fail does not apply.
  if (kind === 'right') return ineligible && r.relevant !== false ? 'doesNotApply' : 'rights';
  // A goal or pointer, met or open, is information: its questions decide nothing the enterprise can claim;
  // one that does not concern the enterprise is not news either ("does not apply" lists lost entitlements).
  if (informationalKinds.includes(kind)) return ineligible ? 'besideThePoint' : 'informational';
  if (ineligible) return r.relevant === false ? 'besideThePoint' : 'doesNotApply';
  if (r.status === 'eligible') return 'applies';
  return r.relevant === true ? 'undetermined' : 'situational';
}

/** localeCompare's order (the same default collation), with the collator made once rather than per comparison. */
const byFactName = new Intl.Collator().compare;

/**
 * The one question sequence, for `check`, `report`, `ask`, the self-check page and POST /api/v1/questions:
 * the missing facts of undetermined measures and exclusions, whether their situation arises (trigger true)
 * or is not known yet (a situation question such as 在综合保税区? is a question like any other). Rights,
 * goals and pointers decide nothing to claim and ask nothing.
 *
 * A question is ranked by what its answer is expected to settle for this enterprise: each possible answer
 * (yes and no, each value of an enum; for a number, date or list, the conditions on it coming out true,
 * then false) is tried on the evaluated trees; a result it would make apply counts 1, one it would rule
 * out a little, weighed by how likely the answer is (a yes is unlikely: most situations do not arise for
 * a given enterprise). A gate whose "no" rules out a family of measures thereby comes before any member
 * of the family, and a question whose likely answer makes a measure apply before one that only might.
 * Ties: the question nearer to making its results apply (nearness), the one touching more results, the
 * fact's name; an incident's fact is asked per incident, in the incidents' order. A result evaluated
 * without its tree (a check lists its questions from the compiled verdicts) counts 1 for each of its
 * missing facts: the most frequent fact first.
 */
export function rankQuestions(results: readonly RuleResult[]): RankedQuestion[] {
  const byKey = new Map<string, RankedQuestion>();
  for (const r of results) {
    const group = verdictGroup(r);
    if (group !== 'undetermined' && group !== 'situational') continue;
    for (const fact of r.missingFacts) {
      const def = factDefinition(fact);
      const incidentId = def && def.scope !== 'enterprise' ? r.incidentId : undefined;
      const key = `${incidentId ?? ''}\u0000${fact}`;
      const q = byKey.get(key) ?? { fact, ...(incidentId !== undefined && { incidentId }), label: { zh: def?.zh ?? fact, en: def?.en ?? fact }, decides: [] };
      q.decides.push(r);
      byKey.set(key, q);
    }
  }
  const scored = [...byKey.values()].map((q) => ({ q, gain: expectedGain(q), near: nearness(q) }));
  // A stable sort: questions of one fact keep the incidents' order.
  return scored
    .sort((a, b) => b.gain - a.gain || b.near - a.near || b.q.decides.length - a.q.decides.length || byFactName(a.q.fact, b.q.fact))
    .map(({ q }) => q);
}

/** One possible answer to a question, with how likely it is: a value the fact may take, or every condition on it coming out one way. */
type Answer = ({ value: unknown } | { truth: boolean }) & { likelihood: number };

/**
 * How likely a yes is to a yes/no question nobody has answered: most situations a measure speaks to
 * (a zone, a pilot list, an application under way) do not arise for a given enterprise.
 */
const YES_LIKELIHOOD = 0.1;
/** What settling a result as not applying is worth, beside settling one as applying (1). */
const RULED_OUT_WORTH = 0.05;

/** The answers a question is weighed over (see rankQuestions). */
function possibleAnswers(fact: string): Answer[] {
  const def = factDefinition(fact);
  if (def?.type === 'boolean' && !def.derived) return [{ value: true, likelihood: YES_LIKELIHOOD }, { value: false, likelihood: 1 - YES_LIKELIHOOD }];
  if (def?.type === 'enum' && !def.derived && def.values?.length) return def.values.map((value) => ({ value, likelihood: 1 / def.values!.length }));
  return [{ truth: true, likelihood: YES_LIKELIHOOD }, { truth: false, likelihood: 1 - YES_LIKELIHOOD }];
}

/**
 * What an answer is expected to settle for this enterprise: each result it would make apply counts 1,
 * each it would rule out RULED_OUT_WORTH, weighed by how likely the answer is (a result without its
 * tree: 1).
 */
function expectedGain(q: RankedQuestion): number {
  const answers = possibleAnswers(q.fact);
  let gain = 0;
  for (const r of q.decides) {
    if (!r.tree) {
      gain += 1;
      continue;
    }
    for (const answer of answers) {
      const truth = truthWith(r.tree, q.fact, answer);
      if (truth !== null) gain += answer.likelihood * (truth ? 1 : RULED_OUT_WORTH);
    }
  }
  return gain;
}

/** The fewest answers that make a tree true and false (a leaf not known: one), ignoring a fact met twice. */
function cost(node: EvaluatedCondition): { yes: number; no: number } {
  if (node.value === true) return { yes: 0, no: Infinity };
  if (node.value === false) return { yes: Infinity, no: 0 };
  const c = node.condition;
  if ('fact' in c) return { yes: 1, no: 1 };
  const parts = node.children.map(cost);
  if ('not' in c) return { yes: parts[0]!.no, no: parts[0]!.yes };
  const sum = (k: 'yes' | 'no') => parts.reduce((n, p) => n + p[k], 0);
  const min = (k: 'yes' | 'no') => Math.min(...parts.map((p) => p[k]));
  return 'all' in c ? { yes: sum('yes'), no: min('no') } : { yes: min('yes'), no: sum('no') };
}

/** The facts on a cheapest way to make a tree come out `want`. */
function onCheapestPath(node: EvaluatedCondition, want: boolean, out: Set<string>): void {
  if (node.value !== null) return;
  const c = node.condition;
  if ('fact' in c) {
    out.add(c.fact);
    for (const input of askableInputs(c.fact)) out.add(input);
    return;
  }
  if ('not' in c) return onCheapestPath(node.children[0]!, !want, out);
  const k = want ? 'yes' : 'no';
  // `all` made true and `any` made false need every open child; the others one cheapest child.
  const every = ('all' in c) === want;
  const costs = node.children.map((child) => cost(child)[k]);
  const best = Math.min(...costs);
  node.children.forEach((child, i) => {
    if (every || costs[i] === best) onCheapestPath(child, want, out);
  });
}

/**
 * How near a question brings its results to applying: for each result whose cheapest way to apply asks
 * this fact, one over the number of answers that way takes. A result one answer from applying counts 1;
 * a gate counts a little for every member of its family.
 */
function nearness(q: RankedQuestion): number {
  let near = 0;
  for (const r of q.decides) {
    if (!r.tree) continue;
    const steps = cost(r.tree).yes;
    if (!Number.isFinite(steps) || steps === 0) continue;
    const path = new Set<string>();
    onCheapestPath(r.tree, true, path);
    if (path.has(q.fact)) near += 1 / steps;
  }
  return near;
}

/** A tree's truth once `fact` is answered: the conditions on it (or on facts derived from it) re-read, the rest as evaluated. */
function truthWith(node: EvaluatedCondition, fact: string, answer: Answer): Truth {
  if (node.value !== null) return node.value;
  const c = node.condition;
  if ('fact' in c) {
    if (c.fact === fact) return 'value' in answer ? leafTruth(c, { [fact]: answer.value }) : answer.truth;
    return 'truth' in answer && askableInputs(c.fact).includes(fact) ? answer.truth : null;
  }
  return combine(c, node.children.map((child) => truthWith(child, fact, answer)));
}

/** How a question names its fact: `customsCredit`, or `TAX-1.underpaidTax` for an incident's fact. */
export const questionKey = (q: Pick<Question, 'fact' | 'incidentId'>) => (q.incidentId !== undefined ? `${q.incidentId}.${q.fact}` : q.fact);

export function groupResults(results: readonly RuleResult[]): ResultGroups {
  const groups: Omit<ResultGroups, 'questions'> = {
    applies: [], exclusions: [], rights: [], informational: [], undetermined: [], situational: [],
    doesNotApply: [], besideThePoint: [], exclusionsClear: [], notInForce: [],
  };
  for (const r of results) groups[verdictGroup(r)].push(r);
  return {
    ...groups,
    questions: rankQuestions(groups.undetermined).map((q) => ({ ...q, decides: q.decides.map(label) })),
  };
}

/** Whether a result rests on a doubtful figure (a `confidence: low` rule, e.g. from the machine-garbled Hubei seed). */
export const isDoubtful = (r: RuleResult): boolean => restsOnDoubtfulFigure(r.rule);

/** What every output says beside a result of a low-confidence rule. */
export function doubtText(r: RuleResult, lang: Lang): string | undefined {
  if (!isDoubtful(r)) return undefined;
  const reason = r.rule.confidence!.reason[lang];
  return lang === 'zh'
    ? `数字存疑：政策原文中的数字不可靠（${reason}），请先向发文机关核实实际数字，再据此办理`
    : `doubtful figure: the figure in the source is doubtful (${reason}); confirm the real figure with the issuing authority before relying on it`;
}

/**
 * A result's caveats (conditions only the authority judges), one line each: "unless customs judges …", then
 * the measures it is not combined with (就高不重复), which every surface shows beside it too.
 */
export function caveatTexts(r: RuleResult, lang: Lang): string[] {
  const combined = notCombinedNote(r.rule);
  return [...(r.rule.caveats ?? []).map((c) => `${lang === 'zh' ? '但书' : 'caveat'}: ${c[lang]}`), ...(combined ? [combined[lang]] : [])];
}

/** "与…不重复享受，按就高" from a rule's notCombinedWith, with the words it rests on; undefined without one. */
export function notCombinedNote(rule: Pick<RuleResult['rule'], 'notCombinedWith'>): { zh: string; en: string } | undefined {
  const n = rule.notCombinedWith;
  if (!n) return undefined;
  const ids = n.rules.join('、');
  const cap = n.cap !== undefined ? n.cap.toLocaleString('en-US') : '';
  return n.principle === 'highest'
    ? { zh: `与 ${ids} 不重复享受，按就高（"${n.source.quote}"）`, en: `not combined with ${n.rules.join(', ')}: only the higher applies ("${n.source.quote}")` }
    : { zh: `与 ${ids} 不重复享受，合计最高不超过${cap}元（"${n.source.quote}"）`, en: `not combined with ${n.rules.join(', ')}: together at most ¥${cap} ("${n.source.quote}")` };
}

/** The facts a result still needs, by their catalog labels (never the bare ids in the body of a report). */
export function missingFactLabels(r: RuleResult, lang: Lang): string[] {
  return r.missingFacts.map((f) => factDefinition(f)?.[lang] ?? f);
}

/** When a right applies: now (its situation has arisen) or the situation it waits for, in plain words. */
export function rightSituation(r: RuleResult, lang: Lang): string {
  if (r.status === 'eligible') return lang === 'zh' ? '所涉情形已发生，现可主张' : 'the situation has arisen: it can be invoked now';
  const open = r.status === 'undetermined' ? r.openConditions : r.failedConditions;
  // A right whose situation is not known yet has no open condition of its own: name what is not known.
  const named = open.length ? open.map((c) => c[lang]) : missingFactLabels(r, lang);
  if (!named.length) return lang === 'zh' ? '所涉情形发生时可主张' : 'can be invoked if its situation arises';
  const words = named.join(lang === 'zh' ? '；' : '; ');
  return lang === 'zh' ? `如发生以下情形即可主张：${words}` : `can be invoked if this happens: ${words}`;
}

/** "¥50,000–200,000", "up to 1% a year", … from an outcome amount. */
export function amountText(amount: RuleResult['rule']['outcome']['amount'], lang: Lang): string | undefined {
  if (!amount) return undefined;
  const money = amount.unit.startsWith('CNY');
  const fmt = (n: number) => (money ? `¥${n.toLocaleString('en-US')}` : String(n));
  const units: Record<string, [string, string]> = {
    CNY: ['', ''], 'CNY/year': ['/年', ' a year'], percent: ['%', '%'], 'percent/year': ['%/年', '% a year'],
    hours: ['小时', ' hours'], days: ['天', ' days'], 'working-days': ['个工作日', ' working days'], months: ['个月', ' months'], years: ['年', ' years'],
  };
  const [zhUnit, enUnit] = units[amount.unit]!;
  const unit = lang === 'zh' ? zhUnit : enUnit;
  const { min, max } = amount;
  if (min !== undefined && max !== undefined && min !== max) return `${fmt(min)}–${fmt(max)}${unit}`;
  if (max !== undefined && min === undefined) return lang === 'zh' ? `最高${fmt(max)}${unit}` : `up to ${fmt(max)}${unit}`;
  return `${fmt((min ?? max)!)}${unit}`;
}

/** How a result is named in a report: the rule's title, with the incident it concerns. */
export function resultTitle(r: RuleResult, lang: Lang): string {
  const title = r.rule.title[lang];
  return r.incidentId ? `${title} [${lang === 'zh' ? '事项' : 'incident'} ${r.incidentId}]` : title;
}

/** "海关总署公告2023年第127号 第一条第（一）项" */
export function citationText(r: RuleResult): string {
  const { docNumber, title, article } = r.rule.source;
  // Documents published without a 文号 are named by their title.
  return docNumber.includes('无文号') ? `《${title}》 ${article}` : `${docNumber} ${article}`;
}
