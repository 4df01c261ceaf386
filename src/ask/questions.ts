// Questions for `huiqi ask`, worded from the fact labels; answers parsed by the fact's type, validated by
// the profile schema (numbers and dates through values.ts, as in profiles and lists), and problems told
// in the user's language, naming the question. Which questions to ask is the report's ranker (src/report/groups.ts).
import { builtinCatalog, type FactCatalog } from '../facts/catalog.ts';
import type { FactDefinition } from '../facts/types.ts';
import type { Enterprise } from '../profile/enterprise.ts';
import { messageIn } from '../profile/messages.ts';
import { builtinProfileSchema, type ProfileSchema } from '../profile/validate.ts';
import { readEnumWord } from '../profile/values.ts';
import type { QuestionFact } from '../report/groups.ts';

const YES = new Set(['是', '对', '有', 'y', 'yes', 'true', '1']);
const NO = new Set(['否', '不是', '不', '没有', '无', 'n', 'no', 'false', '0']);
const SKIP = new Set(['', '?', '？', 'skip', '跳过', '不知道', '不清楚']);

/** The question in words, with the accepted answers; `catalog`: the facts of the rule set asking. */
export function questionPrompt(q: QuestionFact, lang: 'zh' | 'en', catalog: FactCatalog = builtinCatalog): string {
  const where = q.incidentId !== undefined ? (lang === 'zh' ? `［事项 ${q.incidentId}］` : `[incident ${q.incidentId}] `) : '';
  const definition = catalog.definition(q.fact);
  const type = definition?.type;
  const hint =
    type === 'boolean'
      ? lang === 'zh'
        ? '是/否'
        : 'yes/no'
      : type === 'enum'
        ? numberedChoices(definition!, lang)
        : type === 'number'
          ? lang === 'zh'
            ? '数字'
            : 'a number'
          : type === 'date'
            ? lang === 'zh'
              ? 'YYYY-MM-DD，或 2024/1/1、2024年1月1日'
              : 'YYYY-MM-DD, or 2024/1/1'
            : type === 'date[]'
              ? lang === 'zh'
                ? '日期，逗号分隔，无则留“无”'
                : 'dates, comma-separated; "none" for none'
              : type === 'string[]' && definition!.values?.length
                ? `${numberedChoices(definition!, lang)}  ${lang === 'zh' ? '— 可多选，逗号分隔；都不是请输入 无' : '— any number, comma-separated; "none" for none'}`
                : type === 'string[]'
                  ? lang === 'zh'
                    ? '逗号分隔'
                    : 'comma-separated'
                  : '';
  const skip = lang === 'zh' ? '回车跳过' : 'Enter to skip';
  return `${where}${q.label[lang]}${hint ? ` (${hint})` : ''} [${skip}]: `;
}

/** An enum's or checklist's values as offered, each with the number that chooses it: 1) 高级认证企业 (advanced)  2) … */
const numberedChoices = (definition: FactDefinition, lang: 'zh' | 'en') => definition.values!.map((v, i) => `${i + 1}) ${choiceWords(definition, v, lang)}`).join('  ');

/** The value an answer chooses by its number (1 for the first value), or undefined when it is no such number. */
function byNumber(values: readonly string[], text: string): string | undefined {
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= values.length ? values[n - 1] : undefined;
}

/** An enum choice as offered: its words in `lang` with the value to type (失信企业 (dishonest)), or the value where it has none. */
function choiceWords(definition: FactDefinition, value: string, lang: 'zh' | 'en'): string {
  const words = definition.valueWords?.[value]?.[lang];
  return words && words !== value ? `${words} (${value})` : value;
}

/**
 * An answer as a fact value, or `skip`; throws an Error with a message in `lang` when it cannot be read.
 * Numbers and dates stay text: the profile schema reads them (values.ts) and says what is wrong.
 */
