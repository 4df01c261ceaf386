// The profile schema's messages (written in English, each echoing the value it got) in the user's language:
// the one table of their Chinese, for every place that shows one to a person (the self-check page,
// `huiqi ask`, commands run with --lang zh). A message not known here stays as it is.
import type { Lang } from '../io/lang.ts';

type Say = (...m: string[]) => string;

/** The USCC problems (uscc.ts) in Chinese. */
const usccProblems: [RegExp, Say][] = [
  [/^must have 18 characters, has (\d+)$/, (_, n) => `应为18位，现为${n}位`],
  [/^character "(.*)" is not allowed/, (_, c) => `字符“${c}”不允许（数字和除 I、O、S、V、Z 外的大写字母）`],
  [/^check character is "(.*)" but GB 32100-2015 gives "(.*)"$/, (_, got, want) => `校验码为“${got}”，按 GB 32100-2015 应为“${want}”`],
];

const translate = (table: [RegExp, Say][], text: string): string | undefined => {
  for (const [pattern, say] of table) {
    const m = pattern.exec(text);
    if (m) return say(...m);
  }
  return undefined;
};

/** `advanced (高级认证企业), registered (…)` as the Chinese words, values without words as they are. */
const choices = (list: string) =>
  list
    .split(/, (?![^(]*\))/)
    .map((item) => /^\S+ \((.+)\)$/.exec(item)?.[1] ?? item)
    .join('、');

const chinese: [RegExp, Say][] = [
  [/^invalid profile:$/, () => '企业信息有误：'],
  [/^is required$/, () => '必填'],
  [/^must not be empty$/, () => '不能为空'],
  // The field (统一社会信用代码) is named where the message is shown.
  [/^is not a valid 统一社会信用代码: (.*)$/, (_, problem) => translate(usccProblems, problem!) ?? `不是有效的统一社会信用代码：${problem}`],
  [/^must be a number of yuan/, () => '请输入以元计的金额（如 186000、186,000、¥1.86万）'],
  [/^must be a (?:number|class)/, () => '请输入数字'],
  [/^must not be negative/, () => '不能为负数'],
  [/^must be a date YYYY-MM-DD/, () => '请输入日期，如 2024-01-01、2024/1/1 或 2024年1月1日'],
  [/^must be a real calendar date/, () => '该日期不存在'],
  [/^must be in the years (\d+)–(\d+)/, (_, from, to) => `年份须在 ${from}–${to} 之间`],
  [/^must be one of: (.*?)(?: \(got .*\))?$/, (_, values) => `请从以下选项中选择：${choices(values!)}`],
  [/^must be true or false/, () => '请回答 是 或 否'],
  [/^answer yes or no/, () => '请回答 是 或 否'],
  [/^must be text/, () => '应为文字'],
  [/^must be a list/, () => '应为列表'],
  [/^must be a mapping/, () => '应为键值对'],
  [/^must be 10 digits or capital letters/, () => '应为10位数字或大写字母'],
  [/^must be AEOCN followed by/, () => '应为 AEOCN 加10位海关企业编码，如 AEOCN0123456789（海关总署公告2023年第102号第三条）'],
  [/^must be RS, then AEOF or AEOS/, () => '应为 RS、AEOF 或 AEOS 加24位企业编码，如 RSAEOF123456789012345678901234（海关总署公告2023年第102号第四条）'],
  [/^is before the violation date (\S+)/, (_, d) => `早于违规行为发生之日 ${d}`],
  [/^is after this disclosure \((\S+)\)/, (_, d) => `晚于本次披露之日 ${d}`],
  [/^"(.*)" is already the id of (\S+); each incident needs its own id$/, (_, id, other) => `“${id}”已是 ${other} 的编号；每个事项须有自己的编号`],
];

/**
 * A schema message in `lang`, the value it got echoed: `请从以下选项中选择：…（输入为 "x"）`. A message may
 * start with what it concerns (`uscc: …`, `profile.yaml: invalid profile:`) and run over several lines
 * (a profile's problems, one a line): each line is said in `lang`, what it concerns kept.
 */
export function messageIn(message: string, lang: Lang): string {
  if (lang === 'en') return message;
  return message.split('\n').map(lineIn).join('\n');
}

function lineIn(line: string): string {
  const indent = /^\s*/.exec(line)![0];
  const text = line.slice(indent.length);
  const whole = said(text);
  if (whole !== undefined) return indent + whole;
  // What it concerns, then the message: a field path or a file name has no spaces.
  const m = /^(\S+): (.+)$/.exec(text);
  const rest = m && said(m[2]!);
  return rest !== undefined && rest !== null ? `${indent}${m![1]}：${rest}` : line;
}

function said(text: string): string | undefined {
  const got = / \(got (.*)\)$/.exec(text)?.[1];
  const zh = translate(chinese, text);
  if (zh === undefined) return undefined;
  return `${zh}${got !== undefined ? `（输入为 ${got}）` : ''}`;
}
