// The rules of one rule set with everything made from them: the facts their files declare, the fact
// catalog and profile schema made from those, the tree evaluator and the compiled rules, the rule-set
// hash, and any other value made once from them (memo). Nothing made from rules lives in a module: two
// rule sets in one process never see each other's facts or caches. The commands of the layers above
// take a RuleBase; src/ruleset/rule-set.ts (RuleSet, loadRuleSet) adds the operations over it.
import { FactCatalog } from '../facts/catalog.ts';
import type { PlainFact } from '../profile/plain-facts.ts';
import type { ProfileSchema } from '../profile/validate.ts';
import { rulesHash } from '../rules/hash.ts';
import { ruleSetJurisdictions, type Rule } from '../rules/schema.ts';
import { CompiledRuleSet } from './compiled.ts';
import { namedFacts } from './truth.ts';
import { ProfileEvaluator } from './evaluate.ts';

export class RuleBase {
  /** The built-in facts and those the rule files declare. */
  readonly catalog: FactCatalog;
  /** Evaluates these rules on a profile with explanations (the tree evaluator, or json-rules-engine). */
  readonly evaluator: ProfileEvaluator;
  private compiledRules: CompiledRuleSet | undefined;
  private hash: string | undefined;
  private readonly made = new Map<(base: RuleBase) => unknown, unknown>();

  /** `rules` and the plain facts their files declare, both as the loader gives them (validated). */
  constructor(
    readonly rules: readonly Rule[],
    readonly declared: readonly PlainFact[] = [],
  ) {
    this.catalog = new FactCatalog(declared, factCounts(rules));
    this.evaluator = new ProfileEvaluator(rules, this.catalog);
  }

  /** What a profile checked against these rules may state, and its validation. */
  get profile(): ProfileSchema {
    return this.catalog.profile;
  }

  /** The rules compiled for verdicts without explanation (a check's counted results, a list's rows); compiled when first needed. */
  get compiled(): CompiledRuleSet {
    return (this.compiledRules ??= new CompiledRuleSet(this.rules, this.evaluator));
  }

  /** The SHA-256 fingerprint of the rules' content (16 hex digits), as every server answer reports it. */
  get rulesHash(): string {
    return (this.hash ??= rulesHash(this.rules));
  }

  /** The jurisdictions of the rules (their folders), national first. */
  get jurisdictions(): string[] {
    return ruleSetJurisdictions(this.rules);
  }

  /**
   * The value `make` makes from this rule set, made once and kept with it: how a layer above keeps what
   * it derives from the rules (a list's column map, a server's answer bytes) without module state.
   */
  memo<T>(make: (base: RuleBase) => T): T {
    if (this.made.has(make)) return this.made.get(make) as T;
    const value = make(this);
    this.made.set(make, value);
    return value;
  }
}

/** How many of `rules` name each fact in their conditions (a rule naming a fact twice counts once). */
function factCounts(rules: readonly Rule[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const rule of rules) for (const fact of namedFacts(rule.conditions)) counts.set(fact, (counts.get(fact) ?? 0) + 1);
  return counts;
}
