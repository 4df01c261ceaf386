// An XLSX file checked whole before exceljs reads a byte of it. An XLSX is a zip archive: a few kB may
// expand to gigabytes ("zip bomb"), and exceljs keeps every shared string in memory, so what the file may
// expand to is bounded first (../io/limits.ts: each part, all parts, the ratio of a large part, the
// shared strings). Every part is inflated once here, its size and CRC compared with what the archive
// says: a damaged file is refused naming the part, instead of meeting exceljs's streaming reader, which
// may wait for ever on bytes that never come. The parts must follow one another as the central
// directory lists them, so that the streaming reader (which reads the local headers in order) sees
// exactly the parts checked here.
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createInflateRaw, crc32 } from 'node:zlib';
import { LimitError, InputError } from '../io/input-error.ts';
import { LIMITS, megabytes } from '../io/limits.ts';

interface Part {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressed: number;
  size: number;
  headerAt: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;

const count = (n: number) => n.toLocaleString('en-US');
const SHARED_STRINGS = 'xl/sharedStrings.xml';

/** A shared string's opening tag (`<si>`, `<si/>`, `<x:si …>`), counted across chunk boundaries. */
const SI = /<(?:[A-Za-z_][\w.-]*:)?si[\s/>]/g;
const SI_START = /^<(?:[A-Za-z_][\w.-]*:)?si[\s/>]/;

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/**
 * Checks the XLSX at `path` (named `origin` in messages): a zip whose parts stay within the limits and
 * inflate to exactly what the archive says. Throws a LimitError naming the limit, or an InputError
 * saying the file is damaged and where.
 */
export async function validateXlsx(path: string, origin: string): Promise<void> {
  const limits = LIMITS.xlsx;
  const damaged = (what: string) => new InputError(`${origin}: not readable as XLSX: the file is damaged (${what}); open and save it again in Excel or WPS`);
  const beyond = (what: string) => new LimitError(`${origin}: ${what}; save the list as CSV (UTF-8), or split it`);
  const file = await open(path, 'r');
  try {
    const { size: fileSize } = await file.stat();
    // The end of central directory record: within the last 64 kB (its comment may be that long).
    const tailStart = Math.max(0, fileSize - (22 + 0xffff));
    const tail = await readAt(file, tailStart, fileSize - tailStart);
    let end = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        end = i;
        break;
      }
    }
    if (end < 0) {
      const head = await readAt(file, 0, 4);
      // An OLE compound file: Excel's password-protected workbook, or an old .xls.
      if (head.length === 4 && head.readUInt32BE(0) === 0xd0cf11e0)
        throw new InputError(`${origin}: is a password-protected workbook or an old .xls file, not an XLSX; save it as .xlsx without a password, or as CSV`);
      throw damaged('no zip directory at its end: cut short, or not an XLSX file');
    }
    const entries = tail.readUInt16LE(end + 10);
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryAt = tail.readUInt32LE(end + 16);
    if (entries === 0xffff || directoryAt === 0xffffffff || directorySize === 0xffffffff) throw beyond('is a ZIP64 archive (over 4 GB or 65,535 parts)');
    if (entries > limits.parts) throw beyond(`has ${count(entries)} parts; an XLSX may have at most ${count(limits.parts)}`);
    if (directoryAt + directorySize > tailStart + end || directorySize > 46 * limits.parts + 0xffff * 3 * 8) throw damaged('its zip directory lies outside the file');
    const directory = await readAt(file, directoryAt, directorySize);

