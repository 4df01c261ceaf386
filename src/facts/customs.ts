// Derived facts for the customs rule packs: the advance-ruling extension window (海关总署公告2024年第32号),
// imports from Serbian AEO enterprises (2023年第102号); and the matcher for the Chongqing 高资信企业名单,
// which needs the enterprise's name and so cannot be a derived fact yet (derived facts do not see `name`).
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { subDays } from 'date-fns/subDays';
import { readPackageData } from '../io/data-copy.ts';
import { packagePath } from '../io/paths.ts';
import type { DerivedFact } from './types.ts';
import { AS_OF } from './types.ts';
import { dateOf, isoDay } from './periods.ts';

export const customsDerivedFacts: DerivedFact[] = [
  {
    name: 'advanceRulingExtensionWindowOpen',
    scope: 'enterprise',
    type: 'boolean',
    inputs: ['advanceRulingExpiryDate'],
    zh: '当前处于《预裁定决定书》有效期截止日前30日至90日内',
    en: 'today is 30 to 90 days before the advance ruling expires',
    // 有效期截止日前30日至90日内: both ends included (以内), counted in calendar days before the expiry date.
    compute: (f, asOf) => {
      const expiry = dateOf(f.advanceRulingExpiryDate);
      if (!expiry) return undefined;
      const daysBefore = differenceInCalendarDays(expiry, dateOf(asOf)!);
      return daysBefore >= 30 && daysBefore <= 90;
    },
    window: {
      input: AS_OF,
      range: (f) => {
        const expiry = dateOf(f.advanceRulingExpiryDate);
        return expiry && { from: isoDay(subDays(expiry, 90)), to: isoDay(subDays(expiry, 30)) };
      },
      act: { zh: '申请预裁定展期', en: 'apply to extend the advance ruling' },
      purpose: { zh: '有效期截止日前30日至90日内', en: 'to apply 30 to 90 days before it expires' },
    },
  },
  {
    name: 'onChongqingHighCreditList',
    scope: 'enterprise',
    type: 'boolean',
    inputs: ['name'],
    zh: '企业名称见于2024年5月20日公布的重庆市高资信企业名单',
    en: 'the enterprise name is on the Chongqing high-credit list published on 2024-05-20',
    // The list as published: an enterprise added since says onChongqingHighCreditList: true itself.
    defaultsProfileFact: true,
    compute: (f) => onChongqingHighCreditList(typeof f.name === 'string' ? f.name : undefined),
  },
  {
    name: 'importsFromSerbianAeoSupplier',
    scope: 'enterprise',
    type: 'boolean',
    inputs: ['serbianAeoSupplierCodes'],
    zh: '自塞尔维亚AEO企业进口货物',
    en: 'imports goods from a Serbian AEO enterprise',
    compute: (f) => (Array.isArray(f.serbianAeoSupplierCodes) ? f.serbianAeoSupplierCodes.length > 0 : undefined),
  },
];

// ---- 高资信企业名单 (data/chongqing/high-credit-enterprises.yaml) ----

const LIST_FILE = packagePath('data', 'chongqing', 'high-credit-enterprises.yaml');

/** Characters NFKC keeps as they are, none full-width ASCII or white space: U+0021–U+007E and U+4E00–U+9FFF. */
const ALREADY_NORMAL = /^[\x21-\x7E\u4E00-\u9FFF]*$/;

/**
 * A company name in a form that compares equal however it was typed: full-width ASCII (including （）)
 * folded to half-width, every kind of white space removed.
 */
export function normalizeEnterpriseName(name: string): string {
  // Most names are printable ASCII without spaces and CJK unified ideographs only, which NFKC leaves as
  // they are and which hold nothing to fold or remove: the name is its own normal form (same result, no work).
  if (ALREADY_NORMAL.test(name)) return name;
  return name
    .normalize('NFKC')
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/gu, '');
}

let listed: Set<string> | undefined;

/** The normalized names on the Chongqing 高资信企业名单 as published on 2024-05-20. */
export function chongqingHighCreditNames(): Set<string> {
  if (!listed) {
    const data = readPackageData(LIST_FILE) as { enterprises: { name: string }[] };
    listed = new Set(data.enterprises.map((e) => normalizeEnterpriseName(e.name)));
  }
  return listed;
}

/** Whether an enterprise name is on the list: what a derived `onChongqingHighCreditList` would compute from `name`. */
export function onChongqingHighCreditList(name: string | undefined): boolean | undefined {
  return name === undefined ? undefined : chongqingHighCreditNames().has(normalizeEnterpriseName(name));
}
