// The fact catalog: every fact a rule may name, with its type and its Chinese and English labels.
// Profile facts come from the profile schema, derived facts from src/facts/derived.ts.
import type { z } from 'zod';
import { enterpriseFacts } from '../profile/enterprise.ts';
import type { FactChange, FieldLabel } from '../profile/fields.ts';
import { incidentFacts, type IncidentKind } from '../profile/incidents.ts';
import { derivedFacts } from './derived.ts';
import type { FactDefinition, FactScope, FactType, FactValues } from './types.ts';

interface ZodInternals {
  _zod: { def: { type: string; format?: string; element?: z.ZodType; out?: z.ZodType; innerType?: z.ZodType; entries?: Record<string, string> } };
}

/** Reads a fact's type off its zod schema (through optional, default and preprocess wrappers). */
function factType(schema: z.ZodType): { type: FactType; values?: string[] } {
  const def = (schema as unknown as ZodInternals)._zod.def;
  switch (def.type) {
    case 'optional':
    case 'default':
      return factType(def.innerType!);
    case 'pipe':
      return factType(def.out!);
    case 'boolean':
    case 'number':
      return { type: def.type };
    case 'enum':
      return { type: 'enum', values: Object.values(def.entries!) };
    case 'string':
      return { type: def.format === 'date' ? 'date' : 'string' };
    case 'array': {
      const element = factType(def.element!).type;
      return { type: element === 'date' ? 'date[]' : element === 'string' || element === 'enum' ? 'string[]' : 'other' };
    }
    default:
      return { type: 'other' };
  }
}

function profileFacts(scope: FactScope, shape: Record<string, z.ZodType>): FactDefinition[] {
  return Object.entries(shape).map(([name, schema]) => ({
    name,
    scope,
    ...factType(schema),
    ...(schema.meta() as unknown as FieldLabel & FactChange),
    derived: false,
  }));
}

const catalog: FactDefinition[] = [
  ...profileFacts('enterprise', enterpriseFacts),
  ...Object.entries(incidentFacts).flatMap(([kind, shape]) => profileFacts(kind as IncidentKind, shape)),
  // A derived default for a profile fact is not a fact of its own: the profile fact stays in the catalog.
  ...derivedFacts.filter((f) => !f.defaultsProfileFact).map(({ compute: _compute, ...fact }) => ({ ...fact, derived: true })),
];

const byName = new Map(catalog.map((f) => [f.name, f]));
if (byName.size !== catalog.length) throw new Error('fact catalog: two facts share a name');
for (const d of derivedFacts.filter((f) => f.defaultsProfileFact)) {
  if (byName.get(d.name)?.derived !== false) throw new Error(`fact catalog: ${d.name} defaults a profile fact that does not exist`);
}

export const allFacts: readonly FactDefinition[] = catalog;

export function factDefinition(name: string): FactDefinition | undefined {
  return byName.get(name);
}

/** The facts a rule of this scope may name: its own scope's and the enterprise's. */
export function factVisibleIn(fact: FactDefinition, scope: FactScope): boolean {
  return fact.scope === 'enterprise' || fact.scope === scope;
}

const derivedByScope = (scope: FactScope) => derivedFacts.filter((f) => f.scope === scope);
const derivedCache = new Map<FactScope, ReturnType<typeof derivedByScope>>();

/** Adds the derived facts of `scope` to `facts` (a copy). Unknown inputs give unknown results. */
export function withDerivedFacts(scope: FactScope, facts: FactValues, asOf: string): FactValues {
  return addDerivedFacts(scope, { ...facts }, asOf);
}

/**
 * Adds the derived facts of `scope` to `facts` itself (no copy) and returns it: for callers that own
 * a fresh object. Every derived fact is computed from the facts as given (none sees another's result),
 * then all are added, exactly as withDerivedFacts does on its copy.
 */
export function addDerivedFacts(scope: FactScope, facts: FactValues, asOf: string): FactValues {
  let derived = derivedCache.get(scope);
  if (!derived) derivedCache.set(scope, (derived = derivedByScope(scope)));
  const n = derived.length;
  const values: unknown[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const fact = derived[i]!;
    // An explicit answer beats a derived default.
    values[i] = facts[fact.name] !== undefined ? undefined : fact.compute(facts, asOf);
  }
  for (let i = 0; i < n; i++) {
    const value = values[i];
    // As on a copy: an earlier derived fact of the same name, once added, is an answer too.
    if (value !== undefined && facts[derived[i]!.name] === undefined) facts[derived[i]!.name] = value;
  }
  return facts;
}
