// Groups a profile's rule results the way every report presents them (one grouping for every output),
// and ranks the questions that would decide undetermined rules (the fact deciding most rules first).
import type { Lang } from '../io/lang.ts';
import { builtinCatalog, defaultInputs, gateHolds, type FactCatalog } from '../facts/catalog.ts';
import type { FactValues } from '../facts/types.ts';
import { enterpriseFactSet, type RuleResult } from '../engine/evaluate.ts';
import { askableInputs } from '../engine/explain.ts';
import { leafTruth } from '../engine/native.ts';
import { combine, type EvaluatedCondition, type Truth } from '../engine/truth.ts';
import type { FieldLabel } from '../profile/fields.ts';
import type { Enterprise } from '../profile/enterprise.ts';
import { informationalKinds, isExclusion, restsOnDoubtfulFigure, type Rule } from '../rules/schema.ts';

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

/** The one place that decides where a result is shown: every report, the headline counts and the deadlines use it. */
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
 * What is asked for a missing fact follows the questions' structure, declared with the facts
 * (src/profile/facets/situations.ts): a fact one of the two checklists (企业情况, 正在办理的事项) answers is
 * asked through its checklist; a fact whose question a situation opens (askedIf: 保税维修的技术水平 once
 * the zone activities include repair) is asked only once that situation holds, and while it is unknown
 * the situation's question is asked instead; so a gate that rules out a family comes before any member.
 *
 * A question is ranked by what its answer is expected to settle for this enterprise: each possible answer
 * (yes and no, each value of an enum; for a number, date or list, the conditions on it coming out true,
 * then false) is tried on the evaluated trees; a result it would make apply counts 1, one it would rule
 * out a little, one it would bring a step nearer to applying one over the steps left; weighed by how
 * likely the answer is (a yes is unlikely: most situations do not arise for a given enterprise, unless
 * a situation the enterprise stated opened the question), by how many rules ask about the fact (a
 * general situation before a particular one), and by how deep in the enterprise's own thread it lies.
 * Ties: the question nearer to making its results apply (nearness), the one touching more results, the
 * fact's name; an incident's fact is asked per incident, in the incidents' order. A result evaluated
 * without its tree (a check lists its questions from the compiled verdicts) counts 1 for each of its
 * missing facts: the most frequent fact first. `known`: the enterprise's facts (without them the
 * structure is not followed); `skipped`: questions the person left unanswered, whose members are then
 * asked one by one.
 */
export function rankQuestions(
  results: readonly RuleResult[],
  catalog: FactCatalog = builtinCatalog,
  known?: FactValues,
  skipped: ReadonlySet<string> = new Set(),
): RankedQuestion[] {
  const byKey = new Map<string, Asking>();
  for (const r of results) {
    const group = verdictGroup(r);
    if (group !== 'undetermined' && group !== 'situational') continue;
    for (const missing of r.missingFacts) {
      const asked = known ? askedFor(missing, catalog, known, skipped) : { fact: missing, opened: false, depth: 0, via: [] };
      if (!asked) continue;
      const { fact } = asked;
      const def = catalog.definition(fact);
      const incidentId = def && def.scope !== 'enterprise' ? r.incidentId : undefined;
      const key = `${incidentId ?? ''}\u0000${fact}`;
      let a = byKey.get(key);
      if (!a) {
        const q = { fact, ...(incidentId !== undefined && { incidentId }), label: { zh: def?.zh ?? fact, en: def?.en ?? fact }, decides: [] };
        byKey.set(key, (a = { q, depth: 0, opened: false, through: [] }));
      }
      if (!a.q.decides.includes(r)) a.q.decides.push(r);
      a.depth = Math.max(a.depth, asked.depth);
      if (fact === missing) a.opened ||= asked.opened;
      else a.through.push({ result: r, fact: missing, gated: asked.via.length > 0 });
    }
  }
  const scored = [...byKey.values()].map(({ q, depth, opened, through }) => {
    // Results it decides as the question about its own fact, and those it decides only through another fact.
    const direct = q.decides.filter((r) => r.missingFacts.includes(q.fact));
    const onlyThrough = through.filter((route) => !direct.includes(route.result));
    const gain = expectedGain({ ...q, decides: direct }, catalog, opened) + onlyThrough.reduce((n, route) => n + routedGain(route, catalog), 0);
    const family = new Set(q.decides.map((r) => r.rule)).size;
    // How firmly the enterprise's own thread leads here: deeper, and through a situation that opens few questions.
    const thread = depth * (openedYesLikelihood(q.fact, catalog) / OPENED_YES_LIKELIHOOD);
    // What the answer settles, weighed up by how deep in the thread the enterprise opened the question lies.
    const score = gain * (1 + Math.log2(Math.max(catalog.rulesNaming(q.fact), family))) * (1 + THREAD_WEIGHT * thread);
    return { q, score, near: nearness(q, catalog) };
  });
  // A stable sort: questions of one fact keep the incidents' order.
  return scored.sort((a, b) => b.score - a.score || b.near - a.near || b.q.decides.length - a.q.decides.length || byFactName(a.q.fact, b.q.fact)).map(({ q }) => q);
}

