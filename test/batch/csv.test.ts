// Our streaming CSV reader against csv-parse (the reference): the same records from the same text,
// however the text is cut into chunks; line numbers; broken quoting.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvReader, CsvSyntaxError, type CsvRecord } from '../../src/batch/csv.ts';

function readAll(text: string, cuts: number[] = []): CsvRecord[] {
  const reader = new CsvReader();
  const out: CsvRecord[] = [];
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    reader.push(text.slice(from, cut), out);
    from = cut;
  }
  reader.push(text.slice(from), out);
  reader.end(out);
  return out;
}

const quote = (cell: string) => (/[",\r\n]/.test(cell) || cell === '' ? `"${cell.replace(/"/g, '""')}"` : cell);
const cell = fc.string({ unit: fc.constantFrom('a', 'b', '中', '文', ' ', ',', '"', '\n', '\r\n', ';', 'é'), maxLength: 8 });

describe('CSV reader', () => {
  it('reads what csv-parse reads, whatever the chunks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 6 }),
        (records, eol, finalEol, cuts) => {
          const text = records.map((r) => r.map(quote).join(',')).join(eol) + (finalEol ? eol : '');
          const ours = readAll(
            text,
            cuts.map((c) => c % (text.length + 1)),
          ).map((r) => r.cells);
          const theirs = parse(text, { relax_column_count: true, skip_empty_lines: false }) as string[][];
          expect(ours).toEqual(theirs);
          expect(ours).toEqual(records);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('strips a BOM, keeps quotes inside unquoted cells and counts lines across quoted line breaks', () => {
    const records = readAll('\uFEFFa,b\r\n"x\ny",2\n\nsay "hi",3\n');
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x\ny', '2'] },
      { line: 4, cells: [''] },
      { line: 5, cells: ['say "hi"', '3'] },
    ]);
  });

  it('refuses a quoted cell that is never closed, naming the line', () => {
    expect(() => readAll('a,b\n1,"open\n2,3\n')).toThrow(new CsvSyntaxError('line 2: a quoted field is not closed'));
  });
});
