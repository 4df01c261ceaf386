// `huiqi rules diff OLD NEW`: what changed between two rule folders — documents (by 文号) and rules (by
// id) added, removed and changed, a changed rule by aspect: its conditions (trigger included: the leaves
// added and removed), its validity, its outcome, and the rest of what it says (title, kind, citation,
// next steps). With a list of clients (an enterprise list or a screening result), each change names the
// clients whose verdict on that rule differs between the two folders, evaluated on the same date.
import { enterpriseFactSet } from '../engine/evaluate.ts';
import type { RuleBase } from '../engine/rule-base.ts';
import { childConditions } from '../engine/truth.ts';
import type { Lang } from '../io/lang.ts';
import type { Enterprise } from '../profile/enterprise.ts';
import type { Condition, Rule, Status } from '../rules/schema.ts';
import { openList } from '../batch/read.ts';
import { RowScreener } from '../batch/screen.ts';
import { readFacts } from '../batch/compare.ts';
import { columnWords } from '../batch/write.ts';
import { columnsOf, normalizeHeader } from '../batch/columns.ts';

export interface Touched {
  row: number;
  name: string;
  uscc: string;
  before: Status | 'absent';
  after: Status | 'absent';
}

export interface RuleChange {
  id: string;
  title: { zh: string; en: string };
  docNumber: string;
  /** Aspect → old and new, as text. */
  changes: { aspect: Aspect; before: string; after: string; removed?: string[]; added?: string[] }[];
  clients?: Touched[];
}

export type Aspect = 'conditions' | 'validity' | 'outcome' | 'kind' | 'title' | 'source' | 'appliesTo' | 'other';

export interface RuleEntry {
  id: string;
  title: { zh: string; en: string };
  kind: string;
  docNumber: string;
  article: string;
  clients?: Touched[];
}

export interface DocumentEntry {
  docNumber: string;
  title: string;
  file: string;
  rules: string[];
}

export interface RulesDiff {
  old: string;
  new: string;
  asOf?: string;
  list?: string;
  documents: { added: DocumentEntry[]; removed: DocumentEntry[]; changed: { docNumber: string; title: string; changes: { field: string; before: string; after: string }[] }[] };
  rules: { added: RuleEntry[]; removed: RuleEntry[]; changed: RuleChange[] };
  /** Rows of the list with an error (no verdicts for them). */
  listErrors?: { row: number; error: string }[];
}

/** A condition in formal words (fact, operator, value): what the rule file says, whatever its label. */
export function conditionText(c: Condition): string {
  if ('fact' in c) return `${c.fact} ${c.operator} ${JSON.stringify(c.value ?? null)}`;
  if ('not' in c) return `not (${conditionText(c.not)})`;
  const parts = childConditions(c).map(conditionText);
  return `${'all' in c ? 'all' : 'any'}(${parts.join(', ')})`;
}

function leaves(c: Condition, out: string[] = []): string[] {
  if ('fact' in c) out.push(conditionText(c));
  else for (const child of childConditions(c)) leaves(child, out);
  return out;
}

const validityText = (rule: Rule) => {
  const { from, to, basis } = rule.effective;
  return `${from ?? '…'} – ${to ?? '…'}${basis ? ` (on ${basis})` : ''}`;
};
const outcomeText = (rule: Rule) => JSON.stringify(rule.outcome);
const sourceText = (rule: Rule) => `${rule.source.article} [${rule.source.lines.join('-')}] ${rule.source.quote}`;
/** What else a rule says (next steps, notes, combinations…), compared whole. */
const otherText = (rule: Rule) => {
  const {
    id: _i,
    title: _t,
    kind: _k,
    source: _s,
    effective: _e,
    conditions: _c,
    outcome: _o,
    appliesTo: _a,
    cases: _cases,
    trigger: _tr,
    ...rest
  } = rule as Rule & { trigger?: unknown };
  return JSON.stringify(rest);
};

