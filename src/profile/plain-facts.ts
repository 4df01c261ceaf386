// Plain facts a rule file declares (issue #8 §4): the facts a new policy document introduces, as data
// (name, scope, type, values with their words, labels, whether it can change), so that adding a policy
// needs no TypeScript. The rule loader validates a declaration (src/rules/schema.ts) and, once the rule
// set is valid, declares its facts here; the profile schema (./enterprise.ts) and the fact catalog
// (src/facts/catalog.ts) then include them.
import { z } from 'zod';
import { fact, notNegative, numeric, type FactChange, type FactDeclaration, type FactLabel, type FieldLabel } from './fields.ts';
import type { IncidentKind } from './incidents.ts';

/** What a declared fact holds; `yuan` is an amount in 元 read as amounts are (¥, 万, 亿), `text` any text. */
export const plainFactTypes = ['boolean', 'number', 'yuan', 'date', 'enum', 'text'] as const;
export type PlainFactType = (typeof plainFactTypes)[number];

/** One value of an enum fact with its words: the words are what a list's cell or an answer may say instead. */
export interface PlainFactValue extends FieldLabel {
  value: string;
}

export interface PlainFact extends FieldLabel, FactChange {
  name: string;
  /** `enterprise`, or the incident kind whose facts it adds to. */
  appliesTo: 'enterprise' | IncidentKind;
  type: PlainFactType;
  /** An enum's values, in order. */
  values?: readonly PlainFactValue[];
  /** The rule file that declares it, as messages name it. */
  file: string;
}

/** A rule file's fact as every profile fact is declared (fields.ts `fact`): its field and its catalog entry come from it. */
export function plainFactDeclaration(plain: PlainFact): FactDeclaration {
  const label: FactLabel = {
    zh: plain.zh,
    en: plain.en,
    ...(plain.change && { change: plain.change }),
    ...(plain.values && { valueWords: Object.fromEntries(plain.values.map(({ value, zh, en }) => [value, { zh, en }])) }),
  };
  switch (plain.type) {
    case 'boolean':
      return fact.boolean(label);
    case 'number':
      return fact.of('number', numeric(z.number().nonnegative(notNegative)), label);
    case 'yuan':
      return fact.yuan(label);
    case 'date':
      return fact.date(label);
    case 'enum':
      return fact.enum(plain.values!.map((v) => v.value) as [string, ...string[]], label);
    case 'text':
      return fact.of('string', z.string().trim().min(1, 'must not be empty'), label);
  }
}

/**
 * The facts declared by the rule files loaded in this process. A new array whenever a rule set declares
 * facts, so what is made from it (fromDeclaredFacts) is kept until it changes.
 */
let declared: readonly PlainFact[] = [];

/**
 * A value made from the declared facts (a schema, the catalog, the list columns), made again only when
 * they change: the one cache every such value keeps.
 */
export function fromDeclaredFacts<T>(make: (declared: readonly PlainFact[]) => T): () => T {
  let made: { from: readonly PlainFact[]; value: T } | undefined;
  return () => {
    if (made?.from !== declared) made = { from: declared, value: make(declared) };
    return made.value;
  };
}

/**
 * Declares the facts of a loaded rule set (checked by the loader: no name twice, none clashing with a
 * built-in fact). A process normally loads one rule set; should it load another that declares a fact of
 * the same name, the later declaration stands.
 */
export function declareFacts(facts: readonly PlainFact[]): void {
  if (facts.length === 0) return;
  const byName = new Map(declared.map((f) => [f.name, f]));
  let changed = false;
  for (const fact of facts) {
    const earlier = byName.get(fact.name);
    if (earlier && JSON.stringify(earlier) === JSON.stringify(fact)) continue; // the same rule set loaded again
    byName.set(fact.name, fact);
    changed = true;
  }
  if (changed) declared = [...byName.values()];
}
