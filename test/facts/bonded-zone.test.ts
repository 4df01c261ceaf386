// The derived bonded-zone fact (国发〔2019〕3号 第2项 as 渝府〔2019〕8号 and 苏政发〔2019〕40号 restate it):
// 自国务院批准设立综合保税区之日起 includes the approval day; unknown dates stay unknown.
import { describe, expect, it } from 'vitest';
import { withDerivedFacts } from '../../src/facts/catalog.ts';

const derive = (facts: Record<string, unknown>) => withDerivedFacts('enterprise', facts, '2026-01-01');

describe('自国务院批准设立综合保税区之日起 (on or after the approval day)', () => {
  it.each([
    ['2019-01-10', '2019-01-10', true],
    ['2019-01-10', '2019-01-09', false],
    ['2019-01-10', '2020-12-31', true],
    ['2019-12-31', '2019-01-01', false],
  ])('approved %s, imported %s → %s', (approval, imported, expected) => {
    expect(derive({ bondedZoneApprovalDate: approval, selfUseEquipmentImportDate: imported }).equipmentImportedOnOrAfterZoneApproval).toBe(expected);
  });

  it('is unknown while either date is unknown', () => {
    expect(derive({ bondedZoneApprovalDate: '2019-01-10' })).not.toHaveProperty('equipmentImportedOnOrAfterZoneApproval');
    expect(derive({ selfUseEquipmentImportDate: '2019-01-10' })).not.toHaveProperty('equipmentImportedOnOrAfterZoneApproval');
  });
});
