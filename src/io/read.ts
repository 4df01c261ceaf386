// Reading structured files (JSON or YAML) and turning validation failures into messages that name the place.
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { decodeText, type InputEncoding } from './encoding.ts';
import { InputError } from './input-error.ts';
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
 * `{` or `[`. Every failure names the file: missing, a folder, empty, binary, too large, or a syntax
 * error with its line and column.
 */
export function readStructuredFile(file: string, options: ReadOptions = {}): unknown {
  const origin = file === '-' ? 'stdin' : file;
  const bytes = readBytes(file, origin);
  const binary = binaryKind(bytes);
  if (binary) throw new InputError(`${origin}: is ${binary}, not a JSON or YAML text file`);
  const text = decodeText(bytes, origin, options.encoding);
  if (!text.trim()) throw new InputError(`${origin}: is empty (a profile needs at least name and uscc)`);
  const json = extname(file).toLowerCase() === '.json' || (file === '-' && /^\s*[{[]/.test(text));
  if (json) {
    try {
      return JSON.parse(text);
    } catch {
      const problem = jsonSyntaxProblem(text);
      throw new InputError(`${origin}: not valid JSON${problem ? ` at line ${problem.line}, column ${problem.column}: ${problem.message}` : ''}`);
    }
  }
  try {
    return parseYaml(text, { merge: true, maxAliasCount: 1000 });
  } catch (e) {
    throw new InputError(`${origin}: not valid YAML: ${(e as Error).message}`);
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
