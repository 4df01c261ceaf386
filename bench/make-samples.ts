// Writes samples/enterprises.csv and samples/enterprises.xlsx: 300 generated enterprises (seeded, so the
// files are reproducible), about 4% broken on purpose (bad 统一社会信用代码, unknown credit level or size,
// impossible dates, non-yes/no answers, a missing name). Run: npx tsx bench/make-samples.ts
import ExcelJS from 'exceljs';
import { packagePath } from '../src/io/paths.ts';
import { breakages, generatedHeader, generateRow, prng } from './generate.ts';

const ROWS = 300;
const samples = `${packagePath('samples')}/`;
const rand = prng(2024_0520);
const rows: string[][] = [];
for (let i = 0; i < ROWS; i++) {
  // Every kind of breakage at least once, early on, then at random.
  const broken = i % 40 === 7 ? breakages[Math.floor(i / 40) % breakages.length] : rand() < 0.015 ? breakages[Math.floor(rand() * breakages.length)] : undefined;
  rows.push(generateRow(rand, broken));
}

const csvCell = (c: string) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
const { writeFileSync } = await import('node:fs');
writeFileSync(`${samples}enterprises.csv`, `${[generatedHeader.join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\n')}\n`);

// The XLSX version types its cells the way a spreadsheet would: real dates and numbers.
const workbook = new ExcelJS.Workbook();
const sheet = workbook.addWorksheet('企业名单');
sheet.addRow([...generatedHeader]);
const dateColumn = generatedHeader.indexOf('projectApprovalDate');
const numberColumn = generatedHeader.indexOf('cbecAnnualExportValue');
for (const r of rows) {
  sheet.addRow(
    r.map((cell, i) => {
      if (cell === '') return null;
      if (i === dateColumn && /^\d{4}-\d{2}-\d{2}$/.test(cell) && !Number.isNaN(Date.parse(`${cell}T00:00:00Z`)) && new Date(`${cell}T00:00:00Z`).toISOString().startsWith(cell))
        return new Date(`${cell}T00:00:00Z`);
      if (i === numberColumn && /^\d+$/.test(cell)) return Number(cell);
      return cell;
    }),
  );
}
await workbook.xlsx.writeFile(`${samples}enterprises.xlsx`);
console.log(`wrote ${ROWS} rows to samples/enterprises.csv and samples/enterprises.xlsx`);
