// The money value of several measures that apply together. Measures the text says are not combined
// (notCombinedWith: 就高不重复, 同一方向不重复支持…最高不超过…) are never added up: of a group so related only the
// highest counts (`highest`), or their sum up to the cap (`capped`).
import { moneyValue, type Rule } from './schema.ts';

type Valued = Pick<Rule, 'id' | 'outcome' | 'notCombinedWith'>;

/**
 * The known money value in CNY of the measures `rules` (those that apply), undefined when none of them
 * states an amount in CNY. Rules related by notCombinedWith (either naming the other) form one group.
 */
export function combinedMoneyValue(rules: readonly Valued[]): number | undefined {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const group = rules.map((_, i) => i);
  const root = (i: number): number => (group[i] === i ? i : (group[i] = root(group[i]!)));
  for (const [i, rule] of rules.entries()) {
    for (const id of rule.notCombinedWith?.rules ?? []) {
      const j = index.get(id);
      if (j !== undefined) group[root(j)] = root(i);
    }
  }
  const groups = new Map<number, Valued[]>();
  for (const [i, rule] of rules.entries()) groups.set(root(i), [...(groups.get(root(i)) ?? []), rule]);
  let total: number | undefined;
  for (const members of groups.values()) {
    const values = members.map(moneyValue).filter((v): v is number => v !== undefined);
    if (!values.length) continue;
    const relations = members.length > 1 ? members.flatMap((r) => (r.notCombinedWith ? [r.notCombinedWith] : [])) : [];
    let value = relations.some((n) => n.principle === 'highest') ? Math.max(...values) : values.reduce((a, b) => a + b, 0);
    const caps = relations.flatMap((n) => (n.cap !== undefined ? [n.cap] : []));
    if (caps.length) value = Math.min(value, ...caps);
    total = (total ?? 0) + value;
  }
  return total;
}
