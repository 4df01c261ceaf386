// Reading a request: its media type, its query (validated by a schema of ./schemas.ts) and a profile
// body (JSON or YAML), each failure a problem naming the field. A profile's bytes are read as the CLI
// reads a file (src/io/encoding.ts, src/io/read.ts): the charset the Content-Type declares, else a BOM,
// else UTF-8, else GB18030 with a Huiqi-Input-Warning header; bytes invalid in that encoding are a 400
// naming the byte range, never a replacement character in a name.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { decodeText, type InputEncoding } from '../io/encoding.ts';
import { InputError, LimitError } from '../io/input-error.ts';
import { parseStructuredText } from '../io/read.ts';
import type { Enterprise } from '../profile/enterprise.ts';
import { validateProfileLimits } from '../profile/load.ts';
import type { ProfileSchema } from '../profile/validate.ts';
import { invalid, Problem } from './problem.ts';

const JSON_TYPES = ['application/json'];
export const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'];

/** The media type of a request, without parameters, lower case. */
export const mediaType = (request: FastifyRequest): string => (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();

/** Charsets a client may declare, by their IANA names and common aliases, as the encodings the reader knows. */
const CHARSETS: Record<string, InputEncoding> = {
  'utf-8': 'utf8',
  utf8: 'utf8',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  'x-gbk': 'gb18030',
  cp936: 'gb18030',
  'utf-16le': 'utf16le',
  'utf-16': 'utf16le',
};

/** The encoding a Content-Type's charset parameter declares (undefined: none declared); a 415 for one not read. */
export function declaredCharset(request: FastifyRequest): InputEncoding | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(request.headers['content-type'] ?? '');
  if (!match) return undefined;
  const encoding = CHARSETS[match[1]!.toLowerCase()];
  if (!encoding)
    throw new Problem(
      415,
      'Unsupported charset',
      `the body's charset "${match[1]}" is not one huiqi reads: send UTF-8, GB18030/GBK or UTF-16LE (or no charset: a BOM, else UTF-8, else GB18030)`,
    );
  return encoding;
}

/** Notes of requests whose body was read as GB18030 without a declared charset, sent as a header. */
const warnings = new WeakMap<FastifyRequest, string>();

/** An input error of the body as a 400 problem: a limit by its own title, an encoding or syntax error as malformed. */
function bodyProblem(error: unknown, syntax: 'JSON' | 'YAML'): Problem {
  if (error instanceof Problem) return error;
  if (error instanceof LimitError) return new Problem(400, 'Profile beyond a limit', error.message, undefined, 'urn:huiqi:problem:limit');
  if (error instanceof InputError) {
    const encoding = /^body: not valid (UTF|GB)/.test(error.message);
    const detail = error.message.replace(/--encoding \S+ chooses the encoding/, 'a charset parameter of Content-Type chooses the encoding');
    return new Problem(400, encoding ? 'Undecodable body' : `Malformed ${syntax}`, detail, undefined, `urn:huiqi:problem:${encoding ? 'encoding' : 'syntax'}`);
  }
  throw error;
}

/**
 * The profile body parsers of a scope (JSON and YAML, replacing fastify's JSON parser): the bytes decoded
 * and parsed as the CLI reads a profile file, nesting bounded before anything recurses over it.
 */
export function profileBodyParsers(app: FastifyInstance, bodyLimit: number) {
  const parser = (syntax: 'json' | 'yaml') => (request: FastifyRequest, body: Buffer, done: (error: Error | null, value?: unknown) => void) => {
    try {
      const text = decodeText(body, 'body', declaredCharset(request), (note) => warnings.set(request, note.replace(/\s*\(--encoding[^)]*\)/, '').replace(/[^\x20-\x7e]/g, '?')));
      if (!text.trim()) return done(null, undefined);
      done(null, parseStructuredText(text, 'body', syntax, { maxAliasCount: 100 }));
    } catch (e) {
      done(bodyProblem(e, syntax === 'json' ? 'JSON' : 'YAML'));
    }
  };
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(JSON_TYPES, { parseAs: 'buffer', bodyLimit }, parser('json'));
  app.addContentTypeParser(YAML_TYPES, { parseAs: 'buffer', bodyLimit }, parser('yaml'));
  app.addHook('preHandler', (request, reply, done) => {
    const warning = warnings.get(request);
    if (warning) reply.header('huiqi-input-warning', warning);
    done();
  });
}

/** What the multipart parser (busboy, under @fastify/multipart) says of a form it cannot read. */
const MULTIPART_ERRORS =
  /^(Multipart: Boundary not found|Boundary required|Unexpected end of multipart data|(Part|Field) terminated early|The needle (cannot|has to)|Unsupported Content-Type|Missing Content-Type|Malformed)/;

/** A multipart form that cannot be read, as a 400 saying what is wrong; undefined for any other error. */
export function multipartProblem(error: unknown): Problem | undefined {
  if (!(error instanceof Error) || !MULTIPART_ERRORS.test(error.message)) return undefined;
  const why = /Boundary not found|Boundary required|needle cannot be an empty/.test(error.message)
    ? 'its Content-Type names no boundary (multipart/form-data; boundary=…)'
    : /needle cannot have a length/.test(error.message)
      ? 'its boundary is longer than 70 characters'
      : /end of multipart data|terminated early/.test(error.message)
        ? 'the form ends before its closing boundary (cut short?)'
        : error.message;
  return new Problem(400, 'Malformed multipart form', `the multipart/form-data body cannot be read: ${why}`, undefined, 'urn:huiqi:problem:malformed-multipart');
}

/** The query validated by `schema`; a 400 naming each bad or unknown parameter otherwise. */
export function parseQuery<T extends z.ZodType>(schema: T, query: unknown): z.output<T> {
  const parsed = schema.safeParse(query ?? {});
  if (!parsed.success) throw invalid('query', parsed.error);
  return parsed.data;
}

/** The profile in the body (JSON or YAML), validated by the rule set's profile schema; a 400 naming each bad field otherwise. */
export function parseProfileBody(request: FastifyRequest, schema: ProfileSchema): Enterprise {
  const type = mediaType(request);
  if (!JSON_TYPES.includes(type) && !YAML_TYPES.includes(type)) {
    throw new Problem(415, 'Unsupported media type', `send the profile as application/json or application/yaml (got ${type || 'no Content-Type'})`);
  }
  if (request.body === undefined || request.body === null || request.body === '')
    throw new Problem(400, 'Missing profile', 'the body is empty: send an enterprise profile (see samples/ and GET /api/v1/openapi.json)');
  try {
    validateProfileLimits(request.body, 'body');
  } catch (e) {
    throw bodyProblem(e, 'JSON');
  }
  const parsed = schema.safeParse(request.body);
  if (!parsed.success) throw invalid('profile', parsed.error);
  return parsed.data;
}
