// `huiqi rules diff OLD NEW [--list FILE]`: the two rule sets (each with its own facts: a list is read with
// the newer's catalog) and prints or writes the differences, as text or JSON.
import type { Lang } from '../io/lang.ts';
import { writeOutputFile } from '../io/output.ts';
import type { RuleBase } from '../engine/rule-base.ts';
import { diffRules, diffText, touchedClients } from './rules-diff.ts';

export async function runRulesDiff(o: {
  oldDir: string;
  newDir: string;
  before: RuleBase;
  after: RuleBase;
  list?: string;
  asOf: string;
  lang: Lang;
  format: 'text' | 'json';
  output?: string;
}): Promise<void> {
  let diff = diffRules(o.before.rules, o.after.rules, { old: o.oldDir, new: o.newDir });
  if (o.list !== undefined) diff = await touchedClients(diff, o.before, o.after, o.list, o.asOf, o.lang);
  writeOutputFile(o.output ?? '-', o.format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : diffText(diff, o.lang));
}