/** A question as the ranker gathers it. */
interface Asking {
  q: RankedQuestion;
  /** How many gates that hold lead to it (see askedFor). */
  depth: number;
  /** Its fact's gate holds, so a yes is likelier. */
  opened: boolean;
  /** Results it decides through another fact: the checklist for the facts it answers, a gate for the facts it opens. */
  through: Route[];
}

/** A result a question decides through `fact`: answered by the question (a checklist), or opened by it (a gate). */
interface Route {
  result: RuleResult;
  fact: string;
  /** Reached through a gate (askedIf): the gate's yes only opens the question about `fact`. */
  gated: boolean;
}

/**
 * What to ask for a missing fact, given what is known: the fact itself; the checklist that answers it
 * while that is unanswered (a derived default's inputs); its gate (askedIf) while the gate is unknown;
 * nothing once the gate says the question does not arise. A checklist or gate the person skipped is
 * passed over: the fact is asked itself. `depth`: how many gates that hold lead to the question (the
 * thread the enterprise opened, followed first).
 */
function askedFor(
  fact: string,
  catalog: FactCatalog,
  known: FactValues,
  skipped: ReadonlySet<string>,
  via: readonly string[] = [],
): { fact: string; opened: boolean; depth: number; via: readonly string[] } | undefined {
  if (via.includes(fact)) return { fact, opened: false, depth: 0, via };
  const open = defaultInputs(fact)?.find((input) => known[input] === undefined && !skipped.has(input));
  if (open !== undefined) return askedFor(open, catalog, known, skipped, via);
  const gate = catalog.definition(fact)?.askedIf;
  if (!gate || skipped.has(gate.fact)) return { fact, opened: false, depth: 0, via };
  const holds = gateHolds(gate, known[gate.fact]);
  if (holds === false) return undefined;
  if (holds === null) return askedFor(gate.fact, catalog, known, skipped, [...via, fact]);
  return { fact, opened: true, depth: 1 + openedDepth(gate.fact, catalog, known), via };
}

/**
 * How likely a yes is to a question its gate opened: a situation that opens few questions says more
 * about each (开展全球维修 → 高技术、高附加值?) than one that opens many (出口货物 → 向塞尔维亚出口?).
 */
function openedYesLikelihood(fact: string, catalog: FactCatalog): number {
  const siblings = catalog.questionsOpenedWith(fact);
  return siblings === 0 ? OPENED_YES_LIKELIHOOD : Math.max(YES_LIKELIHOOD, Math.min(OPENED_YES_LIKELIHOOD, 1 / siblings));
}

/** How many gates that hold lead to a fact's question. */
function openedDepth(fact: string, catalog: FactCatalog, known: FactValues, seen = 0): number {
  const gate = catalog.definition(fact)?.askedIf;
  return gate && seen < 16 && gateHolds(gate, known[gate.fact]) === true ? 1 + openedDepth(gate.fact, catalog, known, seen + 1) : 0;
}

/** What a checklist or gate question is expected to settle through another fact (see rankQuestions). */
function routedGain(route: Route, catalog: FactCatalog): number {
  const through = resultGain(route.result, route.fact, catalog, route.gated ? openedYesLikelihood(route.fact, catalog) : YES_LIKELIHOOD);
  // A gate's yes (unlikely) only opens the question; its no sets the family aside.
  return route.gated ? YES_LIKELIHOOD * through + (1 - YES_LIKELIHOOD) * RULED_OUT_WORTH : through;
}

