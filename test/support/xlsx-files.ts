// XLSX files made byte by byte for tests of the XLSX limits: a small zip writer (deflate, CRC-32, local
// headers and central directory), the few parts exceljs needs, and parts made of one unit repeated
// millions of times, deflated as a stream (a "zip bomb": a few MB that expand to hundreds).
import { crc32, deflateRawSync, createDeflateRaw } from 'node:zlib';

export interface ZipPart {
  name: string;
  /** The part's bytes, deflated. */
  deflated: Buffer;
  /** What it expands to, and its CRC-32. */
  size: number;
  crc: number;
  /** The size the archive states (a lie, for a bomb that hides its size), default the true one. */
  statedSize?: number;
}

export const part = (name: string, text: string | Buffer): ZipPart => {
  const bytes = Buffer.from(text);
  return { name, deflated: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
};

/** `head`, then `unit(i)` for i < times, then `tail`, deflated in a stream (never all in memory). */
export async function repeatedPart(name: string, head: string, unit: (i: number) => string, times: number, tail: string): Promise<ZipPart> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = new Promise((resolve) => deflate.on('end', resolve));
  let size = 0;
  let crc = 0;
  const write = (text: string) => {
    const bytes = Buffer.from(text);
    size += bytes.length;
    crc = crc32(bytes, crc);
    return deflate.write(bytes) ? undefined : new Promise((resolve) => deflate.once('drain', resolve));
  };
  await write(head);
  const batch = 4096;
  for (let i = 0; i < times; i += batch) {
    let text = '';
    for (let j = i; j < Math.min(times, i + batch); j++) text += unit(j);
    await write(text);
  }
  await write(tail);
  deflate.end();
  await ended;
  return { name, deflated: Buffer.concat(out), size, crc: crc >>> 0 };
}

/** A zip archive of the parts, in order, as Excel writes one (no data descriptors). */
export function zip(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const size = p.statedSize ?? p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.deflated.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + p.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The parts of a workbook besides its shared strings and sheet. */
export const frameParts = (): ZipPart[] => [
  part(
    '[Content_Types].xml',
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  ),
  part('_rels/.rels', `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
  part('xl/workbook.xml', `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>`),
  part(
    'xl/_rels/workbook.xml.rels',
    `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  ),
];

/** Shared strings: the header's two texts, then `unit(i)` for `count` more. */
export const sharedStringsPart = (count: number, unit: (i: number) => string = (i) => `<si><t>${i}</t></si>`) =>
  repeatedPart(
    'xl/sharedStrings.xml',
    `${XML}<sst xmlns="${MAIN}" count="${count + 2}" uniqueCount="${count + 2}"><si><t>企业名称</t></si><si><t>统一社会信用代码</t></si>`,
    unit,
    count,
    '</sst>',
  );

/** A sheet: the header row (shared strings 0 and 1), then `rows` rows naming shared strings 2, 3, … */
export const sheetPart = (rows: number) =>
  repeatedPart(
    'xl/worksheets/sheet1.xml',
    `${XML}<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>`,
    (i) => `<row r="${i + 2}"><c r="A${i + 2}" t="s"><v>${i + 2}</v></c><c r="B${i + 2}" t="inlineStr"><is><t>91500000MA5U00000W</t></is></c></row>`,
    rows,
    '</sheetData></worksheet>',
  );
