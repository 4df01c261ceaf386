// No module keeps mutable state made from rules: what is made from a rule set (its facts, catalog,
// profile schema, compiled rules, explanations, answer bytes, list columns) is state of its RuleSet
// (src/engine/rule-base.ts), so two rule sets in one process cannot see each other's. This scans every
// module of src/ and cli/ for module-level mutable state (a top-level `let`, or a top-level Map, Set,
// WeakMap or array) and requires each one found to be in the list below, with what it is made from.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });

/** Module-level state allowed, by `file: name`, and what it is made from: none of it from rules. */
const allowed: Record<string, string> = {
  'src/facts/customs.ts: listed': 'the published 高资信企业 list under data/, read once',
  'src/facts/catalog.ts: defaultInputsByName': 'the built-in derived defaults (src/facts/derived.ts), not rules',
  'src/facts/catalog.ts: builtinByName': 'the built-in facts (code), never changed',
  'src/facts/catalog.ts: derivedCache': 'the derived facts (code) by scope',
  'src/profile/provinces.ts: byChineseName': 'the province names (code), never changed',
  'src/engine/gap.ts: windows': 'the date windows of the derived facts (code), never changed',
  'src/engine/gap.ts: plannableDates': 'the inputs of those windows, never changed',
  'src/rules/schema.ts: nonEntitlementKinds': 'rule kinds (code), never changed',
  'src/rules/citations.ts: seedCache': 'the law texts under sources/, by file name',
  'src/report/font.ts: subsets': 'the font files of @fontsource/noto-sans-sc',
  'src/io/output.ts: counter': 'a counter for temporary file names',
  'src/ask/questions.ts: YES': 'words (code), never changed',
  'src/ask/questions.ts: NO': 'words (code), never changed',
  'src/ask/questions.ts: SKIP': 'words (code), never changed',
  'src/batch/columns.ts: TRUE': 'words (code), never changed',
  'src/batch/columns.ts: FALSE': 'words (code), never changed',
  'src/server/serve.ts: LOOPBACK': 'addresses (code), never changed',
  'src/server/request.ts: warnings': 'an encoding note per request (keyed by the request object)',
  'src/batch/compare.ts: columnOfHeader': 'the output column headers (code), never changed',
  'src/facts/holidays.ts: holidayYears': 'the years of the public-holiday data under data/',
  'src/io/read.ts: YAML_COLLECTIONS': 'YAML token kinds (code), never changed',
  'cli/main.ts: finished': 'whether the process has reported its end',
};

/** Top-level declarations that hold mutable state: `let`/`var`, and a `const` holding a new collection or an empty array. */
const STATE = /^(?:export\s+)?(?:(?:let|var)\s+([A-Za-z_$][\w$]*)|const\s+([A-Za-z_$][\w$]*)\s*(?::[^=\n]*)?=\s*(?:new\s+(?:Weak)?(?:Map|Set)\b|\[\s*\]))/gm;

function moduleState(text: string): string[] {
  return [...text.matchAll(STATE)].map((m) => (m[1] ?? m[2])!);
}

describe('module-level state', () => {
  it('no module keeps mutable state made from rules: every top-level collection or variable is listed, none made from rules', () => {
    const files = [...walk(join(root, 'src')), ...walk(join(root, 'cli'))];
    const found = files.flatMap((file) => moduleState(readFileSync(file, 'utf8')).map((name) => `${relative(root, file)}: ${name}`));
    expect(
      found.filter((f) => !(f in allowed)),
      'module-level state not listed: make it state of the RuleSet (RuleBase.memo) or of an object it owns',
    ).toEqual([]);
    expect(
      Object.keys(allowed).filter((a) => !found.includes(a)),
      'listed but gone: remove it from the list',
    ).toEqual([]);
  });

  it('finds a top-level let, Map, WeakMap and array (the scan itself can fail)', () => {
    const text =
      'let declared = [];\nconst cache = new WeakMap<object, string>();\nexport const seen: Set<string> = new Set();\nconst list: string[] = [];\nconst words = ["a"] as const;\nconst fine = 3;\n  let inner = 1;\n';
    expect(moduleState(text)).toEqual(['declared', 'cache', 'seen', 'list']);
  });
});
