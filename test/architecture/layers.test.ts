// The architecture as a test (issue #8 §1): data flows one way, profile → facts → rules → engine → cases
// → report → ask → batch → … → ruleset → server → cli, so no module imports from a layer above its own, and
// no import cycle exists. Reads the import lines of every module under src/ and cli/ (TypeScript and JavaScript; static, dynamic
// and type-only imports alike).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
/** Lowest first. `io` is plumbing every layer may use; `index.ts` is the library entry over them all. */
const layers = ['io', 'profile', 'facts', 'rules', 'engine', 'cases', 'report', 'ask', 'batch', 'calendar', 'clients', 'changes', 'ruleset', 'server', 'index.ts', 'cli'];

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : (path.endsWith('.ts') && !path.endsWith('.d.ts')) || path.endsWith('.js') ? [path] : [];
  });

const modules = [...walk(join(root, 'src')), ...walk(join(root, 'cli'))].map((f) => relative(root, f));
const importsOf = new Map(
  modules.map((file) => {
    const text = readFileSync(join(root, file), 'utf8');
    const targets = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g)].map((m) =>
      relative(root, resolve(dirname(join(root, file)), (m[1] ?? m[2])!)),
    );
    return [file, targets];
  }),
);

/** The layer of a module: its folder under src/ (or src/index.ts), or cli. */
function layerOf(file: string): number {
  const [top, second] = file.split('/');
  const name = top === 'cli' ? 'cli' : second!;
  const layer = layers.indexOf(name);
  if (layer < 0) throw new Error(`${file}: in no layer; add its folder to the list above`);
  return layer;
}

describe('the layers', () => {
  it('every module sits in a known layer and imports only modules that exist', () => {
    for (const [file, targets] of importsOf) {
      layerOf(file);
      for (const t of targets) expect(importsOf.has(t), `${file} imports ${t}`).toBe(true);
    }
  });

  it('no module imports from a layer above its own', () => {
    const upward = [...importsOf].flatMap(([file, targets]) => targets.filter((t) => layerOf(t) > layerOf(file)).map((t) => `${file} -> ${t}`));
    expect(upward).toEqual([]);
  });

  it('has no import cycle', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const t of importsOf.get(file) ?? []) visit(t, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of importsOf.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('would catch an upward import (the check itself can fail)', () => {
    expect(layerOf('src/engine/evaluate.ts')).toBeLessThan(layerOf('src/report/groups.ts'));
    expect(layerOf('cli/main.ts')).toBe(layers.length - 1);
  });
});
