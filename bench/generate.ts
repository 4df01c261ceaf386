// A seeded generator of realistic enterprise lists (for the bench and samples/): Chinese company names,
// valid 统一社会信用代码, a mix of provinces, credit levels, sizes and yes/no facts the rules ask about,
// about a quarter of cells left empty (unknown), and, on request, rows broken on purpose.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { usccCheckCharacter } from '../src/profile/uscc.ts';

/** mulberry32: a small, fast, seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES: [string, string, number][] = [
  ['重庆', '重庆市', 40],
  ['苏州', '江苏省', 8],
  ['南京', '江苏', 5],
  ['武汉', '湖北省', 8],
  ['宜昌', '湖北', 2],
  ['深圳', '广东省', 7],
  ['东莞', '广东', 4],
  ['上海', '上海市', 6],
  ['宁波', '浙江省', 5],
  ['成都', '四川省', 5],
  ['郑州', '河南省', 3],
  ['西安', 'shaanxi', 2],
  ['青岛', 'Shandong', 3],
  ['厦门', '福建', 2],
];
const BRANDS = '华信达鑫科瑞通盛恒嘉德泰宏远博创联合海川祥和永安锦程天元星辰'.split('');
const TRADES = ['精密电子', '国际贸易', '供应链管理', '进出口', '机械制造', '跨境电子商务', '生物医药', '汽车零部件', '新材料', '物流', '食品', '光电科技'];
const FORMS = ['有限公司', '有限公司', '有限责任公司', '股份有限公司'];
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const REGION: Record<string, string> = {
  重庆市: '500000',
  江苏省: '320500',
  江苏: '320100',
  湖北省: '420100',
  湖北: '420500',
  广东省: '440300',
  广东: '441900',
  上海市: '310000',
  浙江省: '330200',
  四川省: '510100',
  河南省: '410100',
  shaanxi: '610100',
  Shandong: '370200',
  福建: '350200',
};

/** The header of generated lists: Chinese for the common columns, English fact names for the rest (both are accepted). */
export const generatedHeader = [
  '企业名称',
  '统一社会信用代码',
  '所在省份',
  '海关信用等级',
  '企业规模',
  '海关编码',
  '民营企业',
  'foreignInvested',
  'crossBorderEcommerceEnterprise',
  'cbecExporter',
  'exportsToOverseasWarehouse',
  'inComprehensiveBondedZone',
  'bondedZoneActivities',
  'processingTradeEnterprise',
  'processingTradeSupervision',
  'domesticInvestmentProject',
  'projectInEncouragedCategory2024',
  'projectApprovalDate',
  'importsOwnUseEquipmentWithinTotalInvestment',
  'importedGoodsInNonExemptCatalogues',
  'projectUnderConstruction',
  'cbecAnnualExportValue',
  'applyingForGovernmentService',
  'goodCreditRecord',
  'technologyEnterprise',
  'exportCreditInsuranceViaSingleWindow',
] as const;

const ACTIVITIES = ['processing-manufacturing', 'rd-design', 'bonded-testing', 'global-repair', 'warehousing-logistics', 'cross-border-ecommerce', 'financial-leasing'];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function weighted<T>(rand: () => number, list: readonly [T, number][]): T {
  const total = list.reduce((s, [, w]) => s + w, 0);
  let x = rand() * total;
  for (const [v, w] of list) if ((x -= w) < 0) return v;
  return list[list.length - 1]![0];
}

export function uscc(rand: () => number, region: string): string {
  let body = `91${region}`;
  while (body.length < 17) body += USCC_ALPHABET[Math.floor(rand() * USCC_ALPHABET.length)];
  return body + usccCheckCharacter(body)!;
}

/** The ways a generated row is broken on purpose. */
export const breakages = ['uscc-check', 'uscc-length', 'credit-enum', 'date', 'boolean', 'name-empty', 'size-enum'] as const;

