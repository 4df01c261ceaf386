// Writing output files so that none is ever lost or left half-written: a regular file is written to a
// temporary file in the same folder and renamed over the target only when the whole output is done
// (a rename within one folder is atomic), so a refused list or a crash leaves the earlier file as it
// was. Devices (/dev/stdout, /dev/full, a named pipe) cannot be renamed onto and are written in place.
// `-` is standard output. Every failure becomes one OutputError naming the path and the reason.
import { closeSync, createWriteStream, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';

/** An output that cannot be written (missing folder, a folder, a full disk): the CLI exits 3. */
export class OutputError extends Error {
  override name = 'OutputError';
}

const reasons: Record<string, string> = {
  ENOENT: 'no such folder',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EIO: 'input/output error',
};

/** The OutputError for a failed write to `path` (stdout for `-`), with the reason in words. */
export function outputError(path: string, error: unknown): OutputError {
  if (error instanceof OutputError) return error;
  const e = error as NodeJS.ErrnoException;
  const reason = (e.code && reasons[e.code]) ?? e.message;
  return new OutputError(`${path === '-' ? 'stdout' : path}: cannot write: ${reason}`);
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw outputError(path, e);
  }
}

/**
 * Where `path` is written: in place (a device, a pipe, /dev/stdout, which may stand for a redirected
 * file), or through a temporary file beside the file a symbolic link points to (so the link stays).
 */
function planOf(path: string): { inPlace: boolean; target: string } {
  if (/^\/(dev|proc)\//.test(path)) return { inPlace: true, target: path };
  const stats = statOrUndefined(path);
  if (stats?.isDirectory()) throw outputError(path, { code: 'EISDIR' });
  if (stats && !stats.isFile()) return { inPlace: true, target: path };
  const target = stats ? realpathSync(path) : path;
  const folder = statOrUndefined(dirname(target));
  if (!folder) throw outputError(path, { code: 'ENOENT' });
  if (!folder.isDirectory()) throw outputError(path, { code: 'ENOTDIR' });
  return { inPlace: false, target };
}

/** Refuses, before any work is done, an output path that cannot be written (missing folder, a folder). */
export function validateOutputPath(path: string): void {
  if (path !== '-') planOf(path);
}

let counter = 0;
const temporaryBeside = (path: string) => join(dirname(path), `.${basename(path)}.${process.pid}.${++counter}.tmp`);

function removeQuietly(file: string) {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

/** Writes a whole output (a report, a saved profile) to `path`, or to stdout for `-`. */
export function writeOutputFile(path: string, data: string | Uint8Array): void {
  if (path === '-') {
    writeStdout(data);
    return;
  }
  const { inPlace, target } = planOf(path);
  if (inPlace) {
    let fd: number;
    try {
      fd = openSync(path, 'w');
    } catch (e) {
      throw outputError(path, e);
    }
    try {
      writeToFd(fd, path, data);
    } finally {
      closeSync(fd);
    }
    return;
  }
  const temporary = temporaryBeside(target);
  try {
    const fd = openSync(temporary, 'wx', statOrUndefined(target)?.mode ?? 0o666);
    try {
      writeToFd(fd, path, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  } catch (e) {
    removeQuietly(temporary);
    throw outputError(path, e);
  }
}

/**
 * Writes a result to stdout in slices: a report on thousands of incidents runs to ~10 million characters,
 * and its UTF-8 copy made at once would add ~30 MB to the peak. (stdout to a file or pipe is synchronous
 * on Linux, so each slice's bytes are gone before the next is made.) A failure is reported by the CLI's
 * stdout error handler.
 */
export function writeStdout(data: string | Uint8Array): void {
  const SLICE = 1 << 18;
  if (typeof data !== 'string' || data.length <= SLICE) {
    process.stdout.write(data);
    return;
  }
  for (let i = 0; i < data.length; i += SLICE) {
    let end = Math.min(i + SLICE, data.length);
    if (end < data.length && /[\uD800-\uDBFF]/.test(data[end - 1]!)) end--; // never split a surrogate pair
    process.stdout.write(data.slice(i, end));
    i = end - SLICE;
  }
}

function writeToFd(fd: number, path: string, data: string | Uint8Array) {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  try {
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
  } catch (e) {
    throw outputError(path, e);
  }
}

/** A streamed output: write to `stream`; `commit` puts the file in place, `abort` leaves the old one untouched. */
export interface OutputStream {
  stream: Writable;
  /** The write failure, once there is one. */
  readonly error: OutputError | undefined;
  /** Rejects with the write failure (for writers, like exceljs's, that never settle after one). */
  readonly failed: Promise<never>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/** Opens `path` (or stdout for `-`) for a streamed output; an unwritable path is refused at once. */
export function openOutputStream(path: string, options: { highWaterMark?: number } = {}): OutputStream {
  if (path === '-') {
    return { stream: process.stdout, error: undefined, failed: new Promise<never>(() => {}), commit: async () => {}, abort: async () => {} };
  }
  const { inPlace, target } = planOf(path);
  const file = inPlace ? path : temporaryBeside(target);
  const mode = inPlace ? undefined : statOrUndefined(target)?.mode;
  const stream = createWriteStream(file, { flags: inPlace ? 'w' : 'wx', ...(mode !== undefined && { mode }), ...options });
  const closed = () => new Promise<void>((resolve) => (stream.closed ? resolve() : stream.once('close', () => resolve())));
  return streamOutput(stream, path, {
    async afterEnd(failure) {
      await closed();
      if (failure.error) throw failure.error; // a failure may come only as the file closes (a full disk)
      if (inPlace) return;
      try {
        renameSync(file, target);
      } catch (e) {
        removeQuietly(file);
        throw outputError(path, e);
      }
    },
    async afterDestroy() {
      await closed();
      if (!inPlace) removeQuietly(file);
    },
  });
}

/** A streamed output on a stream the caller owns (e.g. an HTTP response): `commit` ends it, `abort` destroys it. */
export const outputStreamOn = (stream: Writable): OutputStream => streamOutput(stream, 'the download');

/** An OutputStream on `stream`: `commit` ends it, then `afterEnd` (which can still see a write failure) puts it in place; `abort` destroys it. */
function streamOutput(
  stream: Writable,
  path: string,
  then: { afterEnd?: (failure: { readonly error: OutputError | undefined }) => Promise<void>; afterDestroy?: () => Promise<void> } = {},
): OutputStream {
  const failure = watchFailure(stream, path);
  return {
    stream,
    failed: failure.failed,
    get error() {
      return failure.error;
    },
    async commit() {
      await Promise.race([failure.failed, new Promise<void>((resolve) => stream.end(resolve))]);
      await then.afterEnd?.(failure);
    },
    async abort() {
      if (!stream.destroyed) stream.destroy();
      await then.afterDestroy?.();
    },
  };
}

/** The first error of `stream` as an OutputError naming `path`: kept, and as a promise that rejects with it. */
function watchFailure(stream: Writable, path: string): { failed: Promise<never>; readonly error: OutputError | undefined } {
  let error: OutputError | undefined;
  const failed = new Promise<never>((_, reject) =>
    stream.once('error', (e) => {
      error = outputError(path, e);
      reject(error);
    }),
  );
  failed.catch(() => {});
  return {
    failed,
    get error() {
      return error;
    },
  };
}
