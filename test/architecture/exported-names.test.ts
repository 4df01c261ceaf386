// One concept, one name (issue #8 §1): an exported name means one thing in the whole tree, so a reader who
// meets `incidentFactSet` or `profileSchema` never has to ask which of two it is. Re-exports (the library
// entry's `export { … } from`) and a function's overload signatures in one file are not a second name.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : (path.endsWith('.ts') && !path.endsWith('.d.ts')) || path.endsWith('.js') ? [path] : [];
  });

/** The names each module declares and exports (not the ones it re-exports). */
function exportedNames(text: string): Set<string> {
  return new Set(
    [...text.matchAll(/^export\s+(?:declare\s+)?(?:default\s+)?(?:async\s+)?(?:function\*?|const|let|class|type|interface|enum)\s+([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]!),
  );
}

/** Modules that declare each exported name. */
function declarers(files: string[], read: (file: string) => string): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const file of files) for (const name of exportedNames(read(file))) byName.set(name, [...(byName.get(name) ?? []), file]);
  return byName;
}

const clashes = (byName: Map<string, string[]>) => [...byName].filter(([, files]) => files.length > 1).map(([name, files]) => `${name}: ${files.join(', ')}`);

describe('exported names', () => {
  it('each exported name is declared by one module of src/ and cli/', () => {
    const files = [...walk(join(root, 'src')), ...walk(join(root, 'cli'))].map((f) => relative(root, f));
    expect(clashes(declarers(files, (f) => readFileSync(join(root, f), 'utf8')))).toEqual([]);
  });

  it('would catch a name declared twice (the check itself can fail)', () => {
    const texts: Record<string, string> = {
      'a.ts': 'export function format(a: string): string;\nexport function format(a: number): string;\nexport const shared = 1;',
      'b.ts': "export interface shared { x: number }\nexport { format } from './a.ts';",
    };
    expect(clashes(declarers(Object.keys(texts), (f) => texts[f]!))).toEqual(['shared: a.ts, b.ts']);
  });
});
