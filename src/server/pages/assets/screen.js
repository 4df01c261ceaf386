// Progressive enhancement of the batch page: the form posts to /api/v1/screen without this file. Here the
// upload goes through fetch; rows are counted as the streamed CSV arrives, rows with an error are listed
// with their row numbers, and the result is offered as a download.
const form = document.getElementById('screen-form');
const status = document.getElementById('screen-status');
const progress = document.getElementById('screen-progress');
const failure = document.getElementById('screen-error');
const done = document.getElementById('screen-done');
const link = document.getElementById('screen-download');
const badRows = document.getElementById('screen-bad-rows');
const zh = document.documentElement.lang.startsWith('zh');

/** Splits CSV text into rows of cells (RFC 4180: quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  status.hidden = false;
  failure.hidden = true;
  done.hidden = true;
  badRows.hidden = true;
  badRows.querySelector('ul').replaceChildren();
  const template = progress.dataset.received;
  progress.textContent = template.replace('{n}', '0');
  try {
    const response = await fetch(form.action, { method: 'POST', body: new FormData(form), headers: { accept: 'text/csv' } });
    if (!response.ok || !response.body) {
      let detail = `${response.status}`;
      try { const problem = await response.json(); detail = problem.detail ?? problem.title ?? detail; } catch {}
      throw new Error(detail);
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    let lines = 0;
    for (;;) {
      const { value, done: finished } = await reader.read();
      if (finished) break;
      text += value;
      for (const c of value) if (c === '\n') lines++;
      progress.textContent = template.replace('{n}', `${Math.max(0, lines - 1)} ${zh ? '行' : 'rows'}`);
    }
    const rows = parseCsv(text);
    const header = rows.shift() ?? [];
    const rowAt = header.indexOf('row');
    const errorAt = header.indexOf('error');
    const bad = rows.filter((r) => errorAt >= 0 && r[errorAt]);
    progress.textContent = template.replace('{n}', `${rows.length} ${zh ? '行' : 'rows'}`);
    if (bad.length) {
      const list = badRows.querySelector('ul');
      for (const r of bad) {
        const li = document.createElement('li');
        li.dataset.row = r[rowAt];
        li.textContent = zh ? `第 ${r[rowAt]} 行：${r[errorAt]}` : `row ${r[rowAt]}: ${r[errorAt]}`;
        list.append(li);
      }
      badRows.hidden = false;
    }
    const disposition = response.headers.get('content-disposition') ?? '';
    const name = /filename="([^"]+)"/.exec(disposition)?.[1];
    if (name) link.download = name;
    link.href = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
    done.hidden = false;
  } catch (err) {
    failure.hidden = false;
    failure.textContent = `${failure.textContent.split(':')[0]}: ${err.message}`;
  }
});
