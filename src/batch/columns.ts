// The column mapping of enterprise lists: which header names which profile field, and how a cell
// becomes a fact value. It is derived from the fact catalog (every enterprise fact that a profile
// states, i.e. not derived), so a fact added to a facet or declared by a rule file becomes a column
// with no change here.
//
// A header may be, for each field: its English fact name (`customsCredit`, any case), its Chinese
// label as the catalog gives it, that label without its trailing parenthesis (海关信用等级), or an
// alias from the table below. Full-width and half-width forms, spaces and case do not matter.
import type { RuleBase } from '../engine/rule-base.ts';
import { builtinCatalog } from '../facts/catalog.ts';
import type { FactDefinition } from '../facts/types.ts';
import type { FactType } from '../profile/fields.ts';
import { readEnumWord, type EnumWords } from '../profile/values.ts';

export interface ColumnField {
  /** The profile field: `name`, `uscc` or an enterprise fact. */
  field: string;
  type: FactType | 'text';
  values?: readonly string[];
  zh: string;
  en: string;
  /** Every header that names this field, as written (before normalisation). */
  headers: string[];
  /** For an enum: the words of each value, as the fact declares them (高级认证企业, 一般信用企业 …). */
  valueWords?: EnumWords;
}

/** Common headers of enterprise lists that are not a fact's own name or label. */
export const headerAliases: Readonly<Record<string, string>> = {
  企业名称: 'name',
  公司名称: 'name',
  名称: 'name',
  企业: 'name',
  enterprise: 'name',
  company: 'name',
  统一社会信用代码: 'uscc',
  社会信用代码: 'uscc',
  信用代码: 'uscc',
  统一代码: 'uscc',
  海关信用等级: 'customsCredit',
  信用等级: 'customsCredit',
  海关信用: 'customsCredit',
  所在省份: 'province',
  省份: 'province',
  省: 'province',
  企业规模: 'enterpriseSize',
  规模: 'enterpriseSize',
  海关编码: 'customsCode',
  海关注册编码: 'customsCode',
  海关代码: 'customsCode',
  企业情况: 'situations',
  正在办理的事项: 'pendingMatters',
  办理事项: 'pendingMatters',
  区内业务: 'bondedZoneActivities',
};

/** Unicode NFKC (full-width → half-width), lower case, no spaces: the form headers are compared in. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, '')
    .toLowerCase();
}

/** A label without its trailing explanation in parentheses: 在综合保税区内开展的业务（可多选） → 在综合保税区内开展的业务. */
export function shortLabel(zh: string): string {
  return zh.replace(/\s*[（(][^（）()]*[）)]\s*$/u, '').trim();
}

function buildFields(catalog: readonly FactDefinition[]): { fields: ColumnField[]; headerMap: Map<string, ColumnField> } {
  const fields: ColumnField[] = [
    { field: 'name', type: 'text', zh: '企业名称', en: 'enterprise name', headers: ['name'] },
    { field: 'uscc', type: 'text', zh: '统一社会信用代码', en: 'unified social credit code (USCC)', headers: ['uscc'] },
  ];
  for (const fact of catalog) {
    if (fact.scope !== 'enterprise' || fact.derived) continue;
    fields.push({
      field: fact.name,
      type: fact.type,
      ...(fact.values && { values: fact.values }),
      ...(fact.valueWords && { valueWords: fact.valueWords }),
      zh: fact.zh,
      en: fact.en,
      headers: [fact.name],
    });
  }
  const byField = new Map(fields.map((f) => [f.field, f]));
  // Candidate headers; one that would name two fields names neither (use the fact name instead).
  const claims = new Map<string, Set<string>>();
  const claim = (header: string, field: string) => {
    const key = normalizeHeader(header);
    if (!key) return;
    claims.set(key, (claims.get(key) ?? new Set()).add(field));
  };
  for (const f of fields) {
    claim(f.field, f.field);
    claim(f.zh, f.field);
    claim(shortLabel(f.zh), f.field);
  }
  for (const [alias, field] of Object.entries(headerAliases)) if (byField.has(field)) claim(alias, field);
  for (const f of fields) {
    f.headers = [f.field];
    const short = shortLabel(f.zh);
    if (claims.get(normalizeHeader(short))?.size === 1) f.headers.push(short);
    if (short !== f.zh && claims.get(normalizeHeader(f.zh))?.size === 1) f.headers.push(f.zh);
  }
  for (const [alias, field] of Object.entries(headerAliases)) {
    const f = byField.get(field);
    if (f && claims.get(normalizeHeader(alias))?.size === 1 && !f.headers.some((h) => normalizeHeader(h) === normalizeHeader(alias))) f.headers.push(alias);
  }
  const headerMap = new Map<string, ColumnField>();
  for (const [key, set] of claims) if (set.size === 1) headerMap.set(key, byField.get([...set][0]!)!);
  return { fields, headerMap };
}

