// Turns an evaluated condition tree into what a user reads: the conditions that failed, in plain
// words, and the profile facts to ask for when the verdict is unknown, with one rule set's fact catalog.
import { builtinCatalog, type FactCatalog } from '../facts/catalog.ts';
import type { FactValues } from '../facts/types.ts';
import type { FieldLabel } from '../profile/fields.ts';
import type { Condition } from '../rules/schema.ts';
import { operators } from '../rules/operators.ts';
import type { EvaluatedCondition } from './truth.ts';

type Leaf = Extract<Condition, { fact: string }>;

function valueText(leaf: Leaf): string {
  return Array.isArray(leaf.value) ? leaf.value.join(' / ') : String(leaf.value);
}

/**
 * Explanations in one rule set's words: its fact catalog names the facts. Each condition is described
 * once and the description shared by every result that cites it (a profile with thousands of incidents
 * would otherwise hold thousands of copies of the same words).
 */
export class Explainer {
  private readonly described = new WeakMap<Condition, FieldLabel>();

  constructor(readonly catalog: FactCatalog = builtinCatalog) {}

  /** A condition in plain words: its own label, or one made from the fact's label and the operator. */
  describeCondition(c: Condition): FieldLabel {
    if (c.label) return c.label;
    let label = this.described.get(c);
    if (!label) this.described.set(c, (label = this.describeAnew(c)));
    return label;
  }

  private describeAnew(c: Condition): FieldLabel {
    if ('fact' in c) {
      const fact = this.catalog.definition(c.fact);
      const name = { zh: fact?.zh ?? c.fact, en: fact?.en ?? c.fact };
      if (typeof c.value === 'boolean' && (c.operator === 'equal' || c.operator === 'notEqual')) {
        const holds = c.value === (c.operator === 'equal');
        return holds ? name : { zh: `并非：${name.zh}`, en: `not: ${name.en}` };
      }
      const op = operators[c.operator];
      return { zh: `${name.zh}${op.zh}${valueText(c)}`, en: `${name.en} ${op.en} ${valueText(c)}` };
    }
    if ('not' in c) {
      const inner = this.describeCondition(c.not);
      return { zh: `并非：${inner.zh}`, en: `not: ${inner.en}` };
    }
    const parts = ('all' in c ? c.all : c.any).map((part) => this.describeCondition(part));
    const [zhJoin, enJoin] = 'all' in c ? ['且', ' and '] : ['或', ' or '];
    return { zh: parts.map((p) => p.zh).join(zhJoin), en: `(${parts.map((p) => p.en).join(enJoin)})` };
  }

  /** The conditions that make a false tree false: labelled nodes whole, unlabelled ones by their failing parts. */
  failedConditions(node: EvaluatedCondition): FieldLabel[] {
    if (node.value !== false) return [];
    const c = node.condition;
    if (c.label || 'fact' in c || 'not' in c) return [this.describeCondition(c)];
    return node.children.flatMap((child) => this.failedConditions(child));
  }

  /** The conditions still open in an unknown tree (labelled nodes whole). */
  openConditions(node: EvaluatedCondition): FieldLabel[] {
    if (node.value !== null) return [];
    const c = node.condition;
    if (c.label || 'fact' in c) return [this.describeCondition(c)];
    return node.children.flatMap((child) => this.openConditions(child));
  }

  /** Profile facts to ask for: the unknown leaves' facts, a derived fact replaced by its unknown inputs. */
  missingFacts(node: EvaluatedCondition, facts: FactValues): string[] {
    const out = new Set<string>();
    const visit = (n: EvaluatedCondition) => {
      if (n.value !== null) return;
      if ('fact' in n.condition) {
        for (const name of this.askableFacts(n.condition.fact, facts)) out.add(name);
      } else n.children.forEach(visit);
    };
    visit(node);
    return [...out];
  }

  /** See the function askableInputs. */
  askableInputs(name: string): string[] {
    return askableInputs(this.catalog, name);
  }

  /** See the function askableFacts. */
  askableFacts(name: string, facts: FactValues): string[] {
    return askableFacts(this.catalog, name, facts);
  }
}

/**
 * The facts whose presence decides what askableFacts says of `name`: none for a profile fact (it is
 * asked for itself), a derived fact's inputs and theirs. Two fact sets that agree on these, and on
 * the truth of every leaf of a rule, get the same explanation of that rule.
 */
export function askableInputs(catalog: FactCatalog, name: string): string[] {
  const def = catalog.definition(name);
  if (!def?.derived) return [];
  return (def.inputs ?? []).flatMap((input) => [input, ...askableInputs(catalog, input)]);
}

/** The profile facts behind a fact: itself, or for a derived fact its unknown inputs. */
export function askableFacts(catalog: FactCatalog, name: string, facts: FactValues): string[] {
  const def = catalog.definition(name);
  if (!def?.derived) return [name];
  const unknown = (def.inputs ?? []).filter((input) => facts[input] === undefined);
  return unknown.length ? unknown.flatMap((input) => askableFacts(catalog, input, facts)) : [name];
}