export function parseAnswer(q: QuestionFact, raw: string, lang: 'zh' | 'en' = 'en', catalog: FactCatalog = builtinCatalog): unknown | typeof SKIPPED {
  const text = raw.trim();
  if (SKIP.has(text.toLowerCase())) return SKIPPED;
  const def = catalog.definition(q.fact);
  switch (def?.type) {
    case 'boolean':
      return yesNo(text, lang);
    case 'enum': {
      const values = def.values!;
      const chosen = byNumber(values, text);
      if (chosen !== undefined) return chosen;
      // By value or by its words in either language (失信企业, dishonest enterprise, 一般信用企业): the schema's
      // reader; anything else goes to the schema, which names the values.
      return readEnumWord(text, values, def.valueWords);
    }
    case 'string[]':
    case 'date[]': {
      // A checklist also takes 否/no for none of its items, and an item by its number.
      if (['none', '无', '[]', ...(def.values ? ['否', 'no', '都不是'] : [])].includes(text.toLowerCase())) return [];
      const items = text.split(/[,，、\s]+/).filter(Boolean);
      const values = def.values;
      return values ? items.map((item) => byNumber(values, item) ?? item) : items;
    }
    default:
      return text;
  }
}
export const SKIPPED = Symbol('skipped');

/** 是/否, yes/no… as a boolean; throws an Error in `lang` for anything else. */
export function yesNo(raw: string, lang: 'zh' | 'en'): boolean {
  const text = raw.trim();
  if (YES.has(text.toLowerCase())) return true;
  if (NO.has(text.toLowerCase())) return false;
  throw new Error(lang === 'zh' ? `请回答 是 或 否（输入为 "${text}"）` : `answer yes or no (got "${text}")`);
}

/** An empty answer, ? or 跳过: the question is skipped. */
export const isSkip = (raw: string) => SKIP.has(raw.trim().toLowerCase());

/** A plain profile object (as read from a file) with one fact set, for validation by the schema. */
export function withAnswer(data: Record<string, unknown>, q: Pick<QuestionFact, 'fact' | 'incidentId'>, value: unknown): Record<string, unknown> {
  if (q.incidentId === undefined) return { ...data, [q.fact]: value };
  const incidents = (data.incidents as Record<string, unknown>[] | undefined) ?? [];
  return { ...data, incidents: incidents.map((i) => (i.id === q.incidentId ? { ...i, [q.fact]: value } : i)) };
}

/**
 * The profile with an answer, the value as the schema keeps it (186,000 → 186000, 2024/1/1 → 2024-01-01),
 * or what is wrong with the answer in `lang`, naming the question (its label, not a field path).
 */
export function answerOutcome(
  data: Record<string, unknown>,
  q: QuestionFact,
  value: unknown,
  lang: 'zh' | 'en',
  schema: ProfileSchema = builtinProfileSchema,
): { data: Record<string, unknown> } | { problem: string } {
  const candidate = withAnswer(data, q, value);
  const parsed = schema.safeParse(candidate);
  if (parsed.success) {
    const owner = q.incidentId === undefined ? parsed.data : parsed.data.incidents.find((i) => i.id === q.incidentId);
    return { data: withAnswer(data, q, (owner as Record<string, unknown> | undefined)?.[q.fact] ?? value) };
  }
  const incidents = (data.incidents as { id?: unknown }[] | undefined) ?? [];
  const at = q.incidentId === undefined ? [q.fact] : ['incidents', incidents.findIndex((i) => i.id === q.incidentId), q.fact];
  const own = parsed.error.issues.filter((issue) => at.every((key, i) => issue.path[i] === key));
  const messages = (own.length ? own : parsed.error.issues).map((issue) => messageIn(issue.message, lang));
  return { problem: `${lang === 'zh' ? `「${q.label.zh}」：` : `${q.label.en}: `}${[...new Set(messages)].join(lang === 'zh' ? '；' : '; ')}` };
}

export function asProfile(data: Record<string, unknown>, schema: ProfileSchema = builtinProfileSchema): Enterprise {
  return schema.schema.parse(data);
}

/**
 * Answers from a file: `fact: value` for enterprise facts, and `incidents: { <id>: { fact: value } }`
 * (or `"<id>.fact": value`) for an incident's facts.
 */
export function answersFromFile(data: unknown): { fact: string; incidentId?: string; value: unknown }[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('answers must be a mapping of fact: value');
  const out: { fact: string; incidentId?: string; value: unknown }[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (key === 'incidents' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [incidentId, facts] of Object.entries(value)) for (const [fact, v] of Object.entries(facts as object)) out.push({ fact, incidentId, value: v });
    } else if (key.includes('.')) {
      const [incidentId, fact] = [key.slice(0, key.lastIndexOf('.')), key.slice(key.lastIndexOf('.') + 1)];
      out.push({ fact, incidentId, value });
    } else out.push({ fact: key, value });
  }
  return out;
}
