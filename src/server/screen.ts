// POST /api/v1/screen: a list in (CSV, JSONL or XLSX, raw or as the file field `list` of a form, so
// that a page works without JavaScript), the screening result out as a CSV download, row by row as
// `huiqi screen` writes it: rows out = rows in, a bad row keeps its number and names its problem in the
// `error` column. Both directions stream (src/batch reads and writes streams), so memory stays flat
// whatever the list's size; the upload is counted and cut off at the list limit.
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, pipeline, Transform, Writable, type Readable } from 'node:stream';
import { pipeline as streamPipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ListFormat } from '../batch/read.ts';
import type { InputEncoding } from '../io/encoding.ts';
import { screenList } from '../batch/run.ts';
import type { Summary } from '../batch/summary.ts';
import type { ServerContext } from './context.ts';
import { mib, Problem } from './problem.ts';
import { declaredCharset, mediaType, multipartProblem, parseQuery } from './request.ts';
import { queries } from './schemas.ts';

/** Raw list bodies by media type; application/octet-stream leaves the format to the first bytes. */
const LIST_TYPES: Record<string, ListFormat | undefined> = {
  'text/csv': 'csv',
  'text/plain': 'csv',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/jsonlines': 'jsonl',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/octet-stream': undefined,
};

/** The form field of the list in a multipart/form-data upload. */
export const LIST_FIELD = 'list';

const tooLarge = (limit: number) =>
  new Problem(413, 'List too large', `a list upload may be at most ${limit} bytes (${mib(limit)}); split it (huiqi screen --shard) or screen it with the CLI`);

/** The upload passed through, counted: past `limit` bytes it fails with a 413 problem. */
function limited(input: Readable, limit: number, onTooLarge: () => void): Readable {
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > limit) {
        onTooLarge();
        callback(tooLarge(limit));
      } else callback(null, chunk);
    },
  });
  // pipeline, not pipe: an upload already cut short (its part destroyed before screening began to read
  // it) still ends the counter, with the error, instead of leaving its reader waiting for ever.
  pipeline(input, counter, () => {});
  return counter;
}