function ruleChanges(before: Rule, after: Rule): RuleChange['changes'] {
  const changes: RuleChange['changes'] = [];
  const a = conditionText(before.conditions);
  const b = conditionText(after.conditions);
  if (a !== b) {
    const la = leaves(before.conditions);
    const lb = leaves(after.conditions);
    changes.push({ aspect: 'conditions', before: a, after: b, removed: la.filter((l) => !lb.includes(l)), added: lb.filter((l) => !la.includes(l)) });
  }
  const pairs: [Aspect, (r: Rule) => string][] = [
    ['validity', validityText],
    ['outcome', outcomeText],
    ['kind', (r) => r.kind],
    ['appliesTo', (r) => r.appliesTo],
    ['title', (r) => `${r.title.zh} / ${r.title.en}`],
    ['source', sourceText],
    ['other', otherText],
  ];
  for (const [aspect, text] of pairs) if (text(before) !== text(after)) changes.push({ aspect, before: text(before), after: text(after) });
  return changes;
}

function documents(rules: readonly Rule[]): Map<string, { rule: Rule; ids: string[] }> {
  const docs = new Map<string, { rule: Rule; ids: string[] }>();
  for (const rule of rules) {
    const entry = docs.get(rule.source.docNumber) ?? { rule, ids: [] };
    entry.ids.push(rule.id);
    docs.set(rule.source.docNumber, entry);
  }
  return docs;
}

const entry = (rule: Rule): RuleEntry => ({ id: rule.id, title: rule.title, kind: rule.kind, docNumber: rule.source.docNumber, article: rule.source.article });

/** The differences between two rule sets. */
export function diffRules(before: readonly Rule[], after: readonly Rule[], names: { old: string; new: string }): RulesDiff {
  const oldById = new Map(before.map((r) => [r.id, r]));
  const newById = new Map(after.map((r) => [r.id, r]));
  const byId = (a: RuleEntry | RuleChange, b: RuleEntry | RuleChange) => a.id.localeCompare(b.id);
  const rules: RulesDiff['rules'] = {
    added: after
      .filter((r) => !oldById.has(r.id))
      .map(entry)
      .sort(byId),
    removed: before
      .filter((r) => !newById.has(r.id))
      .map(entry)
      .sort(byId),
    changed: [],
  };
  for (const rule of after) {
    const old = oldById.get(rule.id);
    if (!old) continue;
    const changes = ruleChanges(old, rule);
    if (changes.length) rules.changed.push({ id: rule.id, title: rule.title, docNumber: rule.source.docNumber, changes });
  }
  rules.changed.sort(byId);
  const oldDocs = documents(before);
  const newDocs = documents(after);
  const docEntry = (docNumber: string, d: { rule: Rule; ids: string[] }): DocumentEntry => ({
    docNumber,
    title: d.rule.source.title,
    file: d.rule.source.file,
    rules: d.ids.sort(),
  });
  const docFields: [string, (r: Rule) => string][] = [
    ['title', (r) => r.source.title],
    ['issuer', (r) => r.source.issuer],
    ['date', (r) => r.source.date],
    ['jurisdiction', (r) => r.source.jurisdiction],
    ['seed', (r) => `${r.source.seed} [${r.source.documentLines.join('-')}]`],
    ['horizon', (r) => JSON.stringify(r.horizon ?? null)],
  ];
  const changedDocs: RulesDiff['documents']['changed'] = [];
  for (const [docNumber, d] of newDocs) {
    const old = oldDocs.get(docNumber);
    if (!old) continue;
    const changes = docFields.filter(([, f]) => f(old.rule) !== f(d.rule)).map(([field, f]) => ({ field, before: f(old.rule), after: f(d.rule) }));
    if (changes.length) changedDocs.push({ docNumber, title: d.rule.source.title, changes });
  }
  return {
    old: names.old,
    new: names.new,
    documents: {
      added: [...newDocs].filter(([k]) => !oldDocs.has(k)).map(([k, d]) => docEntry(k, d)),
      removed: [...oldDocs].filter(([k]) => !newDocs.has(k)).map(([k, d]) => docEntry(k, d)),
      changed: changedDocs,
    },
    rules,
  };
}

