// Progressive enhancement of the batch page: the form posts to /api/v1/screen without this file. Here the
// upload goes through fetch; rows are counted as the streamed result arrives, rows with an error (and,
// with a previous result, the clients with a change) are listed with their row numbers, and the bytes the
// server sent are offered as the download: the CSV keeps its UTF-8 BOM (Excel on Chinese Windows reads a
// CSV without one as GBK), an XLSX stays a workbook.
const form = document.getElementById('screen-form');
const status = document.getElementById('screen-status');
const progress = document.getElementById('screen-progress');
const failure = document.getElementById('screen-error');
const done = document.getElementById('screen-done');
const link = document.getElementById('screen-download');
const badRows = document.getElementById('screen-bad-rows');
const changed = document.getElementById('screen-changed');
const listInput = document.getElementById('f-list');
const zh = document.documentElement.lang.startsWith('zh');
const columns = form.dataset;

// An Excel list comes back as an Excel workbook unless the user picks CSV after choosing the file.
listInput.addEventListener('change', () => {
  const name = listInput.files?.[0] ? listInput.files[0].name : '';
  const xlsx = form.querySelector('input[name=format][value=xlsx]');
  const csv = form.querySelector('input[name=format][value=csv]');
  if (/\.xlsx$/i.test(name)) xlsx.checked = true;
  else csv.checked = true;
});

/** Splits CSV text into rows of cells (RFC 4180: quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Lists rows under a section: `text(row)` for each. */
function listRows(section, rows, rowAt, text) {
  const list = section.querySelector('ul');
  for (const r of rows) {
    const li = document.createElement('li');
    li.dataset.row = r[rowAt];
    li.textContent = text(r);
    list.append(li);
  }
  section.hidden = rows.length === 0;
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  status.hidden = false;
  failure.hidden = true;
  done.hidden = true;
  for (const section of [badRows, changed]) {
    section.hidden = true;
    section.querySelector('ul').replaceChildren();
  }
  const template = progress.dataset.received;
  progress.textContent = template.replace('{n}', '0');
  const format = new FormData(form).get('format') || 'csv';
  try {
    const response = await fetch(form.action, { method: 'POST', body: new FormData(form) });
    if (!response.ok || !response.body) {
      let detail = `${response.status}`;
      try {
        const problem = await response.json();
        detail = problem.detail ?? problem.title ?? detail;
      } catch {}
      throw new Error(detail);
    }
    // The bytes are kept as they come (the download), and CSV is also decoded to count and read its rows.
    const reader = response.body.getReader();
    const chunks = [];
    const decoder = new TextDecoder();
    let text = '';
    let lines = 0;
    let bytes = 0;
    for (;;) {
      const { value, done: finished } = await reader.read();
      if (finished) break;
      chunks.push(value);
      bytes += value.length;
      if (format === 'csv') {
        const part = decoder.decode(value, { stream: true });
        text += part;
        for (const c of part) if (c === '\n') lines++;
        progress.textContent = template.replace('{n}', `${Math.max(0, lines - 1)} ${zh ? '行' : 'rows'}`);
      } else progress.textContent = template.replace('{n}', `${Math.ceil(bytes / 1024)} KB`);
    }
    if (format === 'csv') {
      text += decoder.decode();
      const rows = parseCsv(text);
      const header = rows.shift() ?? [];
      const at = (name) => header.indexOf(name);
      const [rowAt, nameAt, errorAt, gainedAt, lostAt] = [at(columns.rowColumn), at(columns.nameColumn), at(columns.errorColumn), at(columns.gainedColumn), at(columns.lostColumn)];
      progress.textContent = template.replace('{n}', `${rows.length} ${zh ? '行' : 'rows'}`);
      const where = (r) => (zh ? `第 ${r[rowAt]} 行` : `row ${r[rowAt]}`);
      if (errorAt >= 0)
        listRows(
          badRows,
          rows.filter((r) => r[errorAt]),
          rowAt,
          (r) => `${where(r)}${zh ? '：' : ': '}${r[errorAt]}`,
        );
      if (gainedAt >= 0 && lostAt >= 0) {
        const ids = (cell) => (cell ? cell.split(';') : []);
        const change = (r) => [...ids(r[gainedAt]).map((id) => `+${id}`), ...ids(r[lostAt]).map((id) => `-${id}`)].join(' ');
        listRows(
          changed,
          rows.filter((r) => r[gainedAt] || r[lostAt]),
          rowAt,
          (r) => `${where(r)} ${r[nameAt]}${zh ? '：' : ': '}${change(r)}`,
        );
        const comparedAt = at(columns.comparedColumn);
        // No row matched: every row screened is new (rows with an error are not compared at all).
        const screened = rows.filter((r) => !(errorAt >= 0 && r[errorAt]));
        if (screened.length && screened.every((r) => r[comparedAt] === columns.notInPrevious)) {
          const li = document.createElement('li');
          li.className = 'error';
          li.textContent = columns.noMatch;
          changed.querySelector('ul').append(li);
          changed.hidden = false;
        }
      }
    }
    const disposition = response.headers.get('content-disposition') ?? '';
    const name = /filename="([^"]+)"/.exec(disposition)?.[1];
    if (name) link.download = name;
    link.href = URL.createObjectURL(new Blob(chunks, { type: response.headers.get('content-type') ?? 'application/octet-stream' }));
    done.hidden = false;
  } catch (err) {
    failure.hidden = false;
    failure.textContent = `${failure.textContent.split(':')[0]}: ${err.message}`;
  }
});