/** One possible answer to a question, with how likely it is: a value the fact may take, or every condition on it coming out one way. */
type Answer = ({ value: unknown } | { truth: boolean }) & { likelihood: number };

/**
 * How likely a yes is to a yes/no question nobody has answered: most situations a measure speaks to
 * (a zone, a pilot list, an application under way) do not arise for a given enterprise.
 */
const YES_LIKELIHOOD = 0.1;
/**
 * How much more a question weighs for each gate that holds above it, in full when that situation opens
 * few questions (开展全球维修 → 高技术、高附加值?), less when it opens many (出口货物 → 向塞尔维亚出口?): the
 * enterprise's own thread is followed before new situations are raised, unless one of those settles much more.
 */
const THREAD_WEIGHT = 8;
/** How likely a yes is, at most, once the question's gate holds (在综合保税区 → 开展保税维修?): the situation is the enterprise's. */
const OPENED_YES_LIKELIHOOD = 0.5;
/** What settling a result as not applying is worth, beside settling one as applying (1). */
const RULED_OUT_WORTH = 0.05;

/** The answers a question is weighed over (see rankQuestions). */
function possibleAnswers(fact: string, catalog: FactCatalog, yes = YES_LIKELIHOOD): Answer[] {
  const def = catalog.definition(fact);
  if (def?.type === 'boolean' && !def.derived)
    return [
      { value: true, likelihood: yes },
      { value: false, likelihood: 1 - yes },
    ];
  if (def?.type === 'enum' && !def.derived && def.values?.length) return def.values.map((value) => ({ value, likelihood: 1 / def.values!.length }));
  return [
    { truth: true, likelihood: yes },
    { truth: false, likelihood: 1 - yes },
  ];
}

/**
 * What an answer is expected to settle for this enterprise: each result it would make apply counts 1,
 * each it would rule out RULED_OUT_WORTH, weighed by how likely the answer is (a result without its
 * tree: 1); `opened`: the question's gate holds, a yes is likelier.
 */
function expectedGain(q: RankedQuestion, catalog: FactCatalog, opened = false): number {
  const yes = opened ? openedYesLikelihood(q.fact, catalog) : YES_LIKELIHOOD;
  return q.decides.reduce((gain, r) => gain + resultGain(r, q.fact, catalog, yes), 0);
}

