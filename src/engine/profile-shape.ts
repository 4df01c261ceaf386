// Profiles of one shape: the same fields, each always present as a key (undefined = unknown), as the
// columns of a list give them. For such profiles the steps from a row's values to the compiled rules'
// slots are code generated once per shape instead of generic loops over keys: building the profile,
// taking its own facts (what enterpriseFactValues gives, key by key instead of a rest pattern) and
// copying the facts the rules name into their slots. Field and fact names are the catalog's identifiers,
// written as JSON strings; values are only ever passed in.
import { derivedFacts } from '../facts/derived.ts';
import type { FactValues } from '../facts/types.ts';
import type { Enterprise } from '../profile/enterprise.ts';

/** A list row has no incidents: it is one enterprise's own facts. */
const NO_INCIDENTS: readonly never[] = Object.freeze([]);

/** The derived enterprise facts, which the fact set adds to a profile's own. */
const derivedEnterpriseFacts = derivedFacts.filter((f) => f.scope === 'enterprise').map((f) => f.name);

export class ProfileShape {
  /** The profile of a row: `values[i]` is the value of `fields[i]`; name and uscc apart. */
  readonly profile: (name: unknown, uscc: unknown, values: readonly unknown[]) => Enterprise;
  /** A profile's own facts, as enterpriseFactValues gives them: every key but uscc and incidents, in order. */
  readonly ownFacts: (profile: Enterprise) => FactValues;
  /**
   * Copies the known facts the rules name into their slots, noting each slot filled in `used`: every key
   * a fact set of this shape can have (name and uscc, the fields, the derived enterprise facts).
   */
  readonly fill: (facts: FactValues, slots: unknown[], used: number[]) => void;

  /** `fields[i]`: the profile field at position i of a row's values; undefined where a position holds none (a skipped column, name, uscc). */
  constructor(fields: readonly (string | undefined)[], slotOf: (fact: string) => number | undefined) {
    const entries = fields.flatMap((f, i) => (f ? [`${JSON.stringify(f)}: v[${i}]`] : []));
    const build = new Function('incidents', `return function profile(name, uscc, v) { return { name, uscc, ${entries.join(', ')}${entries.length ? ', ' : ''}incidents }; };`);
    this.profile = build(NO_INCIDENTS);
    const own = fields.flatMap((f) => (f ? [`${JSON.stringify(f)}: p[${JSON.stringify(f)}]`] : []));
    this.ownFacts = new Function('p', `return { name: p.name${own.map((e) => `, ${e}`).join('')} };`) as ProfileShape['ownFacts'];
    const keys = new Set(['name', 'uscc', ...fields.filter((f): f is string => f !== undefined), ...derivedEnterpriseFacts]);
    const fills = [...keys].flatMap((key) => {
      const slot = slotOf(key);
      return slot === undefined ? [] : [`v = f[${JSON.stringify(key)}]; if (v !== undefined) { s[${slot}] = v; u.push(${slot}); }`];
    });
    this.fill = new Function('f', 's', 'u', `let v;\n${fills.join('\n')}`) as ProfileShape['fill'];
  }
}
