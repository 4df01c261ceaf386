import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/io/input-error.ts';
import { loadProfile, parseProfile } from '../../src/profile/load.ts';
import { usccCheckCharacter, usccProblem } from '../../src/profile/uscc.ts';

const USCC = '91110000600037341L'; // a real code whose check character is L

const profileError = (data: unknown): string => {
  try {
    parseProfile(data);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('the profile was accepted');
};

const incident = (fields: object) => ({ name: 'A', uscc: USCC, incidents: [{ id: 'i1', kind: 'customs-violation', ...fields }] });

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts a code whose check character matches', () => expect(usccProblem(USCC)).toBeUndefined());
  it('computes the check character', () => expect(usccCheckCharacter(USCC.slice(0, 17))).toBe('L'));
  it('rejects a wrong check character, saying which one is expected', () => {
    expect(usccProblem('91110000600037341X')).toMatch(/check character is "X" but GB 32100-2015 gives "L"/);
  });
  it('rejects letters outside the alphabet and wrong lengths', () => {
    expect(usccProblem('9111000060003734IL')).toMatch(/"I" is not allowed/);
    expect(usccProblem('91110000600037341')).toMatch(/18 characters/);
  });
  it('names the field when a profile has a wrong one', () => {
    expect(profileError({ name: 'A', uscc: '91110000600037341X' })).toMatch(/uscc: is not a valid 统一社会信用代码/);
  });
  it('accepts lower case and surrounding spaces', () => {
    expect(parseProfile({ name: 'A', uscc: ` ${USCC.toLowerCase()} ` }).uscc).toBe(USCC);
  });
});

describe('profile validation names the field', () => {
  it('rejects a non-date disclosureDate', () => {
    expect(profileError(incident({ disclosureDate: '2024-13-01' }))).toMatch(/incidents\[0\]\.disclosureDate: must be a real calendar date/);
    expect(profileError(incident({ disclosureDate: 'next week' }))).toMatch(/incidents\[0\]\.disclosureDate/);
  });
  it('rejects 29 February in a common year', () => {
    expect(profileError(incident({ violationDate: '2023-02-29' }))).toMatch(/incidents\[0\]\.violationDate/);
  });
  it('rejects an unknown category, listing the allowed ones', () => {
    expect(profileError(incident({ category: 'smuggling' }))).toMatch(/incidents\[0\]\.category: must be one of: tax \(涉税违规\), export-refund/);
  });
  it('rejects a disclosure before the violation', () => {
    expect(profileError(incident({ violationDate: '2024-05-01', disclosureDate: '2024-04-30' }))).toMatch(/disclosureDate: is before the violation date/);
  });
  it('rejects unknown fields rather than ignoring them', () => {
    expect(profileError({ name: 'A', uscc: USCC, custmsCredit: 'advanced' })).toMatch(/unknown field "custmsCredit"/);
  });
  it('rejects an unknown customs credit level', () => {
    expect(profileError({ name: 'A', uscc: USCC, customsCredit: 'AEO' })).toMatch(
      /customsCredit: must be one of: advanced \(高级认证企业\), registered \(其他注册登记和备案企业\), dishonest \(失信企业\)/,
    );
  });
  it('requires name and uscc', () => {
    const message = profileError({});
    expect(message).toMatch(/name: is required/);
    expect(message).toMatch(/uscc: is required/);
  });
});

describe('profile values', () => {
  it('normalises provinces written in Chinese', () => {
    expect(parseProfile({ name: 'A', uscc: USCC, province: '重庆市' }).province).toBe('chongqing');
    expect(parseProfile({ name: 'A', uscc: USCC, province: '江苏省' }).province).toBe('jiangsu');
    expect(parseProfile({ name: 'A', uscc: USCC, province: 'Hubei' }).province).toBe('hubei');
  });
  it('keeps absent facts absent (unknown), never false', () => {
    const p = parseProfile(incident({ category: 'tax' }));
    expect(p.customsCredit).toBeUndefined();
    expect(p.incidents[0]).not.toHaveProperty('discoveredByCustoms');
  });
  it('loads the YAML and JSON samples', () => {
    expect(loadProfile('samples/aeo-manufacturer-chongqing.yaml').customsCredit).toBe('advanced');
    expect(loadProfile('samples/dishonest-trader.json').customsCredit).toBe('dishonest');
  });
  it('names the file when it is not valid YAML', () => {
    expect(() => loadProfile('package-lock.json.missing.yaml')).toThrow(/package-lock.json.missing.yaml: cannot read/);
  });
});
