// Customs facts: AEO code formats (海关总署公告2023年第102号), the advance-ruling extension window
// (2024年第32号) and the Chongqing 高资信企业名单 name matcher.
import { describe, expect, it } from 'vitest';
import { customsDerivedFacts, chongqingHighCreditNames, normalizeEnterpriseName, onChongqingHighCreditList } from '../../src/facts/customs.ts';
import { InputError } from '../../src/io/input-error.ts';
import { parseProfile } from '../../src/profile/load.ts';
import { CASE_USCC } from '../../src/cases/cases.ts';

const profileError = (facts: object): string | undefined => {
  try {
    parseProfile({ name: 'A', uscc: CASE_USCC, ...facts });
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
};

describe('AEO codes (海关总署公告2023年第102号)', () => {
  it('accepts AEOCN + 10 digits and the Serbian RS + AEOF/AEOS + 24 characters', () => {
    expect(profileError({ chinaAeoCode: 'AEOCN0123456789' })).toBeUndefined();
    expect(profileError({ serbianAeoSupplierCodes: ['RSAEOF123456789012345678901234', 'RSAEOS123456789012345678901234'] })).toBeUndefined();
  });
  it('rejects a Chinese code of the wrong length or prefix, saying what is expected', () => {
    expect(profileError({ chinaAeoCode: 'AEOCN012345678' })).toMatch(/chinaAeoCode: .*AEOCN followed by the 10-digit/);
    expect(profileError({ chinaAeoCode: 'CN0123456789' })).toMatch(/chinaAeoCode/);
  });
  it('rejects a Serbian code with another type letter or length, naming the entry', () => {
    expect(profileError({ serbianAeoSupplierCodes: ['RSAEOX123456789012345678901234'] })).toMatch(/serbianAeoSupplierCodes\[0\]: .*RS, then AEOF or AEOS/);
    expect(profileError({ serbianAeoSupplierCodes: ['RSAEOF12345678901234567890123'] })).toMatch(/serbianAeoSupplierCodes\[0\]/);
  });
});

describe('advanceRulingExtensionWindowOpen (截止日前30日至90日内)', () => {
  const fact = customsDerivedFacts.find((f) => f.name === 'advanceRulingExtensionWindowOpen')!;
  const open = (asOf: string) => fact.compute({ advanceRulingExpiryDate: '2025-06-30' }, asOf);
  it('includes both ends', () => {
    expect(open('2025-05-31')).toBe(true); // 30 days before
    expect(open('2025-04-01')).toBe(true); // 90 days before
  });
  it('excludes the days outside', () => {
    expect(open('2025-06-01')).toBe(false); // 29 days
    expect(open('2025-03-31')).toBe(false); // 91 days
  });
  it('is unknown without the expiry date', () => expect(fact.compute({}, '2025-05-01')).toBeUndefined());
});

describe('高资信企业名单', () => {
  it('holds 111 distinct names (序号 3 and 87 repeat one company)', () => expect(chongqingHighCreditNames().size).toBe(111));
  it('matches whatever the brackets and spacing', () => {
    expect(onChongqingHighCreditList('致伸科技(重庆)有限公司')).toBe(true);
    expect(onChongqingHighCreditList(' 致伸科技（重庆） 有限公司 ')).toBe(true);
    expect(normalizeEnterpriseName('华通电脑（重庆）有限公司')).toBe('华通电脑(重庆)有限公司');
  });
  it('gives names with nothing to normalise (the fast path) as the full normalisation does', () => {
    const full = (name: string) =>
      name
        .normalize('NFKC')
        .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
        .replace(/\s+/gu, '');
    for (const name of ['致伸科技(重庆)有限公司', 'ABC-1 Ltd.', '重庆长安汽车', '', '﨑山(重庆)', 'Ａ公司', '重庆\u3000公司', 'ｶﾀｶﾅ', '①号', 'e\u0301']) {
      expect(normalizeEnterpriseName(name)).toBe(full(name));
    }
  });
  it('does not match another company or a part of a name', () => {
    expect(onChongqingHighCreditList('重庆长安汽车')).toBe(false);
    expect(onChongqingHighCreditList(undefined)).toBeUndefined();
  });
});
