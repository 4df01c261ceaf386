// Deadlines: where a verdict depends on when the user acts, the last day to act and what changes after it.
// Data-driven: date windows come from the derived facts that declare one (`window` in src/facts/derived.ts,
// e.g. "disclosed within 6 months of the violation", "30 to 90 days before the advance ruling expires"),
// validity periods from the rules' `effective` blocks. Whether a rule is at stake is decided by evaluating
// it with the act on the last day and on the day after, so nothing here knows a rule.
import { addDays } from 'date-fns/addDays';
import { formatISO } from 'date-fns/formatISO';
import { parseISO } from 'date-fns/parseISO';
import { builtinCatalog, type FactCatalog } from '../facts/catalog.ts';
import { derivedFacts } from '../facts/derived.ts';
import type { PeriodEnd } from '../facts/holidays.ts';
import { AS_OF, type DateWindow } from '../facts/types.ts';
import type { FactValues } from '../facts/types.ts';
import type { Enterprise } from '../profile/enterprise.ts';
import type { FieldLabel } from '../profile/fields.ts';
import type { Condition, Status } from '../rules/schema.ts';
import { inForce, statusOf, type RuleResult } from './evaluate.ts';
import { isEntitlement } from '../rules/schema.ts';
import { ruleFacts } from './gap.ts';
import { evaluateCondition } from './native.ts';
import { childConditions } from './truth.ts';

export interface Deadline {
  /**
   * 'window': a date window of a derived fact; 'validity': the last day a measure covers, judged on a date
   * the user still controls (its basis, e.g. the disclosure date); 'expiry': the last day a measure that
   * applies (or may apply) is in force.
   */
  kind: 'window' | 'validity' | 'expiry';
  incidentId?: string;
  /** The date that must fall in the window: a profile date fact (disclosureDate) or AS_OF (the day one applies). */
  input: string;
  /** First and last day to act (inclusive); `from` may lie in the future ("not before"). */
  from: string;
  lastDay: string;
  act: FieldLabel;
  purpose: FieldLabel;
  /** Measures still possible when acting on the last day that are lost the day after. */
  lost: RuleResult[];
  /** Measures that only become possible after the last day (e.g. "more than 6 months"). */
  gained: RuleResult[];
  /**
   * The last day ends a period counted from an event (the window's `period`): `lastDay` is then the day
   * 《民法典》第二百零三条 moves it to off a holiday, and `end` the day counted and the holidays passed.
   */
  period?: true;
  end?: PeriodEnd;
}

const isoDay = (d: Date) => formatISO(d, { representation: 'date' });
const nextDay = (iso: string) => isoDay(addDays(parseISO(iso), 1));

function mentions(c: Condition, fact: string): boolean {
  return 'fact' in c ? c.fact === fact : childConditions(c).some((child) => mentions(child, fact));
}

/** The rule's status if `input` took the value `on` (or, for AS_OF, if the user acted on that day). */
export function statusWith(profile: Enterprise, r: RuleResult, asOf: string, input: string, on: string, catalog: FactCatalog = builtinCatalog): Status {
  const { all } = ruleFacts(profile, r, asOf, { [input]: on }, catalog);
  const day = input === AS_OF ? on : asOf;
  return statusOf(r.rule, inForce(r.rule, all, day), evaluateCondition(r.rule.conditions, all).value);
}

const possible = (s: Status) => s === 'eligible' || s === 'undetermined';

/** A date input is still open when it is the acting day itself, or not yet given, or not yet reached. */
function open(input: string, facts: FactValues, asOf: string): boolean {
  if (input === AS_OF) return true;
  const value = facts[input];
  return value === undefined || (typeof value === 'string' && value >= asOf);
}

