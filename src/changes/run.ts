// `huiqi rules diff OLD NEW [--list FILE]`: loads both rule folders (the newer last: the fact catalog a
// list is read with is the newer's) and prints or writes the differences, as text or JSON.
import type { Lang } from '../io/lang.ts';
import { writeOutputFile } from '../io/output.ts';
import { loadRules } from '../rules/load.ts';
import { diffRules, diffText, touchedClients } from './rules-diff.ts';

export async function runRulesDiff(o: { oldDir: string; newDir: string; list?: string; asOf: string; lang: Lang; format: 'text' | 'json'; output?: string }): Promise<void> {
  const before = loadRules(o.oldDir);
  const after = loadRules(o.newDir);
  let diff = diffRules(before, after, { old: o.oldDir, new: o.newDir });
  if (o.list !== undefined) diff = await touchedClients(diff, before, after, o.list, o.asOf, o.lang);
  writeOutputFile(o.output ?? '-', o.format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : diffText(diff, o.lang));
}
