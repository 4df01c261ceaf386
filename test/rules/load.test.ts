// Rule files are validated before use; every problem names the file, the rule and the field.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { InputError } from '../../src/io/input-error.ts';
import { validateRuleFile, loadRules } from '../../src/rules/load.ts';
import { fixtureDocument, fixtureEffective, fixtureRuleData } from '../fixtures/rules.ts';
import { tempDir } from '../support/temp.ts';

const rule = fixtureRuleData;
const problemsOf = (r: object) => validateRuleFile({ document: fixtureDocument, effective: fixtureEffective, rules: [r] }, 'rules/x.yaml').problems.join('\n');

describe('rule-file validation', () => {
  it('accepts a well-formed rule', () => expect(problemsOf(rule())).toBe(''));

  it('rejects an unknown operator, naming file and rule', () => {
    const p = problemsOf(rule({ conditions: { all: [{ fact: 'customsCredit', operator: 'regex', value: '.*' }] } }));
    expect(p).toMatch(/^rules\/x\.yaml: rule test-2024-1\/fixture: conditions/);
    expect(p).toMatch(/unknown operator "regex"/);
  });

  it('rejects a rule without a source, naming file and rule', () => {
    const { source: _source, ...withoutSource } = rule();
    expect(problemsOf(withoutSource)).toMatch(/rules\/x\.yaml: rule test-2024-1\/fixture: source: is required/);
  });

  it('forbids JSONPath `path` (it can run code)', () => {
    const p = problemsOf(rule({ conditions: { all: [{ fact: 'customsCredit', operator: 'equal', value: 'advanced', path: '$..x' }] } }));
    expect(p).toMatch(/JSONPath/);
  });

  it('rejects an unknown fact and a value outside an enum', () => {
    expect(problemsOf(rule({ conditions: { fact: 'creditLevel', operator: 'equal', value: 'advanced' } }))).toMatch(/conditions\.fact: unknown fact "creditLevel"/);
    expect(problemsOf(rule({ conditions: { fact: 'customsCredit', operator: 'equal', value: 'AEO' } }))).toMatch(
      /does not fit fact "customsCredit" \(expects one of advanced, registered, dishonest\)/,
    );
  });

  it('rejects an operator that does not fit the fact type', () => {
    expect(problemsOf(rule({ conditions: { fact: 'customsCredit', operator: 'atLeast', value: 1 } }))).toMatch(/"atLeast" does not apply to enum fact "customsCredit"/);
  });

  it('rejects an incident fact in an enterprise rule', () => {
    expect(problemsOf(rule({ conditions: { fact: 'underpaidTax', operator: 'atMost', value: 1 } }))).toMatch(/"underpaidTax" is a fact of customs-violation, not of enterprise/);
  });

  it('requires cases on both sides', () => {
    const cases = [
      { name: 'a', enterprise: { customsCredit: 'advanced' }, expect: 'eligible' },
      { name: 'b', enterprise: {}, expect: 'eligible' },
    ];
    expect(problemsOf(rule({ cases }))).toMatch(/every case expects the same status/);
  });

  it('rejects an empty `any`, which json-rules-engine would call true', () => {
    expect(problemsOf(rule({ conditions: { any: [] } }))).toMatch(/`any` needs at least one condition/);
  });

  it('refuses a document without effective.from unless it states why (effective.undatedBecause)', () => {
    const file = (effective?: object) => validateRuleFile({ document: fixtureDocument, ...(effective && { effective }), rules: [rule()] }, 'rules/x.yaml').problems.join('\n');
    expect(file()).toMatch(/^rules\/x\.yaml: effective: give effective\.from/);
    expect(file({ to: '2024-12-31' })).toMatch(/effective: give effective\.from/);
    expect(file({ from: '2024-01-01' })).toBe('');
    expect(file({ undatedBecause: { zh: '文本未载明日期，种子亦无发文日期', en: 'the text states no date and the seed gives none' } })).toBe('');
  });

  it('loadRules reports every problem of every file at once', () => {
    const dir = tempDir('rules');
    writeFileSync(join(dir, 'a.yaml'), stringify({ document: fixtureDocument, effective: fixtureEffective, rules: [rule({ kind: 'gift' })] }));
    writeFileSync(join(dir, 'b.yaml'), 'rules: [oops');
    try {
      loadRules(dir);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const message = (e as Error).message;
      expect(message).toMatch(/a\.yaml: rule test-2024-1\/fixture: kind:/);
      expect(message).toMatch(/b\.yaml: not valid YAML/);
    }
  });

  it('rejects duplicate rule ids across files', () => {
    const dir = tempDir('rules');
    for (const f of ['a.yaml', 'b.yaml']) writeFileSync(join(dir, f), stringify({ document: fixtureDocument, effective: fixtureEffective, rules: [rule()] }));
    expect(() => loadRules(dir)).toThrow(/id already used in/);
  });
});

describe("a rule's source file", () => {
  it('is named rules/… for the bundled rules, whatever the working folder (an answer must not depend on where the server started)', () => {
    const elsewhere = tempDir('cwd');
    const run = spawnSync(process.execPath, [resolve('bin/huiqi.js'), 'check', resolve('samples/aeo-manufacturer-chongqing.yaml'), '--format', 'json', '--as-of', '2025-06-30'], {
      cwd: elsewhere,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const files = new Set((JSON.parse(run.stdout) as { results: { source: { file: string } }[] }).results.map((r) => r.source.file));
    expect(
      [...files].every((f) => /^rules[/\\](national|chongqing|hubei|jiangsu)[/\\][^/\\]+\.yaml$/.test(f)),
      [...files].join(', '),
    ).toBe(true);
  });
});