/** The clients of a list or screening result: validated profiles (by the current fact catalog), or errors by row. */
async function clientsOf(
  list: string,
  rules: RuleBase,
  asOf: string,
  lang: Lang,
): Promise<{ clients: { row: number; profile: Enterprise }[]; errors: { row: number; error: string }[] }> {
  const source = await openList(list, undefined, { cellLimit: 1_000_000, columns: columnsOf(rules) });
  const screener = new RowScreener({ rules, asOf, lang, ignoreUnknownColumns: true });
  const clients: { row: number; profile: Enterprise }[] = [];
  const errors: { row: number; error: string }[] = [];
  const keyed = source.format === 'jsonl';
  const factsColumn = new Set([normalizeHeader(columnWords.facts.en), normalizeHeader(columnWords.facts.zh)]);
  for await (const batch of source.batches) {
    for (const raw of batch) {
      // A screening result: the facts column holds the row's facts.
      const at = raw.header.findIndex((h) => factsColumn.has(normalizeHeader(String(h))));
      if (at >= 0) {
        const name = String(raw.cells[raw.header.findIndex((h) => ['name', '企业名称'].includes(String(h)))] ?? '');
        const uscc = String(raw.cells[raw.header.findIndex((h) => ['uscc', '统一社会信用代码'].includes(String(h)))] ?? '');
        const problems: string[] = [];
        const facts = readFacts(raw.cells[at], problems, rules.catalog);
        if (facts) clients.push({ row: raw.row, profile: { ...facts, name, uscc, incidents: [] } as unknown as Enterprise });
        else errors.push({ row: raw.row, error: problems.join('; ') || 'no facts (a row with an error in the result)' });
        continue;
      }
      const read = screener.read(raw, keyed);
      if (read.profile) clients.push({ row: raw.row, profile: { ...read.profile } });
      else errors.push({ row: raw.row, error: read.errors.join('; ') });
    }
  }
  return { clients, errors };
}

/**
 * Adds to each change the clients whose verdict on the rule differs between the two rule sets on `asOf`
 * and is eligible or undetermined on one side (a rule added that does not apply touches no one).
 */
export async function touchedClients(diff: RulesDiff, before: RuleBase, after: RuleBase, list: string, asOf: string, lang: Lang): Promise<RulesDiff> {
  const { clients, errors } = await clientsOf(list, after, asOf, lang);
  const sets = [before.compiled, after.compiled] as const;
  const index = sets.map((s) => new Map(s.rules('enterprise').map((r, i) => [r.id, i])));
  const verdicts = clients.map(({ profile }) => sets.map((s) => s.statuses('enterprise', enterpriseFactSet(profile, asOf), asOf)));
  const touched = (id: string): Touched[] =>
    clients.flatMap(({ row, profile }, k) => {
      const [i, j] = [index[0]!.get(id), index[1]!.get(id)];
      const was = i === undefined ? 'absent' : verdicts[k]![0]![i]!;
      const is = j === undefined ? 'absent' : verdicts[k]![1]![j]!;
      // A change touches a client when its verdict differs and may be worth something on one side.
      const matters = (s: Status | 'absent') => s === 'eligible' || s === 'undetermined';
      return was === is || !(matters(was) || matters(is)) ? [] : [{ row, name: profile.name, uscc: profile.uscc, before: was, after: is }];
    });
  for (const e of [...diff.rules.added, ...diff.rules.removed]) e.clients = touched(e.id);
  for (const c of diff.rules.changed) c.clients = touched(c.id);
  return { ...diff, asOf, list, listErrors: errors };
}

