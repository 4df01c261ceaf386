// What the rule set covers, said beside every result (check, report, the self-check page): the
// jurisdictions whose local documents are in it (the folders of the rules read), whether the enterprise's
// province is one of them, and a gentle note when the USCC's registration-authority code (登记管理机关
// 行政区划码, GB 32100-2015 characters 3–8; the first two digits are the province's GB/T 2260 code) names
// another province than the one stated.
import type { RuleResult } from '../engine/evaluate.ts';
import type { Lang } from '../io/lang.ts';
import type { Enterprise } from '../profile/enterprise.ts';
import { provinces, type Province } from '../profile/provinces.ts';

/** GB/T 2260 province codes, as the USCC's characters 3–4 give them. */
const provinceByCode: Readonly<Record<string, Province>> = {
  '11': 'beijing',
  '12': 'tianjin',
  '13': 'hebei',
  '14': 'shanxi',
  '15': 'inner-mongolia',
  '21': 'liaoning',
  '22': 'jilin',
  '23': 'heilongjiang',
  '31': 'shanghai',
  '32': 'jiangsu',
  '33': 'zhejiang',
  '34': 'anhui',
  '35': 'fujian',
  '36': 'jiangxi',
  '37': 'shandong',
  '41': 'henan',
  '42': 'hubei',
  '43': 'hunan',
  '44': 'guangdong',
  '45': 'guangxi',
  '46': 'hainan',
  '50': 'chongqing',
  '51': 'sichuan',
  '52': 'guizhou',
  '53': 'yunnan',
  '54': 'tibet',
  '61': 'shaanxi',
  '62': 'gansu',
  '63': 'qinghai',
  '64': 'ningxia',
  '65': 'xinjiang',
  '71': 'taiwan',
  '81': 'hong-kong',
  '82': 'macao',
};

/** The province a USCC's registration authority lies in, when its code names one (a national authority, 10…, names none). */
export function usccProvince(uscc: string): Province | undefined {
  return provinceByCode[uscc.slice(2, 4)];
}

export interface Coverage {
  /** Jurisdictions with local documents among the rules read (national aside), in order. */
  local: string[];
  /** The enterprise's province, when stated. */
  province?: string;
  /** Whether its province's local documents are in the rule set (undefined: province not stated). */
  covered?: boolean;
  /** The province the USCC's registration authority lies in, when it is not the one stated. */
  usccElsewhere?: Province;
}

export function coverageOf(profile: Enterprise, results: readonly RuleResult[]): Coverage {
  const local = [...new Set(results.map((r) => r.rule.source.jurisdiction))].filter((j) => j !== 'national').sort();
  const province = profile.province;
  const registered = usccProvince(profile.uscc);
  return {
    local,
    ...(province !== undefined && { province, covered: local.includes(province) }),
    ...(province !== undefined && registered !== undefined && registered !== province && { usccElsewhere: registered }),
  };
}

const placeName = (id: string, lang: Lang) =>
  lang === 'zh'
    ? ((provinces as Record<string, string>)[id] ?? id)
    : id
        .split('-')
        .map((p) => p[0]!.toUpperCase() + p.slice(1))
        .join(' ');

/** The coverage in words, one sentence a line. */
export function coverageLines(c: Coverage, lang: Lang): string[] {
  const zh = lang === 'zh';
  const places = c.local.map((j) => placeName(j, lang)).join(zh ? '、' : ', ');
  const lines = [
    c.local.length
      ? zh
        ? `核查范围：全国性文件，以及${places}的地方文件。`
        : `Checked: national documents, and local documents of ${places}.`
      : zh
        ? '核查范围：仅全国性文件。'
        : 'Checked: national documents only.',
  ];
  if (c.covered === false) {
    const here = placeName(c.province!, lang);
    lines.push(
      zh
        ? `${here}的地方文件不在规则集中：只核查了全国性措施，当地的政策请另行了解。`
        : `No local documents of ${here} are in the rule set: only national measures were checked; ask locally about local policies.`,
    );
  }
  if (c.usccElsewhere) {
    const code = placeName(c.usccElsewhere, lang);
    const stated = placeName(c.province!, lang);
    lines.push(
      zh
        ? `请留意：统一社会信用代码显示登记机关在${code}，所填省份为${stated}。如企业已迁址或在异地登记，可以不用理会；否则请核对所在省份。`
        : `Please note: the USCC shows a registration authority in ${code}, while the province given is ${stated}. If the enterprise moved or registered elsewhere, this is fine; otherwise check the province.`,
    );
  }
  return lines;
}
