// Text encodings of the files users have: UTF-8 (with or without a BOM), GB18030/GBK (what Excel on
// Chinese Windows saves as "CSV"), UTF-16 with a BOM (Excel's "Unicode text", tab-separated). Without
// --encoding the BOM decides; with none, bytes that are not valid UTF-8 are read as GB18030 (a superset
// of GBK and GB2312) and a note says so. Decoding is strict: a byte sequence invalid in the chosen
// encoding is an error naming the file and byte, never a replacement character in a name.
import { stderrNote, type Note } from './note.ts';
import { InputError } from './input-error.ts';

export const inputEncodings = ['utf8', 'gb18030', 'utf16le'] as const;
export type InputEncoding = (typeof inputEncodings)[number];

/** What the bytes are read as; utf16be only ever comes from a BOM. */
type Decoding = InputEncoding | 'utf16be';

const labels: Record<Decoding, string> = { utf8: 'utf-8', gb18030: 'gb18030', utf16le: 'utf-16le', utf16be: 'utf-16be' };
const names: Record<Decoding, string> = { utf8: 'UTF-8', gb18030: 'GB18030', utf16le: 'UTF-16LE', utf16be: 'UTF-16BE' };

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

function bomOf(head: Uint8Array): { decoding: Decoding; length: number } | undefined {
  if (startsWith(head, 0xef, 0xbb, 0xbf)) return { decoding: 'utf8', length: 3 };
  if (startsWith(head, 0xff, 0xfe)) return { decoding: 'utf16le', length: 2 };
  if (startsWith(head, 0xfe, 0xff)) return { decoding: 'utf16be', length: 2 };
  return undefined;
}

/** A strict UTF-8 decoder for whole texts (without `stream` it keeps nothing from one text to the next). */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(head: Uint8Array, complete: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete }); // a character cut at the end is fine
    return true;
  } catch {
    return false;
  }
}

/**
 * The decoding for a file that starts with `head` (the whole file when `complete`): the one asked for,
 * else the BOM's, else UTF-8 if the bytes are valid UTF-8, else GB18030 with a note.
 */
function choose(head: Uint8Array, complete: boolean, origin: string, asked: InputEncoding | undefined, note: Note): { decoding: Decoding; skip: number } {
  const bom = bomOf(head);
  if (asked) return { decoding: asked, skip: bom && bom.decoding === asked ? bom.length : 0 };
  if (bom) return { decoding: bom.decoding, skip: bom.length };
  if (isUtf8(head, complete)) return { decoding: 'utf8', skip: 0 };
  note(`${origin}: not valid UTF-8; read as GB18030 (the encoding Excel on Chinese Windows saves; --encoding utf8|gb18030|utf16le chooses)`);
  return { decoding: 'gb18030', skip: 0 };
}

/** A strict decoder that reports the first invalid byte of `origin`. */
class Decoder {
  private readonly decoder: TextDecoder;
  private offset = 0;
  constructor(
    private readonly decoding: Decoding,
    private readonly origin: string,
    skip: number,
  ) {
    this.decoder = new TextDecoder(labels[decoding], { fatal: true });
    this.offset = skip;
  }
  decode(bytes: Uint8Array, last: boolean): string {
    try {
      const text = this.decoder.decode(bytes, { stream: !last });
      this.offset += bytes.length;
      return text;
    } catch {
      const at = (n: number) => n.toLocaleString('en-US');
      const bad = firstInvalid(bytes, this.decoding);
      const where =
        bad === undefined
          ? `between bytes ${at(this.offset)} and ${at(this.offset + bytes.length)}`
          : `at byte ${at(this.offset + bad)}: 0x${bytes[bad]!.toString(16).padStart(2, '0')}`;
      throw new InputError(`${this.origin}: not valid ${names[this.decoding]} (${where}; --encoding utf8|gb18030|utf16le chooses the encoding)`);
    }
  }
}

/**
 * Where in `bytes` decoding first fails: the shortest prefix a streaming decoder refuses ends with the
 * bad byte (found by halving, a few decodes of the chunk). Undefined when only the end is incomplete.
 */
function firstInvalid(bytes: Uint8Array, decoding: Decoding): number | undefined {
  const fails = (length: number) => {
    try {
      new TextDecoder(labels[decoding], { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  if (!fails(bytes.length)) return undefined;
  let low = 0;
  let high = bytes.length; // fails(high), !fails(low)
  while (high - low > 1) {
    const middle = (low + high) >>> 1;
    if (fails(middle)) high = middle;
    else low = middle;
  }
  return high - 1;
}

/** A whole file's text. */
export function decodeText(bytes: Uint8Array, origin: string, asked?: InputEncoding, note: Note = stderrNote): string {
  // The usual text, UTF-8 without a BOM, is decoded once: the decoding is the check.
  if (!asked && !bomOf(bytes)) {
    try {
      return UTF8.decode(bytes);
    } catch {
      // Not UTF-8: chosen below (GB18030, with a note).
    }
  }
  const { decoding, skip } = choose(bytes, true, origin, asked, note);
  return new Decoder(decoding, origin, skip).decode(bytes.subarray(skip), true);
}

/** Enough bytes to judge an encoding by: the header row of any list, and then some. */
const HEAD_BYTES = 64 * 1024;

/** The text of a byte stream, chunk by chunk, its encoding chosen from its first 64 KB. */
export async function* decodeChunks(chunks: AsyncIterable<Uint8Array>, origin: string, asked?: InputEncoding, note: Note = stderrNote): AsyncGenerator<string> {
  let decoder: Decoder | undefined;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  for await (const chunk of chunks) {
    if (decoder) {
      const text = decoder.decode(chunk, false);
      if (text) yield text;
      continue;
    }
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (pendingBytes < HEAD_BYTES) continue;
    const head = Buffer.concat(pending);
    pending = [];
    const { decoding, skip } = choose(head, false, origin, asked, note);
    decoder = new Decoder(decoding, origin, skip);
    const text = decoder.decode(head.subarray(skip), false);
    if (text) yield text;
  }
  if (!decoder) {
    const head = Buffer.concat(pending);
    const { decoding, skip } = choose(head, true, origin, asked, note);
    decoder = new Decoder(decoding, origin, skip);
    const text = decoder.decode(head.subarray(skip), false);
    if (text) yield text;
  }
  const rest = decoder.decode(new Uint8Array(0), true);
  if (rest) yield rest;
}
