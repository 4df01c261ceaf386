// Derived facts for comprehensive bonded zones (综合保税区), 国发〔2019〕3号 第2项 as the provinces restate
// it: 自国务院批准设立综合保税区之日起, 入区企业进口自用的机器设备等 enjoy the zone's tax policy early.
import type { DerivedFact } from './types.ts';

export const bondedZoneDerivedFacts: DerivedFact[] = [
  {
    name: 'equipmentImportedOnOrAfterZoneApproval',
    scope: 'enterprise',
    type: 'boolean',
    inputs: ['bondedZoneApprovalDate', 'selfUseEquipmentImportDate'],
    zh: '自国务院批准设立综合保税区之日起（含当日）进口自用机器设备',
    en: 'the self-use equipment is imported on or after the day the State Council approved the zone',
    compute: (f) =>
      typeof f.bondedZoneApprovalDate === 'string' && typeof f.selfUseEquipmentImportDate === 'string'
        ? f.selfUseEquipmentImportDate >= f.bondedZoneApprovalDate // YYYY-MM-DD: text order is date order
        : undefined,
  },
];
