// 省级行政区: a profile may name its province in pinyin or in Chinese (with or without 省/市/自治区).
export const provinces = {
  beijing: '北京',
  tianjin: '天津',
  hebei: '河北',
  shanxi: '山西',
  'inner-mongolia': '内蒙古',
  liaoning: '辽宁',
  jilin: '吉林',
  heilongjiang: '黑龙江',
  shanghai: '上海',
  jiangsu: '江苏',
  zhejiang: '浙江',
  anhui: '安徽',
  fujian: '福建',
  jiangxi: '江西',
  shandong: '山东',
  henan: '河南',
  hubei: '湖北',
  hunan: '湖南',
  guangdong: '广东',
  guangxi: '广西',
  hainan: '海南',
  chongqing: '重庆',
  sichuan: '四川',
  guizhou: '贵州',
  yunnan: '云南',
  tibet: '西藏',
  shaanxi: '陕西',
  gansu: '甘肃',
  qinghai: '青海',
  ningxia: '宁夏',
  xinjiang: '新疆',
  'hong-kong': '香港',
  macao: '澳门',
  taiwan: '台湾',
} as const;

export type Province = keyof typeof provinces;
export const provinceIds = Object.keys(provinces) as [Province, ...Province[]];

const SUFFIX = /(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$/u;
const byChineseName = new Map(Object.entries(provinces).map(([id, name]) => [name as string, id]));

/** Maps 重庆市 / 重庆 / Chongqing to `chongqing`; anything else is returned unchanged for the schema to reject. */
export function normalizeProvince(input: unknown): unknown {
  if (typeof input !== 'string') return input;
  const trimmed = input.trim();
  const slug = trimmed.toLowerCase().replace(/\s+/g, '-');
  if (slug in provinces) return slug;
  const zh = trimmed.replace(SUFFIX, '');
  return byChineseName.get(zh) ?? input;
}

/** Each province's words, as an enum's value words: 重庆 / Chongqing (a profile, list or answer may use either). */
export const provinceWords = Object.fromEntries(
  provinceIds.map((id) => [
    id,
    {
      zh: provinces[id],
      en: id
        .split('-')
        .map((part) => part[0]!.toUpperCase() + part.slice(1))
        .join(' '),
    },
  ]),
) as Readonly<Record<Province, { zh: string; en: string }>>;
