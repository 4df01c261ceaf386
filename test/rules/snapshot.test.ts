// The validated rule snapshot (src/rules/snapshot.ts) stands in for the rule files only while every file
// is the one it recorded: an author's edit (a newer file), a new file or a removed one makes the loader
// read the YAML again. Shown on a copy of the bundled national rules in a temp folder.
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultRulesDir, loadRules, ruleFilesIn, writeRuleSnapshot } from '../../src/rules/load.ts';
import { readSnapshot } from '../../src/rules/snapshot.ts';

const ID = 'gacc-2024-66/new-accounts-are-e-accounts';
const TITLE = '自2024年7月1日起加工贸易企业新设账册统一为金关二期E账册';

let dir: string;
let rulesDir: string;
let snapshot: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'huiqi-snapshot-'));
  rulesDir = join(dir, 'rules');
  snapshot = join(dir, 'rules.snapshot.json');
  cpSync(join(defaultRulesDir, 'national'), rulesDir, { recursive: true, preserveTimestamps: true });
  expect(writeRuleSnapshot(rulesDir, snapshot)).toBeUndefined();
  file = ruleFilesIn(rulesDir).find((f) => readFileSync(f, 'utf8').includes(TITLE))!;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const titleOf = (rules: ReturnType<typeof loadRules>) => rules.find((r) => r.id === ID)?.title.zh;

/** Rewrites the rule's title with another of the same byte length, keeping or not the file's mtime. */
function editTitle(keepMtime: boolean) {
  const before = statSync(file);
  const edited = readFileSync(file, 'utf8').replace(TITLE, TITLE.replace('E账册', 'F账册'));
  expect(Buffer.byteLength(edited)).toBe(before.size);
  writeFileSync(file, edited);
  if (keepMtime) utimesSync(file, before.atime, before.mtime);
  else utimesSync(file, before.atime, new Date(before.mtimeMs + 60_000));
}

describe('validated rule snapshot', () => {
  it('loads the same rules as the YAML files, field for field', () => {
    expect(loadRules(rulesDir, snapshot)).toStrictEqual(loadRules(rulesDir));
  });

  it('is used while every rule file has the size and mtime it recorded', () => {
    editTitle(true); // same size, same mtime: indistinguishable from the recorded file, so the snapshot answers
    expect(titleOf(loadRules(rulesDir, snapshot))).toBe(TITLE);
    expect(titleOf(loadRules(rulesDir))).toContain('F账册');
  });

  it('is bypassed when a rule file is newer than it records', () => {
    editTitle(false);
    expect(readSnapshot(snapshot, rulesDir, ruleFilesIn(rulesDir))).toBeUndefined();
    expect(titleOf(loadRules(rulesDir, snapshot))).toContain('F账册');
  });

  it('is bypassed when a rule file is added or removed', () => {
    rmSync(file);
    expect(readSnapshot(snapshot, rulesDir, ruleFilesIn(rulesDir))).toBeUndefined();
    expect(titleOf(loadRules(rulesDir, snapshot))).toBeUndefined();
  });

  it('is not written for invalid rules, and an old one is removed', () => {
    writeFileSync(file, readFileSync(file, 'utf8').replace(`id: ${ID}`, 'id: not-an-id'));
    expect(writeRuleSnapshot(rulesDir, snapshot)?.message).toMatch(/rule not-an-id: id: must look like/);
    expect(() => statSync(snapshot)).toThrow();
    expect(() => loadRules(rulesDir, snapshot)).toThrow(/rule not-an-id: id: must look like/);
  });
});
