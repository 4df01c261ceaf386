// Plain facts a rule file declares: the facts a new policy document introduces, as data (name, scope,
// type, values with their words, labels, whether it can change), so that adding a policy needs no
// TypeScript. The rule loader validates a declaration (src/rules/schema.ts); a rule set's profile schema
// (./validate.ts ProfileSchema) and fact catalog (src/facts/catalog.ts FactCatalog) are made from the
// facts its files declare, so two rule sets in one process never see each other's facts.
import { z } from 'zod';
import { fact, notNegative, numeric, type AskedIf, type FactChange, type FactDeclaration, type FactLabel, type FieldLabel } from './fields.ts';
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
  /** The situation that opens its question (see AskedIf). */
  askedIf?: AskedIf;
  /** The rule file that declares it, as messages name it. */
  file: string;
}

/** A rule file's fact as every profile fact is declared (fields.ts `fact`): its field and its catalog entry come from it. */
export function plainFactDeclaration(plain: PlainFact): FactDeclaration {
  const label: FactLabel = {
    zh: plain.zh,
    en: plain.en,
    ...(plain.change && { change: plain.change }),
    ...(plain.askedIf && { askedIf: plain.askedIf }),
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
