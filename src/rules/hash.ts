// A fingerprint of a rule set, reported with every server answer so that advice can be traced to the
// exact rules that gave it. Computed over the rules' content, not the files' paths (which depend on the
// folder the server was started from).
import { createHash } from 'node:crypto';
import type { Rule } from './schema.ts';

/** The first 16 hex digits of the SHA-256 of the rules (sorted by id) as JSON, without their file paths. */
export function rulesHash(rules: readonly Rule[]): string {
  const hash = createHash('sha256');
  for (const rule of [...rules].sort((a, b) => a.id.localeCompare(b.id))) {
    const { file: _file, ...source } = rule.source;
    hash.update(JSON.stringify({ ...rule, source }));
    hash.update('\n');
  }
  return hash.digest('hex').slice(0, 16);
}
