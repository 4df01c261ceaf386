// Reading structured files (JSON or YAML) and turning validation failures into messages that name the place.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { decodeText, type InputEncoding } from './encoding.ts';

/** An input problem the user can fix: the CLI prints the message and exits 1. */
export class InputError extends Error {
  override name = 'InputError';
}

/** How a file is read: its text encoding (default: from a BOM, else UTF-8, else GB18030 with a note). */
export interface ReadOptions {
  encoding?: InputEncoding;
}

/** Parses a .json, .yaml or .yml file; a syntax error names the file. */
export function readStructuredFile(file: string, options: ReadOptions = {}): unknown {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new InputError(`${file}: cannot read: ${(e as Error).message}`);
  }
  const text = decodeText(bytes, file, options.encoding);
  try {
    return extname(file).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text, { merge: true, maxAliasCount: 1000 });
  } catch (e) {
    throw new InputError(`${file}: not valid ${extname(file) === '.json' ? 'JSON' : 'YAML'}: ${(e as Error).message}`);
  }
}

/** `incidents[0].disclosureDate` from a zod issue path. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

/** One line per issue, each naming the field: `incidents[0].category: must be one of …`. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => describeIssue(issue));
}

/** One issue as `field: problem`; `path` overrides the issue's own path (e.g. to drop a prefix). */
export function describeIssue(issue: z.core.$ZodIssue, path: readonly PropertyKey[] = issue.path): string {
  const where = fieldPath(path) || '(top level)';
  if (issue.code === 'unrecognized_keys') return `${where}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return `${where}: ${issue.message}`;
}