/** `Content-Disposition` for the result of `name` (an uploaded file's name, or none). */
function attachment(name: string | undefined, format: ResultFormat): string {
  const base = (name ?? 'list').replace(/\.[^.]*$/, '') || 'list';
  const file = `${base}-screened.${format}`;
  const ascii = file.replace(/[^\w.-]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file)}`;
}

type ResultFormat = 'csv' | 'jsonl' | 'xlsx';
const resultTypes: Record<ResultFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const discard = () => new Writable({ write: (_chunk, _encoding, callback) => callback() });

/** The form field of an optional previous screening result to compare with (huiqi screen --compare). */
export const PREVIOUS_FIELD = 'previous';

interface Upload {
  stream: Readable;
  /** A previous result sent with the form (saved whole: it is read before the list). */
  previous?: { path: string; name: string };
  /** The uploaded file's name, if the client gave one. */
  name?: string;
  format?: ListFormat;
  encoding?: InputEncoding;
  /** Form fields: the same options as the query. */
  fields: Record<string, string>;
}

async function uploadOf(request: FastifyRequest, reply: FastifyReply, limit: number): Promise<Upload> {
  const type = mediaType(request);
  const length = Number(request.headers['content-length']);
  // A form carries a few hundred bytes of boundaries and fields besides the file.
  if (Number.isFinite(length) && length > limit + (type === 'multipart/form-data' ? 64 * 1024 : 0)) throw tooLarge(limit);
  if (type === 'multipart/form-data') return formUpload(request, reply, limit);
  if (!(type in LIST_TYPES)) {
    throw new Problem(
      415,
      'Unsupported media type',
      `send the list as text/csv, application/x-ndjson, an XLSX file or multipart/form-data with the file field "${LIST_FIELD}" (got ${type || 'no Content-Type'})`,
    );
  }
  const format = LIST_TYPES[type];
  // A declared charset decides a text list's encoding, as --encoding does (else a BOM, UTF-8, GB18030).
  const encoding = declaredCharset(request);
  return { stream: request.body as Readable, ...(format && { format }), ...(encoding && { encoding }), fields: {} };
}

/**
 * A list sent as a form: the whole form is read first, its file into a temporary file (disk, not memory),
 * so that a form cut short, without a boundary, with no file or with two files is a 400 problem before any
 * screening begins, and fields after the file count too. The file is removed when the reply is sent.
 */
async function formUpload(request: FastifyRequest, reply: FastifyReply, limit: number): Promise<Upload> {
  const noList = (detail: string) => new Problem(400, 'No list', detail, [{ field: LIST_FIELD, message: 'is required' }]);
  const fields: Record<string, string> = {};
  let file: { path: string; name?: string } | undefined;
  let previous: { path: string; name: string } | undefined;
  const folder = await mkdtemp(join(tmpdir(), 'huiqi-upload-'));
  reply.raw.once('close', () => void rm(folder, { recursive: true, force: true }));
  try {
    for await (const part of request.parts({ limits: { files: 3 } })) {
      if (part.type === 'field') {
        if (typeof part.value === 'string' && part.value !== '' && part.fieldname !== LIST_FIELD && part.fieldname !== PREVIOUS_FIELD) fields[part.fieldname] = part.value;
        continue;
      }
      if (part.fieldname === PREVIOUS_FIELD && !previous) {
        // An optional file input left empty still sends a part, without a name or content.
        const path = join(folder, 'previous');
        await streamPipeline(part.file, byteLimit(limit), createWriteStream(path));
        if (part.filename || statSync(path).size > 0) previous = { path, name: part.filename || PREVIOUS_FIELD };
        continue;
      }
      if (file || part.fieldname !== LIST_FIELD) {
        part.file.resume();
        throw file
          ? noList(`the form has more than one file: send one list in the file field "${LIST_FIELD}"`)
          : noList(`send the list in the file field "${LIST_FIELD}" (got a file in "${part.fieldname}")`);
      }
      const path = join(folder, 'list');
      let bytes = 0;
      const count = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          bytes += chunk.length;
          callback(bytes > limit ? tooLarge(limit) : null, chunk);
        },
      });
      await streamPipeline(part.file, count, createWriteStream(path));
      file = { path, ...(part.filename && { name: part.filename }) };
    }
  } catch (e) {
    throw multipartProblem(e) ?? e;
  }
  if (!file) throw noList(`the form has no file: send the list in the file field "${LIST_FIELD}"`);
  return { stream: createReadStream(file.path, { highWaterMark: 64 * 1024 }), ...(file.name && { name: file.name }), ...(previous && { previous }), fields };
}

/** Passes bytes on until `limit`, then fails with the list's 413 problem. */
function byteLimit(limit: number): Transform {
  let bytes = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback(bytes > limit ? tooLarge(limit) : null, chunk);
    },
  });
}

export async function screenRoute(app: FastifyInstance, { context }: { context: ServerContext }) {
  // Raw list bodies reach the handler as the request stream itself: nothing is buffered.
  app.addContentTypeParser(Object.keys(LIST_TYPES), (_request, payload, done) => done(null, payload));

  app.post('/screen', async (request, reply) => {
    parseQuery(queries.screen, request.query); // unknown or bad parameters are refused before the upload is read
    const limit = context.limits.list;
    const upload = await uploadOf(request, reply, limit);
    const query = parseQuery(queries.screen, { ...upload.fields, ...(request.query as object) });
    const asOf = query.asOf ?? context.asOf();
    reply.header('huiqi-as-of', asOf);

    let overLimit = false;
    const input = limited(upload.stream, limit, () => (overLimit = true));
    const { sink, body, firstWrite } = downloadStreams();
    let summary: Summary | undefined;
    let failure: unknown;
    const done = screenList({
      input: { stream: input, name: upload.name ?? 'upload' },
      output: sink,
      ...((query.inputFormat ?? upload.format) && { inputFormat: query.inputFormat ?? upload.format }),
      ...(upload.encoding && { encoding: upload.encoding }),
      outputFormat: query.format,
      rules: context.rules,
      asOf,
      lang: query.lang,
      headers: query.headers,
      ...(upload.previous && { compare: { stream: createReadStream(upload.previous.path), name: upload.previous.name } }),
      // A previous result that matches no row is said in the compared column of every row (a download cannot be taken back).
      ...(upload.previous && { compareMayMatchNone: true }),
      ...(query.only && { only: query.only }),
      ignoreUnknownColumns: query.ignoreUnknownColumns,
      stderr: discard(),
      progress: false,
    }).then(
      (s) => void (summary = s),
      (e) => void (failure = e),
    );
    // Wait for the first output or the end, then one more turn, so that an error found before the first
    // rows went out (a bad header, a file that is not a list) is still answered with a problem document.
    await Promise.race([firstWrite, done]);
    await new Promise((resolve) => setImmediate(resolve));
    if (failure !== undefined) throw problemOfScreening(failure, overLimit, limit);

    // The download ends only once screening has succeeded; a failure after it began breaks the
    // connection, so that a failed screening never looks like a complete file.
    void done.then(() => {
      if (failure === undefined) return body.end();
      request.log.warn({ err: failure }, 'screening failed after the download began');
      body.destroy(failure as Error);
    });
    sendStream(reply, body, attachment(upload.name, query.format), query.format, () => summary);
    return reply;
  });
}

/**
 * `sink` is what screening writes to; `body` what the reply sends. Ending the sink does not end the
 * body (the route does, once screening has succeeded). Writes wait while the client is slow to read, and
 * fail once it has gone away, so screening stops instead of waiting for ever.
 */
function downloadStreams() {
  const body = new PassThrough();
  let wrote!: () => void;
  const firstWrite = new Promise<void>((resolve) => (wrote = resolve));
  const gone = () => new Error('the client closed the connection');
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      wrote();
      if (body.destroyed) return callback(gone());
      if (body.write(chunk)) return callback();
      const onDrain = () => {
        body.off('close', onClose);
        callback();
      };
      const onClose = () => {
        body.off('drain', onDrain);
        callback(gone());
      };
      body.once('drain', onDrain);
      body.once('close', onClose);
    },
    final: (callback) => callback(),
  });
  return { sink, body, firstWrite };
}

function sendStream(reply: FastifyReply, out: PassThrough, disposition: string, format: ResultFormat, summary: () => Summary | undefined) {
  reply
    .type(resultTypes[format])
    .header('content-disposition', disposition)
    // Known only at the end of the stream: sent as HTTP trailers, for clients that read them.
    .trailer('huiqi-rows-in', async () => String(summary()?.rowsIn ?? ''))
    .trailer('huiqi-rows-with-errors', async () => String(summary()?.errors ?? ''))
    .send(out);
}

function problemOfScreening(error: unknown, overLimit: boolean, limit: number): Problem {
  if (overLimit) return tooLarge(limit);
  if (error instanceof Problem) return error;
  const multipart = multipartProblem(error instanceof Error && error.cause ? error.cause : error);
  if (multipart) return multipart;
  if (error instanceof Error && error.name === 'LimitError') return new Problem(422, 'List beyond a limit', error.message, undefined, 'urn:huiqi:problem:limit');
  if (error instanceof Error && (error.name === 'InputError' || error.name === 'OptionError'))
    return new Problem(400, 'Invalid list', error.message, undefined, 'urn:huiqi:problem:invalid-list');
  throw error;
}
