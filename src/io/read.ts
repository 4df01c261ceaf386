// Reading structured files (JSON or YAML) and turning validation failures into messages that name the place.
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml, Parser as YamlParser } from 'yaml';
import type { z } from 'zod';
import { decodeText, type InputEncoding } from './encoding.ts';
import { firstFew, firstFewLines } from './first-few.ts';
import { InputError, LimitError } from './input-error.ts';
import { jsonSyntaxProblem } from './json-error.ts';
import { LIMITS, megabytes } from './limits.ts';

/** How a file is read: its text encoding (default: from a BOM, else UTF-8, else GB18030 with a note). */
export interface ReadOptions {
  encoding?: InputEncoding;
}

const readReasons: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/** The bytes of `file` (stdin for `-`), refused if larger than the profile limit. */
function readBytes(file: string, origin: string): Buffer {
  let bytes: Buffer;
  try {
    if (file !== '-') {
      const size = statSync(file).size;
      if (size > LIMITS.profileBytes) throw new InputError(`${origin}: is ${megabytes(size)}; a profile may be at most ${megabytes(LIMITS.profileBytes)}`);
    }
    bytes = readFileSync(file === '-' ? 0 : file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const error = e as NodeJS.ErrnoException;
    throw new InputError(`${origin}: cannot read: ${(error.code && readReasons[error.code]) ?? error.message}`);
  }
  if (bytes.length > LIMITS.profileBytes) throw new InputError(`${origin}: is ${megabytes(bytes.length)}; a profile may be at most ${megabytes(LIMITS.profileBytes)}`);
  return bytes;
}

/** A NUL byte outside UTF-16, or a zip's signature: not a text file at all. */
function binaryKind(bytes: Buffer): string | undefined {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'a zip archive (an XLSX workbook?)';
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && bytes.subarray(0, 8192).includes(0)) return 'binary data';
  return undefined;
}

/**
 * Parses a JSON or YAML file (`-` is stdin); JSON is told by a .json name or, for stdin, by a leading
 * `{` or `[`. Every failure names the file: missing, a folder, empty, binary, too large, nested too
 * deeply, or a syntax error with its line and column.
 */
export function readStructuredFile(file: string, options: ReadOptions = {}): unknown {
  const origin = file === '-' ? 'stdin' : file;
  const bytes = readBytes(file, origin);
  const binary = binaryKind(bytes);
  if (binary) throw new InputError(`${origin}: is ${binary}, not a JSON or YAML text file`);
  const text = decodeText(bytes, origin, options.encoding);
  if (!text.trim()) throw new InputError(`${origin}: is empty (a profile needs at least name and uscc)`);
  const json = extname(file).toLowerCase() === '.json' || (file === '-' && /^\s*[{[]/.test(text));
  return parseStructuredText(text, origin, json ? 'json' : 'yaml');
}

const tooDeep = (origin: string, where: string) =>
  new LimitError(
    `${origin}: nested more than ${LIMITS.nestingDepth} levels deep${where}; a profile or rule file may nest at most ${LIMITS.nestingDepth} levels (objects and lists inside one another)`,
  );

/**
 * The value of a JSON or YAML text, refused when nested deeper than the limit, before anything recurses
 * over it: JSON.parse does not recurse; YAML's own parser (text to syntax tree) does not either, and its
 * tree is measured before the composer (which does) builds values from it. The value is measured again,
 * since YAML aliases can nest what the tree does not.
 */
export function parseStructuredText(text: string, origin: string, syntax: 'json' | 'yaml', yamlOptions: { maxAliasCount?: number } = {}): unknown {
  let value: unknown;
  if (syntax === 'json') {
    try {
      value = JSON.parse(text);
    } catch {
      const problem = jsonSyntaxProblem(text, LIMITS.nestingDepth);
      if (problem?.tooDeep) throw tooDeep(origin, ` (line ${problem.line}, column ${problem.column})`);
      throw new InputError(`${origin}: not valid JSON${problem ? ` at line ${problem.line}, column ${problem.column}: ${problem.message}` : ''}`);
    }
  } else {
    const deep = yamlTooDeepAt(text, LIMITS.nestingDepth);
    if (deep !== undefined) throw tooDeep(origin, ` (line ${text.slice(0, deep).split('\n').length})`);
    try {
      value = parseYaml(text, { merge: true, maxAliasCount: yamlOptions.maxAliasCount ?? 1000 });
    } catch (e) {
      throw new InputError(`${origin}: not valid YAML: ${(e as Error).message}`);
    }
  }
  const path = pathDeeperThan(value, LIMITS.nestingDepth);
  if (path) throw tooDeep(origin, ` (at ${shortPath(path)})`);
  return value;
}

const YAML_COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

/** Where a YAML text's syntax tree first nests collections deeper than `limit` (an offset), if it does. */
function yamlTooDeepAt(text: string, limit: number): number | undefined {
  try {
    for (const document of new YamlParser().parse(text)) {
      const stack: [unknown, number][] = [[document, 0]];
      while (stack.length) {
        const [node, depth] = stack.pop()!;
        const token = node as { type?: unknown; offset?: number };
        const level = depth + (YAML_COLLECTIONS.has(token.type as string) ? 1 : 0);
        if (level > limit) return token.offset ?? 0;
        for (const child of Object.values(token)) if (child && typeof child === 'object') stack.push([child, level]);
      }
    }
  } catch {
    // A text the parser cannot read at all is left to parseYaml, which says where.
  }
  return undefined;
}

/** A value met on a walk (findValue): its depth, and the way to it as links, made into a path only when a message names it (pathOf). */
export interface Visited {
  value: unknown;
  depth: number;
  key?: PropertyKey;
  up?: Visited;
}

/** The path from the root to a visited value: `['incidents', 0, 'disclosureDate']`. */
export function pathOf(node: Visited): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let n: Visited | undefined = node; n?.up; n = n.up) path.push(n.key!);
  return path.reverse();
}

