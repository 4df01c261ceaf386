// Three-valued (Kleene) logic: a condition is true, false, or unknown (null) when a fact it needs is
// unknown. `all` with one false child is false even if others are unknown; `any` with one true is true.
import type { Condition } from '../rules/schema.ts';

export type Truth = boolean | null;

/** A condition with its truth value, mirroring the rule's condition tree node for node. */
export interface EvaluatedCondition {
  condition: Condition;
  value: Truth;
  children: EvaluatedCondition[];
}

export function allOf(values: Truth[]): Truth {
  let unknown = false;
  for (const v of values) {
    if (v === false) return false;
    if (v === null) unknown = true;
  }
  return unknown ? null : true;
}

export function anyOf(values: Truth[]): Truth {
  let unknown = false;
  for (const v of values) {
    if (v === true) return true;
    if (v === null) unknown = true;
  }
  return unknown ? null : false;
}

export const notOf = (v: Truth): Truth => (v === null ? null : !v);

/** The children of a condition node, in order. */
export function childConditions(c: Condition): Condition[] {
  return 'all' in c ? c.all : 'any' in c ? c.any : 'not' in c ? [c.not] : [];
}

/** Every fact a condition names, each once, added to `out`. */
export function namedFacts(c: Condition, out = new Set<string>()): Set<string> {
  if ('fact' in c) out.add(c.fact);
  else for (const child of childConditions(c)) namedFacts(child, out);
  return out;
}

/** Combines already-evaluated children the way `c` does. */
export function combine(c: Condition, children: Truth[]): Truth {
  return 'all' in c ? allOf(children) : 'any' in c ? anyOf(children) : notOf(children[0] ?? null);
}