/** The columns a list may have for one fact catalog (a rule set's: its declared facts are columns too). */
export class ColumnMap {
  /** Every column: name, uscc, then the catalog's enterprise facts in catalog order. */
  readonly fields: readonly ColumnField[];
  private readonly headerMap: Map<string, ColumnField>;

  constructor(facts: readonly FactDefinition[]) {
    const { fields, headerMap } = buildFields(facts);
    this.fields = fields;
    this.headerMap = headerMap;
  }

  /** The field a header names, or undefined for a header we do not know. */
  fieldForHeader(header: string): ColumnField | undefined {
    return this.headerMap.get(normalizeHeader(header));
  }
}

/** The columns of the built-in facts alone. */
export const builtinColumns = new ColumnMap(builtinCatalog.all);

/** A rule set's columns, made once and kept by the rule set. */
export const columnsOf = (rules: RuleBase): ColumnMap => rules.memo(columnMapOf);
const columnMapOf = (rules: RuleBase) => (rules.declared.length ? new ColumnMap(rules.catalog.all) : builtinColumns);

/** Marks a cell that states nothing: the fact stays unknown. */
export const EMPTY = Symbol('empty cell');

/** A cell that cannot be read as its field's type; the row's error names the column. */
export class CellError extends Error {}

const TRUE = new Set(['true', '是', '1', 'yes', 'y', '对', '有', 't']);
const FALSE = new Set(['false', '否', '0', 'no', 'n', '无', '没有', 'f']);
const LIST_SEPARATOR = /[;；,，|、]/;

function excelDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * A cell as a fact value. Empty (or only spaces) → EMPTY. Booleans: true/false/是/否/1/0/yes/no.
 * Numbers and dates stay text: the profile schema reads them (src/profile/values.ts, the one reader of
 * 186,000, ¥1.86万, 2024/1/1 or 2024年1月1日 for profiles, lists and answers) and names what is wrong.
 * Lists (string[] / date[]) are separated by ; ， | or 、. Enums take the value or its words (values.ts).
 * Anything that does not convert is passed on unchanged for the profile schema to reject by name.
 */
export function convertCell(f: ColumnField, cell: unknown): unknown {
  if (cell === null || cell === undefined) return EMPTY;
  if (cell instanceof Date) return f.type === 'date' ? excelDate(cell) : f.type === 'date[]' ? [excelDate(cell)] : cell;
  if (typeof cell !== 'string') {
    if (typeof cell === 'number' && (f.type === 'string' || f.type === 'enum' || f.type === 'text')) return String(cell);
    if (typeof cell === 'number' && f.type === 'boolean' && (cell === 0 || cell === 1)) return cell === 1;
    return cell;
  }
  const text = cell.trim();
  if (text === '') return EMPTY;
  switch (f.type) {
    case 'boolean': {
      const word = text.toLowerCase();
      if (TRUE.has(word)) return true;
      if (FALSE.has(word)) return false;
      throw new CellError(`"${text}" is not a yes/no value (write true/false, 是/否, 1/0 or yes/no; leave empty if unknown)`);
    }
    case 'enum':
      return readEnumWord(text, f.values ?? [], f.valueWords);
    case 'string[]':
    case 'date[]':
      return text
        .split(LIST_SEPARATOR)
        .map((s) => s.trim())
        .filter(Boolean);
    default:
      return text;
  }
}

/** How a column is shown in messages: the header as written, with the field name when they differ. */
export function columnName(header: string, field: string): string {
  return header === field ? field : `${header} (${field})`;
}
