// The batch page for brokers (`/screen`): a plain multipart form posting the list to POST /api/v1/screen
// (rule titles and column headers in the page's language, the result as CSV or XLSX: the fields precede
// the file), which answers with the screened list as a download (works with JavaScript off). With
// JavaScript (/assets/screen.js) the upload goes through fetch: rows are counted as the streamed result
// arrives, the rows with errors are listed with their row numbers, and the result is offered as a
// download of the bytes the server sent (the CSV's BOM kept, so that Excel reads it as UTF-8).
import { notInPreviousResult } from '../../batch/compare.ts';
import { columnWords } from '../../batch/write.ts';
import { h } from '../../report/html.ts';
import { layout } from './view.ts';
import { pageWords, type PageLang } from './words.ts';

export function screenPage(lang: PageLang): string {
  const w = pageWords[lang];
  // The result's column headers, in the page's language, for the script that reads the CSV back.
  const column = (c: keyof typeof columnWords) => columnWords[c][lang];
  const body = h`<h1>${w.screenTitle}</h1>
<p class="tagline">${w.screenIntro}</p>
<form method="post" action="/api/v1/screen" enctype="multipart/form-data" id="screen-form" data-row-column="${column('row')}" data-name-column="${column('name')}" data-error-column="${column('error')}" data-gained-column="${column('gained')}" data-lost-column="${column('lost')}" data-compared-column="${column('compared')}" data-not-in-previous="${notInPreviousResult[lang]}" data-no-match="${w.screenNoMatch}">
<input type="hidden" name="lang" value="${lang}">
<input type="hidden" name="headers" value="${lang}">
<fieldset><legend>${w.screenFormat}</legend><div class="choices">
<label class="choice"><input type="radio" name="format" value="csv" checked> ${w.screenCsv}</label>
<label class="choice"><input type="radio" name="format" value="xlsx"> ${w.screenXlsx}</label>
</div></fieldset>
<div class="field"><label for="f-previous">${w.screenPrevious}</label>
<input type="file" id="f-previous" name="previous" accept=".csv,.xlsx,.jsonl,.ndjson,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/x-ndjson"></div>
<div class="field"><label for="f-list">${w.screenFile}</label>
<input type="file" id="f-list" name="list" required accept=".csv,.xlsx,.jsonl,.ndjson,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/x-ndjson"></div>
<button type="submit">${w.screenButton}</button>
</form>
<section id="screen-status" aria-live="polite" hidden>
<h2>${w.screenProgress}</h2>
<p id="screen-progress" data-received="${w.received('{n}')}"></p>
<p id="screen-error" class="error" hidden>${w.screenFailed}</p>
<p id="screen-done" hidden>${w.screenDone} <a id="screen-download" download="screened.csv" href="#">${w.screenDownload}</a></p>
<section id="screen-bad-rows" hidden><h3>${w.screenBadRows}</h3><ul></ul></section>
<section id="screen-changed" hidden><h3>${w.screenChanged}</h3><ul></ul></section>
</section>`;
  return layout(lang, w.screenTitle, body, { script: '/assets/screen.js' });
}
