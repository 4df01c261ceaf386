// Numbers and dates as users write them (issue #11): one reader (src/profile/values.ts) for profiles,
// list cells and answers; what it refuses is named with the value echoed, never "is required".
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProfile } from '../../src/profile/load.ts';
import { readDate, readNumber } from '../../src/profile/values.ts';
import { tempDir } from '../support/temp.ts';

const USCC = '91110000600037341L';
const incident = (fields: object) => ({ name: 'A', uscc: USCC, incidents: [{ id: 'i1', kind: 'customs-violation', ...fields }] });
const incidentOf = (fields: object) => parseProfile(incident(fields)).incidents[0] as Record<string, unknown>;
const problems = (data: unknown): string => {
  try {
    parseProfile(data);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the profile was accepted');
};

describe('numbers', () => {
  it('reads full-width digits, thousands separators and surrounding spaces', () => {
    expect(incidentOf({ underpaidTax: '１２３' }).underpaidTax).toBe(123);
    expect(incidentOf({ underpaidTax: '186,000' }).underpaidTax).toBe(186000);
    expect(incidentOf({ underpaidTax: '186，000.50' }).underpaidTax).toBe(186000.5);
    expect(incidentOf({ underpaidTax: ' 186000 ' }).underpaidTax).toBe(186000);
  });

  it('reads ¥, 元, 万 and 亿 for amounts of yuan only, exactly (1.86万 is 18600)', () => {
    expect(incidentOf({ underpaidTax: '¥186000' }).underpaidTax).toBe(186000);
    expect(incidentOf({ underpaidTax: '￥186,000元' }).underpaidTax).toBe(186000);
    expect(incidentOf({ underpaidTax: '1.86万' }).underpaidTax).toBe(18600);
    expect(incidentOf({ taxPayable: '0.07亿元' }).taxPayable).toBe(7_000_000);
    expect(readNumber('3万')).toBeUndefined(); // months, a class, US dollars: no 万
    expect(readNumber('¥3')).toBeUndefined();
    expect(problems({ name: 'A', uscc: USCC, inspectionVideoRetentionMonths: '¥3' })).toContain('inspectionVideoRetentionMonths: must be a number of months (got "¥3")');
  });

  it('refuses ambiguous separators and echoes what it got', () => {
    expect(readNumber('18,60')).toBeUndefined();
    expect(problems(incident({ underpaidTax: 'NaN' }))).toContain('incidents[0].underpaidTax: must be a number of yuan (got "NaN")');
    expect(problems(incident({ underpaidTax: '18,60' }))).toContain('underpaidTax: must be a number of yuan (got "18,60")');
    expect(problems(incident({ underpaidTax: -186000 }))).toContain('underpaidTax: must not be negative (got -186000)');
    expect(problems(incident({ underpaidTax: '-186,000' }))).toContain('underpaidTax: must not be negative (got -186000)');
  });

  it('never calls a present but unreadable value "required"', () => {
    const message = problems(incident({ underpaidTax: 'lots', discoveredByCustoms: 'maybe', correctedInTime: null }));
    expect(message).not.toMatch(/is required/);
    expect(message).toContain('discoveredByCustoms: must be true or false (got "maybe")');
    expect(message).toContain('correctedInTime: must be true or false (got null)');
  });
});

describe('dates', () => {
  it('reads 2024/1/1, 2024/01/01, 2024.1.1, 2024年1月1日 and full-width digits as 2024-01-01', () => {
    for (const written of ['2024/1/1', '2024/01/01', '2024.1.1', '2024年1月1日', '２０２４－０１－０１', ' 2024-01-01 ']) {
      expect(incidentOf({ violationDate: written }).violationDate, written).toBe('2024-01-01');
    }
    expect(incidentOf({ priorDisclosuresOfSameViolation: ['2023/5/6'], disclosureDate: '2024年1月1日' }).priorDisclosuresOfSameViolation).toEqual(['2023-05-06']);
  });

  it('refuses other forms, days that do not exist and years outside 1949–2099, echoing the value', () => {
    expect(readDate('20240101')).toBeUndefined();
    expect(problems(incident({ violationDate: '20240101' }))).toContain('incidents[0].violationDate: must be a date YYYY-MM-DD (got "20240101")');
    expect(problems(incident({ violationDate: '2023/2/29' }))).toContain('violationDate: must be a real calendar date (got "2023/2/29")');
    expect(problems(incident({ violationDate: '1948-12-31' }))).toContain('violationDate: must be in the years 1949–2099 (got "1948-12-31")');
    expect(problems(incident({ violationDate: '2100-01-01' }))).toContain('must be in the years 1949–2099');
    expect(incidentOf({ violationDate: '1949-01-01' }).violationDate).toBe('1949-01-01');
    expect(incidentOf({ violationDate: '2099-12-31' }).violationDate).toBe('2099-12-31');
  });

  it('compares disclosure and violation dates only when both are valid', () => {
    const message = problems(incident({ violationDate: '2024-06-01', disclosureDate: '20240101' }));
    expect(message).toContain('disclosureDate: must be a date YYYY-MM-DD (got "20240101")');
    expect(message).not.toMatch(/is before/);
    expect(problems(incident({ violationDate: '2024/6/1', disclosureDate: '2024/5/31' }))).toContain('disclosureDate: is before the violation date 2024-06-01');
    expect(incidentOf({ violationDate: '2024/6/1', disclosureDate: '2024年6月1日' }).disclosureDate).toBe('2024-06-01');
  });
});

describe('list cells read by the same reader', () => {
  it('accepts 186,000, ¥1.86万 and 2024年1月1日 in a list, and names the column and value otherwise', () => {
    const dir = tempDir('values');
    const list = join(dir, 'list.csv');
    writeFileSync(
      list,
      `企业名称,统一社会信用代码,cbecAnnualExportValue,projectApprovalDate\n甲,${USCC},"186,000",2024年1月1日\n乙,${USCC},¥1.86万,2024.1.1\n丙,${USCC},NaN,20240101\n`,
    );
    const run = spawnSync(process.execPath, ['bin/huiqi.js', 'screen', list, '--format', 'jsonl', '--as-of', '2025-01-01'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const rows = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { error: string | null });
    expect(rows.map((r) => r.error ?? '')).toEqual([
      '',
      '',
      'cbecAnnualExportValue: must be a number of yuan (got "NaN"); projectApprovalDate: must be a date YYYY-MM-DD (got "20240101")',
    ]);
  });
});
