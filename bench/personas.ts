// The persona simulation: how many answers the one question sequence (src/ask/sequence.ts, what
// POST /api/v1/questions, the self-check page and `huiqi ask` ask) takes to reach what applies to a person.
//
// A persona (bench/personas/*.yaml) states its name, USCC, province and customs credit status, and lists
// what it knows (`answers`). It answers the first question of the sequence it can answer: a fact it lists
// with that value, a yes/no fact it does not list with "no"; any other question it skips (not asked again).
// One answer at a time, until the measures that apply (status eligible; rights, goals and pointers aside)
// are those that apply on all its answers: the listed ones and "no" to every other yes/no fact.
// The floor is the fewest answers that settle that list, found greedily: from all its answers, drop every
// answer the list does not need. `npm run bench` prints both per persona; test/ask/personas.test.ts holds
// every persona within floor + 4 (the target of the sequence).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { questionSequence } from '../src/ask/sequence.ts';
import type { RuleBase } from '../src/engine/rule-base.ts';
import { parseProfile } from '../src/profile/load.ts';
import { countedInScreening } from '../src/rules/schema.ts';
import { packagePath } from '../src/io/paths.ts';

export const personasDir = packagePath('bench', 'personas');
/** The slack the sequence may take over the floor. */
export const TARGET_SLACK = 4;

export interface Persona {
  /** The file's name without .yaml. */
  id: string;
  description: string;
  /** Name, USCC, province and customs credit status: what the person states first. */
  basics: Record<string, unknown>;
  /** What the person knows, fact: value; every yes/no fact not here is "no". */
  answers: Record<string, unknown>;
}

export function loadPersonas(dir = personasDir): Persona[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const data = parse(readFileSync(join(dir, file), 'utf8')) as { persona: string; basics: Record<string, unknown>; answers?: Record<string, unknown> };
      return { id: file.replace(/\.yaml$/, ''), description: data.persona, basics: data.basics, answers: data.answers ?? {} };
    });
}

export interface SimulationOptions {
  rules: RuleBase;
  asOf: string;
}

export interface Simulation {
  persona: string;
  /** Answers given until the list was reached (skipped questions not counted). */
  answers: number;
  /** The fewest answers that settle the list (greedy). */
  floor: number;
  /** Whether the list was reached. */
  reached: boolean;
  /** The facts answered, in order, with the answer. */
  asked: [fact: string, value: unknown][];
  /** The answers the floor keeps. */
  needed: string[];
  /** The measures that apply on all the persona's answers. */
  target: string[];
}

/** The measures that apply: eligible entitlements and exclusions (rights, goals and pointers aside), by rule id. */
async function applying(data: Record<string, unknown>, o: SimulationOptions): Promise<string[]> {
  const results = await o.rules.evaluator.evaluateProfile(parseProfile(data, 'profile', o.rules.profile), { asOf: o.asOf });
  return results.filter((r) => r.status === 'eligible' && countedInScreening(r.rule)).map((r) => (r.incidentId ? `${r.ruleId} (${r.incidentId})` : r.ruleId));
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Every answer the persona would give: its listed facts, and "no" to every other yes/no enterprise fact a profile states. */
export function allAnswers(persona: Persona, rules: RuleBase): Record<string, unknown> {
  const no = rules.catalog.all.filter((f) => f.scope === 'enterprise' && !f.derived && f.type === 'boolean' && !(f.name in persona.basics));
  return { ...Object.fromEntries(no.map((f) => [f.name, false])), ...persona.answers };
}

/** The persona's answer to a question: its listed value, "no" to a yes/no fact it does not list, else undefined (skipped). */
function answerOf(persona: Persona, fact: string, rules: RuleBase): unknown {
  if (fact in persona.answers) return persona.answers[fact];
  const def = rules.catalog.definition(fact);
  return def?.type === 'boolean' && def.scope === 'enterprise' && !def.derived ? false : undefined;
}

/** Runs one persona through the sequence and measures it against the floor. */
export async function simulate(persona: Persona, o: SimulationOptions): Promise<Simulation> {
  const everything = allAnswers(persona, o.rules);
  const target = await applying({ ...persona.basics, ...everything }, o);

  // The floor: drop, one by one, every answer the list does not need (the persona's own first, then the "no"s).
  const kept = { ...everything };
  const order = [...Object.keys(persona.answers), ...Object.keys(everything).filter((k) => !(k in persona.answers))];
  for (const fact of order) {
    const { [fact]: _dropped, ...without } = kept;
    if (same(await applying({ ...persona.basics, ...without }, o), target)) delete kept[fact];
  }

  let data: Record<string, unknown> = { ...persona.basics };
  const skipped: { fact: string }[] = [];
  const asked: [string, unknown][] = [];
  // Each round answers one question or stops: at most one round per fact.
  for (let round = 0; round <= o.rules.catalog.all.length; round++) {
    if (same(await applying(data, o), target))
      return { persona: persona.id, answers: asked.length, floor: Object.keys(kept).length, reached: true, asked, needed: Object.keys(kept), target };
    const { questions } = await questionSequence(parseProfile(data, 'profile', o.rules.profile), { ...o, skipped });
    let answered = false;
    for (const q of questions) {
      if (q.incidentId !== undefined) continue;
      const value = answerOf(persona, q.fact, o.rules);
      if (value === undefined) {
        skipped.push({ fact: q.fact });
        continue;
      }
      data = { ...data, [q.fact]: value };
      asked.push([q.fact, value]);
      answered = true;
      break;
    }
    if (!answered) break;
  }
  return { persona: persona.id, answers: asked.length, floor: Object.keys(kept).length, reached: false, asked, needed: Object.keys(kept), target };
}

/** The bench's persona table: answers and floor per persona, a PASS/FAIL line for floor + TARGET_SLACK. Returns whether all pass. */
export async function personaBench(o: SimulationOptions, dir = personasDir): Promise<boolean> {
  console.log(`\npersona simulation (bench/personas.ts): answers to the one question sequence until what applies is settled, against the floor`);
  console.log(`${'persona'.padEnd(34)} ${'answers'.padStart(7)} ${'floor'.padStart(5)} ${'applies'.padStart(7)}  within floor + ${TARGET_SLACK}`);
  let all = true;
  for (const persona of loadPersonas(dir)) {
    const s = await simulate(persona, o);
    const ok = s.reached && s.answers <= s.floor + TARGET_SLACK;
    all &&= ok;
    console.log(
      `${persona.id.padEnd(34)} ${String(s.answers).padStart(7)} ${String(s.floor).padStart(5)} ${String(s.target.length).padStart(7)}  ${ok ? 'PASS' : s.reached ? 'FAIL' : 'FAIL (never settled)'}`,
    );
  }
  return all;
}
