// Checks a rule file beyond its shape: every fact a condition names exists and is visible to the
// rule, every operator fits its fact's type, every value fits the fact (e.g. a known enum member).
import { builtinCatalog, factVisibleIn } from '../facts/catalog.ts';
import type { FactDefinition, FactScope } from '../facts/types.ts';
import { operators, type OperatorDefinition } from './operators.ts';
import { fieldPath } from '../io/read.ts';
import { isEntitlement, statusWhenMet, type Condition, type Rule, type RuleDefinition } from './schema.ts';

function valueProblem(fact: FactDefinition, op: OperatorDefinition, value: unknown): string | undefined {
  const values = Array.isArray(value) ? value : [value];
  if (op.listValue && !Array.isArray(value)) return 'needs a list of values';
  if (!op.listValue && Array.isArray(value)) return 'needs a single value, not a list';
  for (const v of values) {
    const ok =
      fact.type === 'boolean'
        ? typeof v === 'boolean'
        : fact.type === 'number'
          ? typeof v === 'number'
          : fact.type === 'enum'
            ? fact.values!.includes(v as string)
            : fact.type === 'date' || fact.type === 'date[]'
              ? typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)
              : typeof v === 'string';
    if (!ok) {
      const expected = fact.type === 'enum' ? `one of ${fact.values!.join(', ')}` : `a ${fact.type.replace('[]', '')}`;
      return `value ${JSON.stringify(v)} does not fit fact "${fact.name}" (expects ${expected})`;
    }
  }
  return undefined;
}

/** A fact by name: the catalog, or the catalog with the facts of the rule set being loaded. */
export type FactLookup = (name: string) => FactDefinition | undefined;

function* conditionProblems(c: Condition, scope: FactScope, path: (string | number)[], factDefinition: FactLookup): Generator<string> {
  if ('all' in c) for (const [i, child] of c.all.entries()) yield* conditionProblems(child, scope, [...path, 'all', i], factDefinition);
  else if ('any' in c) for (const [i, child] of c.any.entries()) yield* conditionProblems(child, scope, [...path, 'any', i], factDefinition);
  else if ('not' in c) yield* conditionProblems(c.not, scope, [...path, 'not'], factDefinition);
  else {
    const where = fieldPath(path);
    const fact = factDefinition(c.fact);
    if (!fact) return yield `${where}.fact: unknown fact "${c.fact}"`;
    if (!factVisibleIn(fact, scope)) return yield `${where}.fact: "${c.fact}" is a fact of ${fact.scope}, not of ${scope}`;
    const op: OperatorDefinition = operators[c.operator];
    if (!op.factTypes.includes(fact.type)) return yield `${where}.operator: "${c.operator}" does not apply to ${fact.type} fact "${c.fact}"`;
    const problem = valueProblem(fact, op, c.value);
    if (problem) yield `${where}.value: ${problem}`;
  }
}

/**
 * Problems with one rule, each naming the field. `facts`: the catalog the rule is checked against (with
 * the facts its rule set declares); `documentScope`: the scope its document gives every rule.
 */
export function ruleProblems(
  rule: RuleDefinition,
  effectiveBasis: string | undefined,
  facts: FactLookup = (name) => builtinCatalog.definition(name),
  documentScope?: Condition,
): string[] {
  const factDefinition = facts;
  const problems = documentScope ? [...conditionProblems(documentScope, rule.appliesTo, ['document', 'scope'], facts)] : [];
  if (rule.conditions) problems.push(...conditionProblems(rule.conditions, rule.appliesTo, ['conditions'], facts));
  if (rule.trigger) problems.push(...conditionProblems(rule.trigger, rule.appliesTo, ['trigger'], facts));
  if (effectiveBasis) {
    const basis = factDefinition(effectiveBasis);
    if (basis?.type !== 'date' || !factVisibleIn(basis, rule.appliesTo)) {
      problems.push(`effective.basis: "${effectiveBasis}" is not a date fact of ${rule.appliesTo}`);
    }
  }
  const expects = new Set(rule.cases.map((c) => c.expect));
  const met = statusWhenMet(rule);
  if (!expects.has(met)) problems.push(`cases: none expects ${met} (the status when its conditions hold)`);
  if (expects.size === 1) problems.push('cases: every case expects the same status; give both sides');
  for (const [i, c] of rule.cases.entries()) {
    if (rule.appliesTo !== 'enterprise' && !c.incident) problems.push(`cases[${i}].incident: is required for a rule about ${rule.appliesTo}`);
    if (rule.appliesTo === 'enterprise' && c.incident) problems.push(`cases[${i}].incident: an enterprise rule takes no incident`);
  }
  return problems;
}

/**
 * Entitlements that do not say whom to go to: every rule an enterprise can claim gives the office its text
 * names (`handledBy`) or why the text names none (`handledByUnstated`). Checked by `huiqi rules validate`
 * and the shipped-rules test rather than on load, so a rule pack written before these fields still loads.
 */
export function nextStepProblems(rules: readonly Rule[]): string[] {
  return rules
    .filter((rule) => isEntitlement(rule) && !rule.handledBy && !rule.handledByUnstated)
    .map((rule) => `${rule.source.file}: rule ${rule.id}: give handledBy (the office the text names for it, quoted) or handledByUnstated (why the text names none)`);
}
