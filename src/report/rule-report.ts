// How rules are listed and shown: `huiqi rules list` and `huiqi rules show <id>`.
import { Explainer } from '../engine/explain.ts';
import { builtinCatalog, type FactCatalog } from '../facts/catalog.ts';
import type { Condition, Rule } from '../rules/schema.ts';
import { amountText, notCombinedNote } from './groups.ts';
import type { Lang } from '../io/lang.ts';

export function ruleListTable(rules: readonly Rule[], lang: Lang): string {
  const rows = rules.map((r) => [r.id, r.source.jurisdiction, r.kind, `${r.source.docNumber} ${r.source.article}`, r.title[lang]]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]!.length)));
  const lines = rows.map((row) => row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  '));
  return `${lines.join('\n')}\n${rules.length} rules\n`;
}

function conditionLines(explainer: Explainer, c: Condition, lang: Lang, depth = 0): string[] {
  const pad = '  '.repeat(depth);
  const own = c.label ? `  — ${c.label[lang]}` : '';
  if ('fact' in c) return [`${pad}- ${explainer.describeCondition({ ...c, label: undefined })[lang]}  [${c.fact} ${c.operator} ${JSON.stringify(c.value)}]${own}`];
  if ('not' in c) return [`${pad}- NOT${own}`, ...conditionLines(explainer, c.not, lang, depth + 1)];
  const [word, children] = 'all' in c ? ['ALL of', c.all] : ['ANY of', c.any];
  return [`${pad}- ${word}${own}`, ...children.flatMap((child) => conditionLines(explainer, child, lang, depth + 1))];
}

/** Whom to go to, how and by when, each with the words it rests on (a rule file writer checks them here). */
function nextStepLines(rule: Rule, lang: Lang): string[] {
  const cite = (q: { article?: string; lines: [number, number]; quote: string }) => `        「${q.quote}」 (${q.article ? `${q.article}, ` : ''}lines ${q.lines.join('-')})`;
  const w = rule.applicationWindow;
  return [
    ...(rule.handledBy ?? []).flatMap((o) => [`handled by: ${lang === 'en' && o.en ? o.en : o.zh}`, cite(o.source)]),
    ...(rule.handledByUnstated ? [`handled by: — ${rule.handledByUnstated[lang]}`] : []),
    ...(rule.howToApply ? [`how to apply: ${lang === 'en' && rule.howToApply.en ? rule.howToApply.en : rule.howToApply.zh}`, cite(rule.howToApply.source)] : []),
    ...(w
      ? [
          `apply within: ${[w.from && w.to ? `${w.from} to ${w.to}` : w.from ? `from ${w.from}` : w.to ? `by ${w.to}` : '', (lang === 'en' && w.en) || w.zh || ''].filter(Boolean).join(' — ')}`,
          cite(w.source),
        ]
      : []),
    ...(rule.horizon ? [`plan period ends: ${rule.horizon.end}`, cite(rule.horizon.source)] : []),
  ];
}

/** One rule in full; `catalog`: the facts of its rule set, whose words describe its conditions. */
export function ruleDetail(rule: Rule, lang: Lang, catalog: FactCatalog = builtinCatalog): string {
  const s = rule.source;
  const e = rule.effective;
  const amount = amountText(rule.outcome.amount, lang);
  const lines = [
    `${rule.id}`,
    `  ${rule.title.zh}`,
    `  ${rule.title.en}`,
    '',
    `kind: ${rule.kind}    applies to: ${rule.appliesTo}    jurisdiction: ${s.jurisdiction}`,
    `source: ${s.title}（${s.docNumber}，${s.issuer}，${s.date}）${s.article}`,
    `        seed ${s.seed} lines ${s.lines[0]}-${s.lines[1]}  (rule file ${s.file})`,
    `quote:  「${s.quote}」`,
    `in force: ${e.from ?? '—'} to ${e.to ?? '—'}${e.basis ? ` (judged on ${e.basis})` : ' (judged on the evaluation date)'}`,
    ...(e.source ? [`        「${e.source.quote}」 (${e.source.article}, lines ${e.source.lines.join('-')})`] : []),
    '',
    'conditions:',
    ...conditionLines(new Explainer(catalog), rule.conditions, lang, 1),
    '',
    `outcome: ${rule.outcome[lang]}${amount ? ` (${amount})` : ''}`,
    ...(rule.notes ? [`notes: ${rule.notes[lang]}`] : []),
    ...(rule.confidence ? [`confidence: ${rule.confidence.level} — ${rule.confidence.reason[lang]}`] : []),
    ...(rule.caveats ?? []).map((c) => `caveat: ${c[lang]}`),
    ...(rule.notCombinedWith ? [`combination: ${notCombinedNote(rule)![lang]}`, `        (lines ${rule.notCombinedWith.source.lines.join('-')})`] : []),
    ...nextStepLines(rule, lang),
    `cases: ${rule.cases.length} (huiqi rules test)`,
  ];
  return `${lines.join('\n')}\n`;
}