/** One row of cells (strings, '' = unknown) in `generatedHeader` order; `broken` spoils one field. */
export function generateRow(rand: () => number, broken?: (typeof breakages)[number]): string[] {
  const [city, province] = weighted(
    rand,
    CITIES.map(([c, p, w]) => [[c, p] as const, w]),
  );
  const name = `${city}${pick(rand, BRANDS)}${pick(rand, BRANDS)}${pick(rand, TRADES)}${pick(rand, FORMS)}`;
  const known = (p = 0.75) => rand() < p;
  const yes = (p: number) => (rand() < p ? pick(rand, ['是', 'true', '1', 'yes']) : pick(rand, ['否', 'false', '0', 'no']));
  const bool = (p: number, k = 0.75) => (known(k) ? yes(p) : '');
  const cbec = rand() < 0.3;
  const zone = rand() < 0.2;
  const project = rand() < 0.25;
  const cells: string[] = [
    name,
    uscc(rand, REGION[province] ?? '500000'),
    known(0.95) ? province : '',
    known(0.8)
      ? weighted(rand, [
          ['advanced', 15],
          ['高级认证企业', 5],
          ['registered', 60],
          ['其他注册登记和备案企业', 5],
          ['dishonest', 3],
          ['失信企业', 1],
        ])
      : '',
    known(0.7)
      ? weighted(rand, [
          ['large', 8],
          ['medium', 20],
          ['small', 40],
          ['micro', 20],
          ['小型', 7],
          ['中型', 5],
        ])
      : '',
    known(0.6)
      ? `${5000 + Math.floor(rand() * 4000)}${Math.floor(rand() * 1e6)
          .toString()
          .padStart(6, '0')}`
      : '',
    bool(0.7),
    bool(0.2),
    cbec ? '是' : bool(0.05, 0.5),
    cbec ? bool(0.8) : '',
    cbec ? bool(0.4) : '',
    zone ? '是' : bool(0.05, 0.6),
    zone && known(0.8)
      ? Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(rand, ACTIVITIES))
          .filter((v, i, a) => a.indexOf(v) === i)
          .join(';')
      : '',
    bool(0.25, 0.6),
    known(0.3) ? pick(rand, ['handbook', 'account']) : '',
    project ? '是' : bool(0.05, 0.5),
    project ? bool(0.6) : '',
    project && known(0.8) ? `20${18 + Math.floor(rand() * 8)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}` : '',
    project ? bool(0.7) : '',
    project ? bool(0.1) : '',
    project ? bool(0.5) : '',
    cbec && known(0.7) ? String(Math.floor(rand() * 5e8)) : '',
    bool(0.3, 0.5),
    bool(0.7, 0.6),
    bool(0.3, 0.6),
    bool(0.3, 0.5),
  ];
  switch (broken) {
    case 'uscc-check': {
      const u = cells[1]!;
      cells[1] = u.slice(0, 17) + (u[17] === '0' ? '1' : '0');
      break;
    }
    case 'uscc-length':
      cells[1] = cells[1]!.slice(0, 15);
      break;
    case 'credit-enum':
      cells[3] = pick(rand, ['AA', 'A类', '一般认证', 'excellent']);
      break;
    case 'date':
      cells[17] = pick(rand, ['2023-02-30', '2024-13-01', '2023.5.6', '20230506']);
      break;
    case 'boolean':
      cells[6] = pick(rand, ['不确定', 'maybe', '待定']);
      break;
    case 'name-empty':
      cells[0] = '';
      break;
    case 'size-enum':
      cells[4] = pick(rand, ['很大', 'huge']);
      break;
  }
  return cells;
}

/** CSV quoting: a cell with a comma, quote or line break goes in quotes. */
const csvCell = (c: string) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);

/** Writes `rows` generated rows as CSV or JSONL; `brokenRate` of them broken on purpose. */
export async function writeGeneratedList(file: string, rows: number, options: { seed?: number; brokenRate?: number; format?: 'csv' | 'jsonl' } = {}): Promise<void> {
  const rand = prng(options.seed ?? 20240601);
  const format = options.format ?? 'csv';
  const out = createWriteStream(file);
  const lineOf = (cells: string[]) =>
    format === 'csv' ? `${cells.map(csvCell).join(',')}\n` : `${JSON.stringify(Object.fromEntries(generatedHeader.map((h, i) => [h, cells[i]]).filter(([, v]) => v !== '')))}\n`;
  let chunk = format === 'csv' ? `${generatedHeader.join(',')}\n` : '';
  for (let i = 0; i < rows; i++) {
    const broken = options.brokenRate && rand() < options.brokenRate ? pick(rand, breakages) : undefined;
    chunk += lineOf(generateRow(rand, broken));
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.write(chunk);
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}