/** Every deadline still ahead on `asOf`, soonest first. Only deadlines that decide some measure are listed. */
export function deadlines(profile: Enterprise, results: readonly RuleResult[], asOf: string, catalog: FactCatalog = builtinCatalog): Deadline[] {
  // Entitlements only: a right, a goal or a pointer has nothing to claim by a day.
  const benefits = results.filter((r) => isEntitlement(r.rule) && r.status !== 'not-in-force');
  const groups = new Map<string, RuleResult[]>();
  for (const r of results) {
    const key = r.incidentId ?? '';
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const out: Deadline[] = [];

  for (const [key, scoped] of groups) {
    const sample = scoped[0]!;
    const { profile: profileFacts, all } = ruleFacts(profile, sample, asOf, {}, catalog);
    const incidentId = key === '' ? undefined : key;
    const scope = incidentId === undefined ? 'enterprise' : profile.incidents.find((i) => i.id === incidentId)!.kind;

    // Date windows of derived facts.
    for (const fact of derivedFacts) {
      const window: DateWindow | undefined = fact.window;
      if (!window || fact.scope !== scope) continue;
      if (!open(window.input, profileFacts, asOf)) continue;
      const range = window.range(all);
      if (!range || range.to < asOf) continue;
      const relevant = benefits.filter((r) => (r.incidentId ?? '') === key && mentions(r.rule.conditions, fact.name));
      const on = range.from > asOf ? range.from : asOf;
      const lost = relevant.filter(
        (r) => possible(statusWith(profile, r, asOf, window.input, range.to, catalog)) && !possible(statusWith(profile, r, asOf, window.input, nextDay(range.to), catalog)),
      );
      const gained = relevant.filter(
        (r) => !possible(statusWith(profile, r, asOf, window.input, on, catalog)) && possible(statusWith(profile, r, asOf, window.input, nextDay(range.to), catalog)),
      );
      if (!lost.length) continue;
      out.push({
        kind: 'window',
        ...(incidentId !== undefined && { incidentId }),
        input: window.input,
        from: on,
        lastDay: range.to,
        act: window.act,
        purpose: window.purpose,
        lost,
        gained,
        ...(window.period && { period: window.period }),
        ...(range.end && { end: range.end }),
      });
    }

    // Validity periods judged on a date the user still controls (e.g. the disclosure date).
    const byEnd = new Map<string, RuleResult[]>();
    for (const r of benefits) {
      const { basis, to } = r.rule.effective;
      if ((r.incidentId ?? '') !== key || !basis || !to || to < asOf || !open(basis, profileFacts, asOf)) continue;
      if (!possible(statusWith(profile, r, asOf, basis, to, catalog))) continue;
      const k = `${basis}\u0000${to}`;
      byEnd.set(k, [...(byEnd.get(k) ?? []), r]);
    }
    for (const [k, lost] of byEnd) {
      const [basis, to] = k.split('\u0000') as [string, string];
      const first = lost[0]!.rule;
      const window = derivedFacts.find((f) => f.window?.input === basis)?.window;
      const basisName = catalog.definition(basis);
      out.push({
        kind: 'validity',
        ...(incidentId !== undefined && { incidentId }),
        input: basis,
        from: first.effective.from && first.effective.from > asOf ? first.effective.from : asOf,
        lastDay: to,
        act: window?.act ?? { zh: basisName?.zh ?? basis, en: basisName?.en ?? basis },
        purpose: { zh: `适用${first.source.docNumber}（有效期至${to}）`, en: `to be covered by ${first.source.docNumber} (in force until ${to})` },
        lost,
        gained: [],
      });
    }
  }
  // Measures in force until a date, judged on the evaluation date: use them before they expire.
  const expiring = new Map<string, RuleResult[]>();
  for (const r of benefits) {
    const { basis, to } = r.rule.effective;
    if (basis || !to || to < asOf || !possible(r.status)) continue;
    const k = `${r.rule.source.docNumber}\u0000${to}`;
    expiring.set(k, [...(expiring.get(k) ?? []), r]);
  }
  for (const [k, lost] of expiring) {
    const [doc, to] = k.split('\u0000') as [string, string];
    out.push({
      kind: 'expiry',
      input: AS_OF,
      from: asOf,
      lastDay: to,
      act: { zh: '申请适用', en: 'use or apply for these measures' },
      purpose: { zh: `${doc}有效期至${to}`, en: `while ${doc} is in force (until ${to})` },
      lost,
      gained: [],
    });
  }
  return out.sort((a, b) => a.lastDay.localeCompare(b.lastDay) || (a.incidentId ?? '').localeCompare(b.incidentId ?? ''));
}

/** "disclose by 2025-03-14 to stay within 6 months of the violation" */
export function describeDeadline(d: Deadline, lang: 'zh' | 'en', asOf?: string): string {
  const later = asOf !== undefined && d.from > asOf;
  const on = d.incidentId !== undefined ? (lang === 'zh' ? `（事项 ${d.incidentId}）` : ` (incident ${d.incidentId})`) : '';
  if (lang === 'zh') return `${later ? `${d.from}至` : ''}${d.lastDay}${later ? '期间' : '或之前'}${d.act.zh}（${d.purpose.zh}）${on}`;
  return `${d.act.en} ${later ? `between ${d.from} and ${d.lastDay}` : `by ${d.lastDay}`} ${d.purpose.en}${on}`;
}
