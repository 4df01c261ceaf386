// The column mapping: derived from the fact catalog, Chinese and English headers, cell conversion.
import { describe, expect, it } from 'vitest';
import { CellError, builtinColumns, convertCell, EMPTY, headerAliases } from '../../src/batch/columns.ts';
import { builtinCatalog } from '../../src/facts/catalog.ts';

const field = (header: string) => builtinColumns.fieldForHeader(header)?.field;
const column = (name: string) => builtinColumns.fields.find((f) => f.field === name)!;

describe('column mapping', () => {
  it('has a column for name, uscc and every enterprise fact a profile states (none hand-listed)', () => {
    const facts = builtinCatalog.all.filter((f) => f.scope === 'enterprise' && !f.derived).map((f) => f.name);
    expect(builtinColumns.fields.map((f) => f.field)).toEqual(['name', 'uscc', ...facts]);
  });

  it('accepts Chinese and English headers for the common columns', () => {
    expect([field('企业名称'), field('name'), field('公司名称')]).toEqual(['name', 'name', 'name']);
    expect([field('统一社会信用代码'), field('uscc'), field('USCC')]).toEqual(['uscc', 'uscc', 'uscc']);
    expect([field('海关信用等级'), field('customsCredit'), field('customscredit'), field(' 海关信用等级 ')]).toEqual(Array(4).fill('customsCredit'));
    expect([field('所在省份'), field('province'), field('省份')]).toEqual(['province', 'province', 'province']);
    // The checklists under the names a clerk gives them.
    expect([field('企业情况'), field('situations'), field('正在办理的事项'), field('区内业务')]).toEqual(['situations', 'situations', 'pendingMatters', 'bondedZoneActivities']);
  });

  it("accepts a fact's full Chinese label, with full-width or half-width parentheses, and its short form", () => {
    const activities = builtinCatalog.all.find((f) => f.name === 'bondedZoneActivities')!;
    expect(activities.zh).toMatch(/（.+）$/);
    expect(field(activities.zh)).toBe('bondedZoneActivities');
    expect(field(activities.zh.replace('（', '(').replace('）', ')'))).toBe('bondedZoneActivities');
    expect(field('在综合保税区内开展的业务')).toBe('bondedZoneActivities');
    expect(field('民营企业')).toBe('privateEnterprise');
    expect(field('企业规模')).toBe('enterpriseSize');
  });

  it('knows no unknown header', () => {
    expect(builtinColumns.fieldForHeader('联系人')).toBeUndefined();
    expect(builtinColumns.fieldForHeader('customs_credit')).toBeUndefined();
  });

  it('points every alias at a real column, and no header at two columns', () => {
    for (const target of Object.values(headerAliases))
      expect(
        builtinColumns.fields.some((f) => f.field === target),
        target,
      ).toBe(true);
    const seen = new Map<string, string>();
    for (const f of builtinColumns.fields) {
      for (const h of f.headers) {
        expect(builtinColumns.fieldForHeader(h)?.field, `header ${h}`).toBe(f.field);
        seen.set(h, f.field);
      }
    }
  });
});

describe('cell conversion', () => {
  it('reads yes/no in English, Chinese and digits; empty is unknown', () => {
    const f = column('privateEnterprise');
    for (const yes of ['true', 'TRUE', '是', '1', 'yes', 'Y']) expect(convertCell(f, yes), yes).toBe(true);
    for (const no of ['false', '否', '0', 'no', 'N']) expect(convertCell(f, no), no).toBe(false);
    expect(convertCell(f, '')).toBe(EMPTY);
    expect(convertCell(f, '   ')).toBe(EMPTY);
    expect(convertCell(f, undefined)).toBe(EMPTY);
    expect(() => convertCell(f, '也许')).toThrow(CellError);
  });

  it('takes an enum value or its Chinese word from the label', () => {
    expect(convertCell(column('customsCredit'), '高级认证企业')).toBe('advanced');
    expect(convertCell(column('customsCredit'), 'Advanced')).toBe('advanced');
    expect(convertCell(column('enterpriseSize'), '小型')).toBe('small');
    expect(convertCell(column('customsCredit'), 'AA')).toBe('AA'); // left for the schema to reject by name
  });

  it('leaves numbers and dates to the profile schema (values.ts reads them), reads lists and spreadsheet values', () => {
    const number = builtinColumns.fields.find((f) => f.type === 'number')!;
    expect(convertCell(number, ' 1,234,567 ')).toBe('1,234,567');
    const date = column('projectApprovalDate');
    expect(convertCell(date, '2024/3/5')).toBe('2024/3/5');
    expect(convertCell(date, new Date('2024-03-05T00:00:00Z'))).toBe('2024-03-05');
    expect(convertCell(date, '2023-02-30')).toBe('2023-02-30'); // the schema rejects it, naming the column
    expect(convertCell(column('bondedZoneActivities'), 'rd-design; bonded-testing、global-repair')).toEqual(['rd-design', 'bonded-testing', 'global-repair']);
    expect(convertCell(column('privateEnterprise'), 1)).toBe(true);
  });
});
