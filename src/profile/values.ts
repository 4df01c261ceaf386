// The one reader of numbers and dates as users write them, for profiles (YAML/JSON), list cells
// (src/batch/columns.ts) and `huiqi ask` answers alike: the profile schema runs it before validating
// (fields.ts), so every way in accepts the same forms and refuses the rest with the same message.
//
// Numbers: full-width digits and punctuation (１２３, as an IME types them), spaces around, thousands
// separators in groups of three (186,000 or 186，000), and for amounts of yuan a leading ¥/￥, a
// trailing 元, and 万 (10⁴) or 亿 (10⁸): "1.86万" and "186万元" are how Chinese records write amounts,
// and the multiplier is fixed, so reading them is unambiguous. 万/亿 are not read for other numbers
// (months, a class, US dollars): "3万" months is more likely a typo than a figure.
// Dates: YYYY-MM-DD, also with / or . between the parts, one-digit months and days, or 2024年1月1日;
// full-width digits too. Years outside 1949–2099 are refused: a typed year that far off is a mistake.

/** The years a date may have: no record of an enterprise of the People's Republic predates 1949. */
export const YEARS = { min: 1949, max: 2099 } as const;

/** Full-width forms (１２３，．￥) as their ASCII twins; spaces around trimmed. */
const normalize = (text: string) => text.normalize('NFKC').trim();

const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
/** Thousands separators only in groups of three: 186,000 and 1,860,000.5, never 18,60. */
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const MULTIPLIER = { 万: 4, 亿: 8 } as const;

/**
 * A number written as text, or undefined when the text is not one. `yuan` also reads ¥, 元, 万 and 亿.
 * Numbers are returned as they are; anything else (a boolean, an object) is not a number: undefined.
 */
export function readNumber(value: unknown, options: { yuan?: boolean } = {}): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  let text = normalize(value);
  let shift = 0;
  if (options.yuan) {
    text = text.replace(/^¥\s*/, '').replace(/\s*元$/, '');
    const unit = text.at(-1);
    if (unit === '万' || unit === '亿') {
      shift = MULTIPLIER[unit];
      text = text.slice(0, -1).trim();
    }
  }
  if (GROUPED.test(text)) text = text.replace(/,/g, '');
  if (!PLAIN.test(text)) return undefined;
  // 万/亿 move the decimal point: 1.86万 is 18600 exactly, not 1.86 × 10000 = 18600.000000000004.
  return shift ? Number(`${text}e${shift}`) : Number(text);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const WRITTEN = [/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/, /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/];

/**
 * A date written as users write it, as YYYY-MM-DD; undefined when the text is not a date in one of the
 * accepted forms. It does not check that the day exists or the year range: see dateProblem.
 */
export function readDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = normalize(value);
  if (ISO.test(text)) return text;
  for (const form of WRITTEN) {
    const m = form.exec(text);
    if (m) return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  }
  return undefined;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * What is wrong with a YYYY-MM-DD date: a day that does not exist, or a year outside YEARS. Counted
 * without a Date (every date of every profile passes here, some twice). A year below 100 is no real
 * date, as when this asked Date.UTC, which reads such a year as 1900–1999.
 */
export function dateProblem(day: string): string | undefined {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const d = Number(day.slice(8, 10));
  if (!(y >= 100) || !(m >= 1 && m <= 12) || !(d >= 1 && d <= (m === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[m - 1]!))) return 'must be a real calendar date';
  if (y < YEARS.min || y > YEARS.max) return `must be in the years ${YEARS.min}–${YEARS.max}`;
  return undefined;
}

/** Whether a value is a valid date as the schema keeps it: YYYY-MM-DD, a real day, within YEARS. */
export const isValidDay = (value: unknown): value is string => typeof value === 'string' && ISO.test(value) && !dateProblem(value);

/** A value as the messages echo it: strings quoted, numbers as they are. */
export const shown = (value: unknown): string => (typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value)));

/** The words of an enum's values as a declaration gives them: zh, en, and other words users write for it. */
export type EnumWords = Readonly<Record<string, { zh: string; en: string; also?: readonly string[] }>>;

/** Text compared without case, width or spaces: "AEO Advanced", "ａｅｏadvanced" and "aeo advanced" are one. */
const compact = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/**
 * An enum value as users write it: the value itself (any case), or one of its words in either language
 * (高级认证企业, dishonest enterprise, 一般信用企业 for `registered`). Anything else is returned as it
 * came, for the schema to refuse naming the values. The one reader of enum words: profiles, list cells,
 * answers and the API all go through the profile schema, which calls it.
 */
export function readEnumWord(input: unknown, values: readonly string[], words?: EnumWords): unknown {
  if (typeof input !== 'string') return input;
  if (values.includes(input)) return input; // the value itself, as programs send it: no text to compare
  const key = compact(input);
  for (const value of values) {
    if (compact(value) === key) return value;
    const w = words?.[value];
    if (w && (compact(w.zh) === key || compact(w.en) === key || w.also?.some((word) => compact(word) === key))) return value;
  }
  return input;
}