const words = {
  zh: {
    documents: '文件',
    rules: '规则',
    added: '新增',
    removed: '删除',
    changed: '修改',
    none: '无变化',
    touches: (n: number) => `涉及 ${n} 家企业`,
    errors: '清单中有错误的行（未计入）',
  },
  en: {
    documents: 'documents',
    rules: 'rules',
    added: 'added',
    removed: 'removed',
    changed: 'changed',
    none: 'no change',
    touches: (n: number) => `touches ${n} client(s)`,
    errors: 'rows of the list with errors (not counted)',
  },
} as const;

const aspectWords: Record<Aspect, { zh: string; en: string }> = {
  conditions: { zh: '条件', en: 'conditions' },
  validity: { zh: '有效期', en: 'validity' },
  outcome: { zh: '结果', en: 'outcome' },
  kind: { zh: '类别', en: 'kind' },
  title: { zh: '标题', en: 'title' },
  source: { zh: '出处', en: 'source' },
  appliesTo: { zh: '适用对象', en: 'applies to' },
  other: { zh: '其他', en: 'other' },
};

/** The diff as text for a terminal. */
export function diffText(d: RulesDiff, lang: Lang): string {
  const w = words[lang];
  const count = (a: unknown[], r: unknown[], c: unknown[]) => `${a.length} ${w.added}, ${r.length} ${w.removed}, ${c.length} ${w.changed}`;
  const lines = [
    `huiqi rules diff ${d.old} ${d.new}`,
    `  ${w.documents}: ${count(d.documents.added, d.documents.removed, d.documents.changed)}; ${w.rules}: ${count(d.rules.added, d.rules.removed, d.rules.changed)}`,
  ];
  const clientLines = (clients: Touched[] | undefined) =>
    clients === undefined
      ? []
      : [
          `      ${w.touches(clients.length)}${clients.length ? ':' : ''}`,
          ...clients.slice(0, 20).map((c) => `        row ${c.row} ${c.name} (${c.uscc}): ${c.before} → ${c.after}`),
          ...(clients.length > 20 ? [`        … (${clients.length - 20} more: --format json lists all)`] : []),
        ];
  for (const doc of d.documents.added) lines.push(`+ ${doc.docNumber} ${doc.title} (${doc.file}): ${doc.rules.join(', ')}`);
  for (const doc of d.documents.removed) lines.push(`- ${doc.docNumber} ${doc.title} (${doc.file}): ${doc.rules.join(', ')}`);
  for (const doc of d.documents.changed) {
    lines.push(`~ ${doc.docNumber} ${doc.title}`);
    for (const c of doc.changes) lines.push(`      ${c.field}: ${c.before} → ${c.after}`);
  }
  for (const r of d.rules.added) lines.push(`+ ${r.id}  ${r.title[lang]}  [${r.kind}] ${r.docNumber} ${r.article}`, ...clientLines(r.clients));
  for (const r of d.rules.removed) lines.push(`- ${r.id}  ${r.title[lang]}  [${r.kind}] ${r.docNumber} ${r.article}`, ...clientLines(r.clients));
  for (const r of d.rules.changed) {
    lines.push(`~ ${r.id}  ${r.title[lang]}`);
    for (const c of r.changes) {
      const aspect = aspectWords[c.aspect][lang];
      if (c.aspect === 'conditions') {
        lines.push(`      ${aspect}:`);
        for (const l of c.removed ?? []) lines.push(`        - ${l}`);
        for (const l of c.added ?? []) lines.push(`        + ${l}`);
        if (!c.removed?.length && !c.added?.length) lines.push(`        ${c.before} → ${c.after}`);
      } else lines.push(`      ${aspect}: ${c.before} → ${c.after}`);
    }
    lines.push(...clientLines(r.clients));
  }
  if (!d.documents.added.length && !d.documents.removed.length && !d.documents.changed.length && !d.rules.added.length && !d.rules.removed.length && !d.rules.changed.length)
    lines.push(`  ${w.none}`);
  if (d.listErrors?.length) lines.push(`  ${w.errors}: ${d.listErrors.map((e) => `row ${e.row}`).join(', ')}`);
  return `${lines.join('\n')}\n`;
}