    const parts: Part[] = [];
    const names = new Set<string>();
    for (let at = 0, i = 0; i < entries; i++) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL) throw damaged(`zip directory entry ${i + 1} is broken`);
      const nameLength = directory.readUInt16LE(at + 28);
      const part: Part = {
        flags: directory.readUInt16LE(at + 8),
        method: directory.readUInt16LE(at + 10),
        crc: directory.readUInt32LE(at + 16),
        compressed: directory.readUInt32LE(at + 20),
        size: directory.readUInt32LE(at + 24),
        headerAt: directory.readUInt32LE(at + 42),
        name: directory.toString('utf8', at + 46, at + 46 + nameLength),
      };
      at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
      if (part.flags & 1) throw new InputError(`${origin}: is encrypted (password-protected); save it without a password, or as CSV`);
      if (part.method !== 0 && part.method !== 8) throw damaged(`part ${part.name} uses zip compression method ${part.method}`);
      if (names.has(part.name)) throw damaged(`part ${part.name} is in the zip twice`);
      names.add(part.name);
      parts.push(part);
    }

    // What the parts say they expand to, before any is inflated.
    let total = 0;
    for (const part of parts) {
      total += part.size;
      const worksheet = /^xl\/worksheets\/[^/]+\.xml$/.test(part.name);
      const [partLimit, kind] = worksheet
        ? [limits.worksheetBytes, 'a worksheet']
        : part.name === SHARED_STRINGS
          ? [limits.sharedStringsBytes, 'the shared strings']
          : [limits.partBytes, 'a part other than a worksheet or the shared strings'];
      if (part.size > partLimit) throw beyond(`part ${part.name} expands to ${megabytes(part.size)}; ${kind} may expand to at most ${megabytes(partLimit)}`);
      if (part.size > limits.ratioFrom && part.size > limits.ratio * Math.max(part.compressed, 1)) {
        throw beyond(
          `part ${part.name} expands ${count(Math.round(part.size / Math.max(part.compressed, 1)))} times (${megabytes(part.compressed)} to ${megabytes(part.size)}); a part over ${megabytes(limits.ratioFrom)} may expand at most ${limits.ratio} times`,
        );
      }
    }
    if (total > limits.totalBytes) throw beyond(`expands to ${megabytes(total)}; an XLSX may expand to at most ${megabytes(limits.totalBytes)}`);

    // The parts follow one another from the first byte to the directory, each where the directory says.
    let next = 0;
    const located: { part: Part; dataAt: number }[] = [];
    for (const part of [...parts].sort((a, b) => a.headerAt - b.headerAt)) {
      if (part.headerAt !== next) throw damaged(`part ${part.name} is not where the zip directory says`);
      const header = await readAt(file, part.headerAt, 30);
      if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) throw damaged(`the header of part ${part.name} is broken`);
      const nameLength = header.readUInt16LE(26);
      const name = (await readAt(file, part.headerAt + 30, nameLength)).toString('utf8');
      if (name !== part.name) throw damaged(`part ${part.name} is named ${JSON.stringify(name.slice(0, 60))} in its own header`);
      const dataAt = part.headerAt + 30 + nameLength + header.readUInt16LE(28);
      next = dataAt + part.compressed;
      if (part.flags & 8) {
        const descriptor = await readAt(file, next, 4);
        next += descriptor.length === 4 && descriptor.readUInt32LE(0) === DESCRIPTOR ? 16 : 12;
      } else if (header.readUInt32LE(18) !== part.compressed || header.readUInt32LE(22) !== part.size || header.readUInt32LE(14) !== part.crc) {
        throw damaged(`the header of part ${part.name} disagrees with the zip directory`);
      }
      if (next > directoryAt) throw damaged(`part ${part.name} runs past the zip directory`);
      located.push({ part, dataAt });
    }
    if (next !== directoryAt) throw damaged('there are bytes between its last part and the zip directory');

    for (const { part, dataAt } of located) await inflateAndCheck(path, part, dataAt, damaged, beyond);
  } finally {
    await file.close();
  }
}

/** Inflates a part, stopping past its stated size; compares size and CRC; counts shared strings. */
async function inflateAndCheck(path: string, part: Part, dataAt: number, damaged: (what: string) => Error, beyond: (what: string) => Error): Promise<void> {
  if (part.method === 0 && part.compressed !== part.size) throw damaged(`stored part ${part.name} has two sizes`);
  const raw = part.compressed ? createReadStream(path, { start: dataAt, end: dataAt + part.compressed - 1, highWaterMark: 64 * 1024 }) : undefined;
  const sharedStrings = part.name === SHARED_STRINGS;
  let size = 0;
  let crc = 0;
  let strings = 0;
  let carry = '';
  const stream = raw && part.method === 8 ? raw.pipe(createInflateRaw()) : raw;
  if (raw && stream !== raw) raw.on('error', (e) => stream?.destroy(e));
  try {
    for await (const chunk of stream ?? []) {
      const bytes = chunk as Buffer;
      size += bytes.length;
      if (size > part.size) throw damaged(`part ${part.name} expands beyond the ${count(part.size)} bytes the zip directory states`);
      crc = crc32(bytes, crc);
      if (sharedStrings) {
        const text = carry + bytes.toString('latin1');
        strings += text.match(SI)?.length ?? 0;
        // An opening tag cut at the chunk's end is counted with the next chunk.
        const tail = text.slice(text.lastIndexOf('<'));
        carry = tail.length < 40 && tail.startsWith('<') && !SI_START.test(tail) ? tail : '';
        if (strings > LIMITS.xlsx.sharedStrings) {
          throw beyond(`has over ${count(LIMITS.xlsx.sharedStrings)} shared strings (texts) in ${part.name}; an XLSX may have at most ${count(LIMITS.xlsx.sharedStrings)}`);
        }
      }
    }
  } catch (e) {
    stream?.destroy();
    if (e instanceof InputError) throw e;
    throw damaged(`part ${part.name}: ${(e as Error).message}`);
  }
  if (size !== part.size) throw damaged(`part ${part.name} expands to ${count(size)} bytes, not the ${count(part.size)} the zip directory states`);
  if (crc >>> 0 !== part.crc) throw damaged(`part ${part.name} fails its checksum`);
}