/** What answering `fact` is expected to settle of one result (see expectedGain). */
function resultGain(r: RuleResult, fact: string, catalog: FactCatalog, yes: number): number {
  if (!r.tree) return 1;
  let gain = 0;
  let open = 0;
  for (const answer of possibleAnswers(fact, catalog, yes)) {
    const truth = truthWith(r.tree, fact, answer, catalog);
    if (truth !== null) gain += answer.likelihood * (truth ? 1 : RULED_OUT_WORTH);
    else open += answer.likelihood;
  }
  // An answer that leaves the result open but is a step on its cheapest way to apply brings it nearer.
  if (open > 0) {
    const steps = cost(r.tree).yes;
    if (Number.isFinite(steps) && steps > 1) {
      const path = new Set<string>();
      onCheapestPath(r.tree, true, path, catalog);
      if (path.has(fact)) gain += Math.min(open, yes) / steps;
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
function onCheapestPath(node: EvaluatedCondition, want: boolean, out: Set<string>, catalog: FactCatalog): void {
  if (node.value !== null) return;
  const c = node.condition;
  if ('fact' in c) {
    out.add(c.fact);
    for (const input of askableInputs(catalog, c.fact)) out.add(input);
    return;
  }
  if ('not' in c) return onCheapestPath(node.children[0]!, !want, out, catalog);
  const k = want ? 'yes' : 'no';
  // `all` made true and `any` made false need every open child; the others one cheapest child.
  const every = 'all' in c === want;
  const costs = node.children.map((child) => cost(child)[k]);
  const best = Math.min(...costs);
  node.children.forEach((child, i) => {
    if (every || costs[i] === best) onCheapestPath(child, want, out, catalog);
  });
}

/**
 * How near a question brings its results to applying: for each result whose cheapest way to apply asks
 * this fact, one over the number of answers that way takes. A result one answer from applying counts 1;
 * a gate counts a little for every member of its family.
 */
function nearness(q: RankedQuestion, catalog: FactCatalog): number {
  let near = 0;
  for (const r of q.decides) {
    if (!r.tree) continue;
    const steps = cost(r.tree).yes;
    if (!Number.isFinite(steps) || steps === 0) continue;
    const path = new Set<string>();
    onCheapestPath(r.tree, true, path, catalog);
    if (path.has(q.fact)) near += 1 / steps;
  }
  return near;
}

/** A tree's truth once `fact` is answered: the conditions on it (or on facts derived from it) re-read, the rest as evaluated. */
function truthWith(node: EvaluatedCondition, fact: string, answer: Answer, catalog: FactCatalog): Truth {
  if (node.value !== null) return node.value;
  const c = node.condition;
  if ('fact' in c) {
    if (c.fact === fact) return 'value' in answer ? leafTruth(c, { [fact]: answer.value }) : answer.truth;
    return 'truth' in answer && askableInputs(catalog, c.fact).includes(fact) ? answer.truth : null;
  }
  return combine(
    c,
    node.children.map((child) => truthWith(child, fact, answer, catalog)),
  );
}

/** How a question names its fact: `customsCredit`, or `TAX-1.underpaidTax` for an incident's fact. */
export const questionKey = (q: Pick<Question, 'fact' | 'incidentId'>) => (q.incidentId !== undefined ? `${q.incidentId}.${q.fact}` : q.fact);

/**
 * `known`: the enterprise's facts with its derived facts (enterpriseFactSet), so that the questions
 * follow the structure the facts declare (checklists, askedIf) as the question sequence does.
 */
export function groupResults(results: readonly RuleResult[], catalog: FactCatalog = builtinCatalog, known?: FactValues): ResultGroups {
  const groups: Omit<ResultGroups, 'questions'> = {
    applies: [],
    exclusions: [],
    rights: [],
    informational: [],
    undetermined: [],
    situational: [],
    doesNotApply: [],
    besideThePoint: [],
    exclusionsClear: [],
    notInForce: [],
  };
  for (const r of results) groups[verdictGroup(r)].push(r);
  return {
    ...groups,
    questions: rankQuestions(groups.undetermined, catalog, known).map((q) => ({ ...q, decides: q.decides.map(label) })),
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
 * A result's caveats (conditions only the authority judges), one line each, then the measures it is not
 * combined with (就高不重复), which every surface shows beside it too.
 */
export function caveatTexts(r: RuleResult, lang: Lang): string[] {
  const combined = notCombinedNote(r.rule);
  return [...(r.rule.caveats ?? []).map((c) => `${groupWords[lang].caveat}: ${c[lang]}`), ...(combined ? [combined[lang]] : [])];
}

/** "与…不重复享受，按就高" from a rule's notCombinedWith, with the words it rests on; undefined without one. */
export function notCombinedNote(rule: Pick<RuleResult['rule'], 'notCombinedWith'>): { zh: string; en: string } | undefined {
  const n = rule.notCombinedWith;
  if (!n) return undefined;
  // The other measures by their titles (the loader adds them), the ids only where a rule came without them.
  const named = (lang: Lang) => (n.titles ?? n.rules.map((id) => ({ zh: id, en: id }))).map((t) => (lang === 'zh' ? `「${t.zh}」` : `"${t.en}"`));
  const cap = n.cap !== undefined ? n.cap.toLocaleString('en-US') : '';
  return n.principle === 'highest'
    ? {
        zh: `与${named('zh').join('、')}不重复享受，按就高（"${n.source.quote}"）`,
        en: `not combined with ${named('en').join(', ')}: only the higher applies ("${n.source.quote}")`,
      }
    : {
        zh: `与${named('zh').join('、')}不重复享受，合计最高不超过${cap}元（"${n.source.quote}"）`,
        en: `not combined with ${named('en').join(', ')}: together at most ¥${cap} ("${n.source.quote}")`,
      };
}

/** The facts a result still needs, by their catalog labels (never the bare ids in the body of a report). */
export function missingFactLabels(r: RuleResult, lang: Lang, catalog: FactCatalog = builtinCatalog): string[] {
  return r.missingFacts.map((f) => catalog.definition(f)?.[lang] ?? f);
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
    CNY: ['', ''],
    'CNY/year': ['/年', ' a year'],
    percent: ['%', '%'],
    'percent/year': ['%/年', '% a year'],
    hours: ['小时', ' hours'],
    days: ['天', ' days'],
    'working-days': ['个工作日', ' working days'],
    months: ['个月', ' months'],
    years: ['年', ' years'],
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

// ---------------------------------------------------------------------------------------------------
// A person's result: the groups every output shows, in one order, with one table of words.

/**
 * The words of the groups a person's result is shown in, and of the badge an item of each carries: the page,
 * `huiqi check` and `huiqi report` all take them from here, so a group is called the same everywhere and a
 * badge says the group its item is listed in (never a status the item does not have).
 */
export const groupWords = {
  zh: {
    applies: '适用',
    exclusions: '适用的排除情形',
    undetermined: '待确认',
    rights: '您可以主张的权利',
    doesNotApply: '不适用',
    expired: '已失效',
    notYet: '尚未生效',
    notInForce: '已失效 / 尚未生效',
    informational: '政府工作目标与政策指引（仅供参考，不是可享受的措施）',
    situational: '视情形适用（相关情形是否发生尚不清楚）',
    besideThePoint: '所涉情形与本企业无关',
    exclusionsClear: '已核查且未触发的排除情形',
    rightsLater: '其他权利（所涉情形尚未发生或不明）',
    questions: '决定这些措施的问题',
    nextSteps: '下一步',
    handledBy: '受理部门',
    howToApply: '如何申请',
    byWhen: '期限',
    howMuch: '金额',
    noOffice: '文件未写明受理部门',
    window: '申请时间',
    caveat: '注意',
    failed: '未满足',
    needs: '需确认',
    expiredOn: (to: string) => `已于${to}失效`,
    notYetFrom: (from: string) => `自${from}起施行`,
    dateLabel: (date: string) => `判断日期 ${date}`,
    situationalCount: (n: number) => `另有 ${n} 项措施只在特定情形下适用`,
    rightsCount: (n: number) => `另有 ${n} 项权利所涉情形尚未发生或不明`,
    informationalCount: (n: number) => `${n} 项政府工作目标与政策指引（仅供参考）`,
    besideCount: (n: number) => `${n} 项所涉情形与本企业无关`,
    besideIncidentCount: (n: number) => `${n} 项所涉情形与本事项无关`,
    clearCount: (n: number) => `${n} 项排除情形已核查且未触发`,
    documentExpired: (doc: string, to: string) => `${doc}已于${to}失效`,
    noSuccessor: '目录中没有接续的文件；请向主管海关咨询本事项现在如何处理。',
    measures: '项',
  },
  en: {
    applies: 'Applies',
    exclusions: 'Exclusions that apply',
    undetermined: 'Undetermined',
    rights: 'Rights you can invoke',
    doesNotApply: 'Does not apply',
    expired: 'Expired',
    notYet: 'Not yet in force',
    notInForce: 'Expired / not yet in force',
    informational: 'Government targets and pointers (for information; not measures to claim)',
    situational: 'Situational (apply only if the situation arises; not known yet)',
    besideThePoint: 'About situations that do not arise here',
    exclusionsClear: 'Exclusions checked and not triggered',
    rightsLater: 'Other rights (their situation has not arisen or is not known)',
    questions: 'Questions that decide these measures',
    nextSteps: 'Next steps',
    handledBy: 'handled by',
    howToApply: 'how to apply',
    byWhen: 'by when',
    howMuch: 'how much',
    noOffice: 'the document names no office',
    window: 'application window',
    caveat: 'note',
    failed: 'not met',
    needs: 'needs',
    expiredOn: (to: string) => `expired on ${to}`,
    notYetFrom: (from: string) => `in force from ${from}`,
    dateLabel: (date: string) => `judged on ${date}`,
    situationalCount: (n: number) => `${n} more measure(s) apply only in situations not known to arise`,
    rightsCount: (n: number) => `${n} more right(s) whose situation has not arisen or is not known`,
    informationalCount: (n: number) => `${n} government target(s) and pointer(s) (for information)`,
    besideCount: (n: number) => `${n} about situations that do not arise here`,
    besideIncidentCount: (n: number) => `${n} about situations other than this incident`,
    clearCount: (n: number) => `${n} exclusion(s) checked and not triggered`,
    documentExpired: (doc: string, to: string) => `${doc} expired on ${to}`,
    noSuccessor: 'No successor is among the rules checked; ask the competent customs office how the matter is handled now.',
    measures: 'measure(s)',
  },
} as const;

/** Which side of its window a rule not in force falls, on the date that decides it (the evaluation date or its basis fact). */
export interface ForceWindow {
  side: 'expired' | 'not-yet';
  from?: string;
  to?: string;
  /** The date judged: the evaluation date, or the value of `basis` (e.g. the disclosure date). */
  date: string;
  basis?: string;
  /** The sentence that sets the window. */
  source?: Rule['effective']['source'];
}

/** The window of a result not in force and the side of it its date falls; undefined for a rule in force. */
export function forceWindow(r: RuleResult, profile: Pick<Enterprise, 'incidents'> & Record<string, unknown>, asOf: string): ForceWindow | undefined {
  if (r.status !== 'not-in-force') return undefined;
  const { from, to, basis, source } = r.rule.effective;
  let date = asOf;
  if (basis) {
    const incident = r.incidentId !== undefined ? (profile.incidents.find((i) => i.id === r.incidentId) as Record<string, unknown> | undefined) : undefined;
    const value = incident?.[basis] ?? profile[basis];
    if (typeof value === 'string') date = value;
  }
  const side = to !== undefined && date > to ? 'expired' : 'not-yet';
  return { side, ...(from !== undefined && { from }), ...(to !== undefined && { to }), date, ...(basis !== undefined && { basis }), ...(source && { source }) };
}

/** "已于2025-10-10失效" / "自2026-01-01起施行", with the sentence that sets the window when the rule file quotes one. */
export function windowText(w: ForceWindow, lang: Lang): string {
  const g = groupWords[lang];
  const when = w.side === 'expired' ? g.expiredOn(w.to!) : w.from ? g.notYetFrom(w.from) : g.notYet;
  // The quote is shown when it states the window (有效期…, 自…起至…); a document's issue line only dates its start.
  const states = w.source?.quote !== undefined && /有效期|起至|至.{0,12}[日止]/.test(w.source.quote);
  const quote = states ? (lang === 'zh' ? `（「${w.source!.quote}」）` : ` (「${w.source!.quote}」)`) : '';
  return `${when}${quote}`;
}

/** The fields a rule file may give about what to do next (optional: a rule without them still reads). */
interface NextStepFields {
  handledBy?: readonly { zh: string; en?: string }[];
  handledByUnstated?: { zh: string; en: string };
  howToApply?: { zh: string; en?: string };
  applicationWindow?: { from?: string; to?: string; zh?: string; en?: string };
}

/** What to do next on a measure, one [label, text] per line: who handles it, how to apply, when, how much. */
export function nextStepLines(r: RuleResult, lang: Lang, deadlinesOf: readonly string[] = []): [string, string][] {
  const g = groupWords[lang];
  const rule = r.rule as Rule & NextStepFields;
  const sep = lang === 'zh' ? '、' : '; ';
  const office = rule.handledBy?.length
    ? rule.handledBy.map((o) => (lang === 'en' && o.en ? o.en : o.zh)).join(sep)
    : rule.handledByUnstated
      ? lang === 'zh'
        ? `${g.noOffice}（${rule.handledByUnstated.zh}）`
        : `${g.noOffice} (${rule.handledByUnstated.en})`
      : g.noOffice;
  const lines: [string, string][] = [[g.handledBy, office]];
  if (rule.howToApply) lines.push([g.howToApply, (lang === 'en' && rule.howToApply.en) || rule.howToApply.zh]);
  const w = rule.applicationWindow;
  const windowWords = w && ((lang === 'en' && w.en) || w.zh || [w.from, w.to].filter(Boolean).join(' – '));
  const when = [...(windowWords ? [windowWords] : []), ...deadlinesOf];
  if (when.length) lines.push([g.byWhen, when.join(lang === 'zh' ? '；' : '; ')]);
  const amount = amountText(rule.outcome.amount, lang);
  if (amount) lines.push([g.howMuch, amount]);
  return lines;
}

/**
 * A person's result in the order every output shows it: 适用 (with what to do next), the exclusions that
 * apply, 待确认 (with the questions that decide them), the rights whose situation is known to arise (the rest
 * counted), 不适用, then 已失效 and 尚未生效 (each with its date). Goals, situational measures, situations
 * that do not arise and exclusions not triggered are counted.
 */
export interface PersonResult {
  applies: RuleResult[];
  exclusions: RuleResult[];
  undetermined: RuleResult[];
  questions: Question[];
  rights: RuleResult[];
  doesNotApply: RuleResult[];
  expired: { r: RuleResult; window: ForceWindow }[];
  notYet: { r: RuleResult; window: ForceWindow }[];
  /** Not in force, about a situation that does not arise here: counted with besideThePoint. */
  counted: { rightsLater: number; informational: number; situational: number; besideThePoint: number; exclusionsClear: number };
}

export function personResult(
  results: readonly RuleResult[],
  profile: Pick<Enterprise, 'incidents'> & Record<string, unknown>,
  asOf: string,
  catalog: FactCatalog = builtinCatalog,
): PersonResult {
  const g = groupResults(results, catalog, enterpriseFactSet(profile, asOf));
  const expired: PersonResult['expired'] = [];
  const notYet: PersonResult['notYet'] = [];
  let beside = g.besideThePoint.length;
  for (const r of g.notInForce) {
    if (r.relevant === false) {
      beside++;
      continue;
    }
    const window = forceWindow(r, profile, asOf)!;
    (window.side === 'expired' ? expired : notYet).push({ r, window });
  }
  const rights = g.rights.filter((r) => r.relevant === true);
  return {
    applies: g.applies,
    exclusions: g.exclusions,
    undetermined: g.undetermined,
    questions: g.questions,
    rights,
    doesNotApply: g.doesNotApply,
    expired,
    notYet,
    counted: {
      rightsLater: g.rights.length - rights.length,
      informational: g.informational.length,
      situational: g.situational.length,
      besideThePoint: beside,
      exclusionsClear: g.exclusionsClear.length,
    },
  };
}

/** The counted lines of a person's result, in words ("另有 81 项措施只在特定情形下适用"). */
export function countedTexts(p: PersonResult, lang: Lang, of: 'enterprise' | 'incident' = 'enterprise'): string[] {
  const g = groupWords[lang];
  const c = p.counted;
  const beside = of === 'incident' ? g.besideIncidentCount : g.besideCount;
  return [
    ...(c.rightsLater ? [g.rightsCount(c.rightsLater)] : []),
    ...(c.situational ? [g.situationalCount(c.situational)] : []),
    ...(c.informational ? [g.informationalCount(c.informational)] : []),
    ...(c.besideThePoint ? [beside(c.besideThePoint)] : []),
    ...(c.exclusionsClear ? [g.clearCount(c.exclusionsClear)] : []),
  ];
}

/** The headline: each group's count, equal to what is listed under it. */
export function headlineText(p: PersonResult, lang: Lang): string {
  const g = groupWords[lang];
  const parts: [number, string][] = [
    [p.applies.length, g.applies],
    [p.undetermined.length, g.undetermined],
    [p.rights.length, g.rights],
    [p.doesNotApply.length, g.doesNotApply],
  ];
  if (p.exclusions.length) parts.splice(1, 0, [p.exclusions.length, g.exclusions]);
  if (p.expired.length) parts.push([p.expired.length, g.expired]);
  if (p.notYet.length) parts.push([p.notYet.length, g.notYet]);
  return parts.map(([n, word]) => (lang === 'zh' ? `${word} ${n} 项` : `${word}: ${n}`)).join(' · ');
}

/**
 * For an incident whose measures are all out of their window: each document whose window ended before the
 * incident's date, and whether any rule of another document in force covers the incident (a successor).
 */
export function expiredDocuments(
  incidentResults: readonly RuleResult[],
  profile: Pick<Enterprise, 'incidents'> & Record<string, unknown>,
  asOf: string,
): { docNumber: string; title: string; to: string; quote?: string; successor: boolean }[] {
  const byDoc = new Map<string, { docNumber: string; title: string; to: string; quote?: string; successor: boolean }>();
  const inForceDocs = new Set(incidentResults.filter((r) => r.status !== 'not-in-force').map((r) => r.rule.source.docNumber));
  for (const r of incidentResults) {
    const w = forceWindow(r, profile, asOf);
    if (w?.side !== 'expired' || byDoc.has(r.rule.source.docNumber)) continue;
    const doc = r.rule.source;
    byDoc.set(doc.docNumber, {
      docNumber: doc.docNumber,
      title: doc.title,
      to: w.to!,
      ...(w.source?.quote && { quote: w.source.quote }),
      successor: [...inForceDocs].some((d) => d !== doc.docNumber),
    });
  }
  return [...byDoc.values()];
}
