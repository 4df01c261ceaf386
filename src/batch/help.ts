// The column mapping explained: a short version for `huiqi screen --help`, the full table for
// `huiqi screen --columns`. Both are generated from the fact catalog, so they never fall behind it.
import { builtinColumns, headerAliases, type ColumnMap } from './columns.ts';

export function columnHelp(columns: ColumnMap = builtinColumns): string {
  const facts = columns.fields.length - 2;
  return [
    'Columns (one enterprise per row; the first row is the header; Chinese or English headers):',
    '  企业名称 / name and 统一社会信用代码 / uscc are required. Every other column is an enterprise fact',
    `  (${facts} in the catalog), named by its English fact name or its Chinese label, e.g. 海关信用等级 /`,
    '  customsCredit, 所在省份 / province, 企业规模 / enterpriseSize, 民营企业 / privateEnterprise.',
    `  Aliases: ${Object.keys(headerAliases).join(', ')}.`,
    '  Cells: empty = unknown; yes/no as true/false, 是/否, 1/0, yes/no; dates YYYY-MM-DD; lists split by ; ；| 、;',
    '  enums by value or by their Chinese word (失信企业 = dishonest). Unknown headers are refused (exit 1)',
    '  unless --ignore-unknown-columns. JSONL lines use the same names as keys. Incidents are not part of a',
    '  row: only enterprise-level rules are screened (use `huiqi check` for incidents).',
    'Output columns: row (line in CSV/JSONL, sheet row in XLSX), name, uscc, eligible, undetermined (rules',
    '  whose situation arises but a fact is unknown), eligibleRules, eligibleTitles, exclusions (disqualifications',
    '  that apply), estimatedValueCny, error, asOf, facts (the facts the row stated, as JSON: what --compare reads',
    '  back). --compare adds compared (matched by uscc or name), gained, lost and reasons. Bad rows get their error and',
    '  are counted; every row is written (unless --only). Summary on stderr. Exit 0 even with bad rows.',
    '  `huiqi screen --columns` lists every accepted column.',
  ].join('\n');
}

/** Every column: field, type, allowed values, accepted headers. Markdown, so it can go in docs too. */
export function columnTable(columns: ColumnMap = builtinColumns): string {
  const lines = ['| field | type | accepted headers | values |', '| --- | --- | --- | --- |'];
  for (const f of columns.fields) {
    const values = f.values
      ? f.values.join(', ') +
        (f.valueWords
          ? ` (or ${f.values
              .map((v) => f.valueWords?.[v]?.zh)
              .filter(Boolean)
              .join(', ')})`
          : '')
      : '';
    const type = f.field === 'name' || f.field === 'uscc' ? 'text, required' : f.type;
    lines.push(`| ${f.field} | ${type} | ${f.headers.join(' / ')} | ${values} |`);
  }
  return `${lines.join('\n')}\n`;
}