/**
 * The first value inside `value` (itself, then each member in order, depth first) for which `stop` holds.
 * Iterative, so a value of any depth is walked without a deep call stack; `stop` sees each value before
 * its members, so a depth limit also ends a cycle (YAML aliases).
 */
export function findValue(value: unknown, stop: (node: Visited) => boolean): Visited | undefined {
  const stack: Visited[] = [{ value, depth: 0 }];
  while (stack.length) {
    const node = stack.pop()!;
    if (stop(node)) return node;
    const v = node.value;
    if (!v || typeof v !== 'object') continue;
    const depth = node.depth + 1;
    if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], depth, key: i, up: node });
    else {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) stack.push({ value: (v as Record<string, unknown>)[keys[i]!], depth, key: keys[i]!, up: node });
    }
  }
  return undefined;
}

/** The path to a value nested deeper than `limit` (objects and arrays inside one another), or undefined. */
export function pathDeeperThan(value: unknown, limit: number): PropertyKey[] | undefined {
  const deep = findValue(value, (n) => n.depth >= limit && !!n.value && typeof n.value === 'object');
  return deep && pathOf(deep);
}

/** A long path by its first steps: `a.a.a.a.a.a…` (a message stays one short line). */
export const shortPath = (path: readonly PropertyKey[]): string => (path.length > 6 ? `${fieldPath(path.slice(0, 6))}…` : fieldPath(path));

/** `incidents[0].disclosureDate` from a zod issue path. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

/** One line per issue, each naming the field: `incidents[0].category: must be one of …`. */
export function describeIssues(error: z.ZodError): string[] {
  return firstFewLines(error.issues.map((issue) => describeIssue(issue)));
}

/** One issue as `field: problem`; `path` overrides the issue's own path (e.g. to drop a prefix). */
export function describeIssue(issue: z.core.$ZodIssue, path: readonly PropertyKey[] = issue.path): string {
  const where = fieldPath(path) || '(top level)';
  if (issue.code === 'unrecognized_keys') return `${where}: unknown field${issue.keys.length > 1 ? 's' : ''} ${firstFew(issue.keys.map((k) => `"${k}"`))}`;
  return `${where}: ${issue.message}`;
}
