// Groups a profile's rule results the way every report presents them, and ranks the questions
// that would decide undetermined rules (the fact deciding most rules first).
import { factDefinition } from '../facts/catalog.ts';
import type { RuleResult } from '../engine/evaluate.ts';
import type { FieldLabel } from '../profile/fields.ts';

export type Lang = 'zh' | 'en';

export interface Question {
  fact: string;
  label: FieldLabel;
  /** Rule results (rule × incident) this answer helps decide. */
  decides: string[];
}

export interface ResultGroups {
  /** Benefits that apply. */
  applies: RuleResult[];
  /** Disqualifications that apply: warnings, not benefits. */
  exclusions: RuleResult[];
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

export function groupResults(results: readonly RuleResult[]): ResultGroups {
  const isExclusion = (r: RuleResult) => r.rule.kind === 'disqualification';
  const byFact = new Map<string, Question>();
  const undetermined = results.filter((r) => r.status === 'undetermined' && r.relevant === true);
  for (const r of undetermined) {
    for (const fact of r.missingFacts) {
      const def = factDefinition(fact);
      const q = byFact.get(fact) ?? { fact, label: { zh: def?.zh ?? fact, en: def?.en ?? fact }, decides: [] };
      q.decides.push(label(r));
      byFact.set(fact, q);
    }
  }
  return {
    applies: results.filter((r) => r.status === 'eligible' && !isExclusion(r)),
    exclusions: results.filter((r) => r.status === 'eligible' && isExclusion(r)),
    undetermined,
    situational: results.filter((r) => r.status === 'undetermined' && r.relevant !== true),
    doesNotApply: results.filter((r) => r.status === 'ineligible' && r.relevant !== false && !isExclusion(r)),
    besideThePoint: results.filter((r) => r.status === 'ineligible' && r.relevant === false && !isExclusion(r)),
    exclusionsClear: results.filter((r) => r.status === 'ineligible' && isExclusion(r)),
    notInForce: results.filter((r) => r.status === 'not-in-force'),
    questions: [...byFact.values()].sort((a, b) => b.decides.length - a.decides.length || a.fact.localeCompare(b.fact)),
  };
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
