// The self-check page as server-rendered HTML: every piece of text goes through the escaping template of
// the HTML report (src/report/html.ts), no inline script or style (the server's CSP forbids them), a
// label on every field, one column that reads at 375 px, a print stylesheet in /assets/app.css.
import type { RuleResult } from '../../engine/evaluate.ts';
import type { FactDefinition } from '../../facts/types.ts';
import { customsCreditLevels, customsCreditNames, customsCreditWords } from '../../profile/enterprise.ts';
import { provinceIds, provinces } from '../../profile/provinces.ts';
import type { FactCatalog } from '../../facts/catalog.ts';
import {
  buildClientReport,
  citationText,
  deadlinesOf,
  describeDeadline,
  describeStep,
  outcomeText,
  resultTitle,
  unlockText,
  type ClientReport,
} from '../../report/client-report.ts';
import { messageIn } from '../../profile/messages.ts';
import { coverageLines, coverageOf } from '../../report/coverage.ts';
import { h, Raw, type Part } from '../../report/html.ts';
import {
  caveatTexts,
  countedTexts,
  doubtText,
  expiredDocuments,
  groupWords,
  headlineText,
  missingFactLabels,
  nextStepLines,
  personResult,
  rightSituation,
  windowText,
  type ForceWindow,
  type PersonResult,
  type RankedQuestion,
} from '../../report/groups.ts';
import { version } from '../../io/version.ts';
import { BASIC_FIELDS, type PageStep, type FieldErrors, type SelfCheckState } from './state.ts';
import { pageWords, type PageLang } from './words.ts';

type Words = (typeof pageWords)[PageLang];

/** The page frame: language, stylesheet, the enhancement script (deferred, same origin), a skip link. */
export function layout(lang: PageLang, title: string, body: Part, o: { script?: string } = {}): string {
  const w = pageWords[lang];
  return h`<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="huiqi ${version}">
<title>${title}</title>
<link rel="stylesheet" href="/assets/app.css">
${o.script ? h`<script type="module" src="${o.script}"></script>` : ''}
</head>
<body>
<a class="skip" href="#main">${w.skip}</a>
<header class="site"><nav aria-label="huiqi"><a href="/?lang=${lang}">${w.selfCheck}</a> · <a href="/screen?lang=${lang}">${w.batch}</a></nav></header>
<main id="main" tabindex="-1">
${body}
</main>
<footer class="site">huiqi ${version}</footer>
</body>
</html>
`.html;
}

const hidden = (name: string, value: string) => h`<input type="hidden" name="${name}" value="${value}">`;

/** The state every form carries, so that any form re-renders the whole self-check. */
function stateFields(state: SelfCheckState, lang: PageLang): Raw {
  return h`${hidden('lang', lang)}${hidden('profile', JSON.stringify(state.data))}${hidden('skipped', JSON.stringify(state.skipped))}`;
}

/** A field's error in the page's language (the profile schema's messages are English; src/profile/messages.ts words them in Chinese). */
const message = (text: string, lang: PageLang) => messageIn(text, lang);

function errorText(errors: FieldErrors, field: string, lang: PageLang): Raw | '' {
  const e = errors[field];
  return e ? h`<p class="error" id="${field}-error">${message(e.message, lang)}</p>` : '';
}
const describedBy = (errors: FieldErrors, field: string, hint?: string) => [hint, errors[field] && `${field}-error`].filter(Boolean).join(' ') || undefined;
const attr = (name: string, value: string | undefined) => (value ? h` ${new Raw(name)}="${value}"` : '');

/** An enum value in the page's words as its declaration gives them (中型 / medium), never the code beside them. */
function optionText(def: FactDefinition, value: string, lang: PageLang): string {
  return def.valueWords?.[value]?.[lang] ?? value;
}

/** One input for a fact, by its type; `value` prefilled. Booleans and enums with few values are radio groups in a fieldset. */
function factInput(field: string, label: string, def: FactDefinition, value: string, errors: FieldErrors, w: Words, note?: string): Raw {
  const invalid = errors[field] ? h` aria-invalid="true"` : '';
  const by = describedBy(errors, field, note ? `${field}-note` : undefined);
  const noteHtml = note ? h`<span class="note" id="${field}-note">${note}</span>` : '';
  // Yes/no and a checklist are a group of choices in a fieldset: radio buttons for one answer, checkboxes for several.
  const choices = (type: 'radio' | 'checkbox', options: readonly [string, string][], chosen: (v: string) => boolean) =>
    h`<fieldset class="field" id="f-${field}"${attr('aria-describedby', by)}><legend>${label}</legend>${noteHtml}<div class="choices">${options.map(
      ([v, text], i) => h`<label class="choice"><input type="${type}" name="${field}" id="${field}-${i}" value="${v}"${chosen(v) ? h` checked` : ''}> ${text}</label>`,
    )}</div>${errorText(errors, field, w.lang)}</fieldset>`;
  if (def.type === 'boolean')
    return choices(
      'radio',
      [
        ['yes', w.yes],
        ['no', w.no],
        ['', w.dontKnow],
      ],
      (v) => v === value,
    );
  if (def.type === 'string[]' && def.values?.length) {
    // A checklist: tick what applies, or 以上都不是 (an answer too: every item no); nothing ticked skips it.
    const ticked = new Set(value.split(',').map((v) => v.trim()));
    return choices('checkbox', [...def.values.map((v): [string, string] => [v, optionText(def, v, w.lang)]), ['none', w.noneOfThese]], (v) => ticked.has(v));
  }
  const id = `f-${field}`;
  let control: Raw;
  if (def.type === 'enum') {
    control = h`<select name="${field}" id="${id}"${invalid}${attr('aria-describedby', by)}><option value="">${w.dontKnow}</option>${(def.values ?? []).map(
      (v) => h`<option value="${v}"${v === value ? h` selected` : ''}>${optionText(def, v, w.lang)}</option>`,
    )}</select>`;
  } else {
    const type = def.type === 'date' ? 'date' : 'text';
    const mode = def.type === 'number' ? h` inputmode="decimal"` : '';
    control = h`<input type="${type}" name="${field}" id="${id}" value="${value}"${mode}${invalid}${attr('aria-describedby', by)}>`;
  }
  return h`<div class="field"><label for="${id}">${label}</label>${noteHtml}${control}${errorText(errors, field, w.lang)}</div>`;
}

function basicsForm(state: SelfCheckState, lang: PageLang, errors: FieldErrors, started: boolean, typed: Record<string, string> = {}): Raw {
  const w = pageWords[lang];
  // As typed when the step had mistakes (every field, not only the wrong ones), else as held.
  const value = (field: string) => errors[field]?.raw ?? typed[field] ?? (typeof state.data[field] === 'string' ? (state.data[field] as string) : '');
  const invalid = (field: string) => (errors[field] ? h` aria-invalid="true"` : '');
  const province = value('province');
  const credit = value('customsCredit');
  // Once the basics are in, they fold away (still editable) so the questions come first.
  const heading = h`<h2 id="basics-h">${w.basics}</h2>`;
  const folded = started && !Object.keys(errors).length;
  return h`<section id="basics" aria-labelledby="basics-h">${folded ? h`<details><summary>${heading} <span class="count">${value('name')}</span></summary>` : heading}
<form method="post" action="/#next" class="step" novalidate>
${stateFields(state, lang)}${hidden('step', 'basics')}
${errors._ ? h`<p class="error" role="alert">${message(errors._.message, lang)}</p>` : ''}
<div class="field"><label for="f-name">${w.name}</label><input id="f-name" name="name" value="${value('name')}" required autocomplete="organization"${invalid('name')}${attr('aria-describedby', describedBy(errors, 'name'))}>${errorText(errors, 'name', lang)}</div>
<div class="field"><label for="f-uscc">${w.uscc}</label><span class="note" id="uscc-note">${w.usccHint}</span>
<input id="f-uscc" name="uscc" value="${value('uscc')}" required maxlength="18" autocapitalize="characters" spellcheck="false" data-uscc${invalid('uscc')} aria-describedby="${describedBy(errors, 'uscc', 'uscc-note uscc-live')}">
<span class="live" id="uscc-live" aria-live="polite"></span>${errorText(errors, 'uscc', lang)}</div>
<div class="field"><label for="f-province">${w.province}</label><select id="f-province" name="province"${invalid('province')}${attr('aria-describedby', describedBy(errors, 'province'))}><option value="">${w.unknown}</option>${provinceIds.map(
    (id) =>
      h`<option value="${id}"${id === province || provinces[id] === province.replace(/(省|市|自治区)$/u, '') ? h` selected` : ''}>${lang === 'zh' ? provinces[id] : id}</option>`,
  )}</select>${errorText(errors, 'province', lang)}</div>
<div class="field"><label for="f-customsCredit">${w.credit}</label><span class="note" id="credit-note">${customsCreditWords.registered.note[lang]}</span><select id="f-customsCredit" name="customsCredit" aria-describedby="${describedBy(errors, 'customsCredit', 'credit-note')}"${invalid('customsCredit')}><option value="">${w.unknown}</option>${customsCreditLevels.map(
    // 一般信用企业, the word clerks still use, beside the level it is read as.
    (level) =>
      h`<option value="${level}"${level === credit ? h` selected` : ''}>${customsCreditNames[level][lang]}${level === 'registered' ? (lang === 'zh' ? '（一般信用企业）' : ' (一般信用企业)') : ''}</option>`,
  )}</select>${errorText(errors, 'customsCredit', lang)}</div>
<button type="submit">${started ? w.update : w.start}</button>
</form>${folded ? h`</details>` : ''}</section>`;
}

function questionsForm(state: SelfCheckState, lang: PageLang, ev: PageStep, errors: FieldErrors, headingId = 'questions-h'): Raw {
  const w = pageWords[lang];
  const keys = ev.questions.map((q) => [q.incidentId ?? null, q.fact]);
  const label = (q: RankedQuestion) =>
    q.incidentId !== undefined ? `${q.label[lang]}${lang === 'zh' ? `（事项 ${q.incidentId}）` : ` (incident ${q.incidentId})`}` : q.label[lang];
  if (!ev.questions.length) {
    // Questions left empty are not asked again; the user can take them up once more.
    const again = state.skipped.length
      ? h`<form method="post" action="/#next" class="step">${stateFields({ ...state, skipped: [] }, lang)}${hidden('step', 'view')}<button type="submit">${w.askSkipped(state.skipped.length)}</button></form>`
      : '';
    return h`<section id="questions" aria-labelledby="${headingId}"><h2 id="${headingId}" tabindex="-1">${w.questions}</h2><p class="empty">${w.noQuestions}</p>${again}</section>`;
  }
  return h`<section id="questions" aria-labelledby="${headingId}"><h2 id="${headingId}" tabindex="-1">${w.questions}</h2>
<form method="post" action="/#next" class="step" novalidate>
${stateFields(state, lang)}${hidden('step', 'answers')}${hidden('asked', JSON.stringify(keys))}
<p class="note">${w.questionsHint}</p>
${ev.questions.map((q, i) => factInput(`q${i}`, label(q), ev.catalog.definition(q.fact)!, errors[`q${i}`]?.raw ?? '', errors, w, w.decides(q.decides.length)))}
<button type="submit">${w.next}</button>
</form></section>`;
}

function incidentForm(state: SelfCheckState, lang: PageLang, errors: FieldErrors, facts: readonly FactDefinition[]): Raw {
  const w = pageWords[lang];
  const count = Array.isArray(state.data.incidents) ? state.data.incidents.length : 0;
  const id = errors['inc.id']?.raw ?? `D${count + 1}`;
  return h`<section id="incident" aria-labelledby="incident-h"><details${Object.keys(errors).some((k) => k.startsWith('inc.')) ? h` open` : ''}><summary><h2 id="incident-h">${w.incident}</h2></summary>
<p class="note">${w.incidentHint}</p>
<form method="post" action="/#next" class="step" novalidate>
${stateFields(state, lang)}${hidden('step', 'incident')}
<div class="field"><label for="f-inc.id">${w.incidentId}</label><input id="f-inc.id" name="inc.id" value="${id}" required>${errorText(errors, 'inc.id', lang)}</div>
${facts.map((def) => factInput(`inc.${def.name}`, def[lang], def, errors[`inc.${def.name}`]?.raw ?? '', errors, w))}
<button type="submit">${w.addIncident}</button>
</form></details></section>`;
}

/** How an item is shown: the group it is listed in decides its badge (never a status the item does not have). */
type Shown = 'applies' | 'exclusions' | 'undetermined' | 'rights' | 'doesNotApply' | 'expired' | 'notYet';

/**
 * One result: its title and the badge of its group, then what the group needs said (what to do next, the
 * questions, the failed condition, the window), its caveats, and the source in a details line (document,
 * article, the quoted text and the rule id: ids stay out of the body).
 */
function resultItem(r: RuleResult, lang: PageLang, shown: Shown, extra: { next?: [string, string][]; window?: ForceWindow; catalog?: FactCatalog } = {}): Raw {
  const w = pageWords[lang];
  const g = groupWords[lang];
  const sep = lang === 'zh' ? '；' : '; ';
  const lines: Part[] = [];
  if (shown === 'applies' || shown === 'exclusions' || shown === 'rights')
    lines.push(h`<div class="outcome">${w.outcome}: ${extra.next ? r.rule.outcome[lang] : outcomeText(r, lang)}</div>`);
  if (shown === 'rights') lines.push(h`<div class="note">${rightSituation(r, lang)}</div>`);
  if (extra.next?.length) lines.push(h`<dl class="next" aria-label="${g.nextSteps}">${extra.next.map(([k, v]) => h`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`);
  if (shown === 'undetermined' && r.missingFacts.length) lines.push(h`<div class="ask">${g.needs}: ${missingFactLabels(r, lang, extra.catalog).join(sep)}</div>`);
  if (shown === 'doesNotApply' && r.failedConditions.length) lines.push(h`<div class="failed">${g.failed}: ${r.failedConditions.map((c) => c[lang]).join(sep)}</div>`);
  if (extra.window) lines.push(h`<div class="window">${windowText(extra.window, lang)}</div>`);
  // Conditions only the authority judges, and a doubtful figure, are said beside the result, as in every report.
  for (const caveat of caveatTexts(r, lang)) lines.push(h`<div class="caveat">${caveat}</div>`);
  const doubt = doubtText(r, lang);
  if (doubt) lines.push(h`<div class="caveat">${doubt}</div>`);
  const cite = h`<details class="cite"><summary>${w.source}: ${citationText(r)}</summary><div>${r.rule.source.title}</div><blockquote lang="zh">「${r.rule.source.quote}」</blockquote><div>${w.ruleId} <code>${r.ruleId}</code></div></details>`;
  const badge = shown === 'notYet' ? g.notYet : shown === 'expired' ? g.expired : shown === 'rights' ? w.rightBadge : g[shown];
  return h`<li class="result" data-rule="${r.ruleId}"${r.incidentId !== undefined ? h` data-incident="${r.incidentId}"` : ''} data-status="${r.status}" data-group="${shown}">
<div class="title">${resultTitle(r, lang)} <span class="status status-${shown}">${badge}</span></div>
${lines}${cite}</li>`;
}

function resultGroup(id: string, title: string, items: Raw[], open: boolean, after: Part = ''): Raw | '' {
  if (!items.length) return '';
  const list = h`<ul class="results">${items}</ul>`;
  return open
    ? h`<section class="group" id="${id}"><h3>${title} <span class="count">(${items.length})</span></h3>${list}${after}</section>`
    : h`<section class="group folded" id="${id}"><details><summary><h3>${title} <span class="count">(${items.length})</span></h3></summary>${list}${after}</details></section>`;
}

/**
 * A person's result (groups.ts personResult, as `huiqi check` and `huiqi report` show it): 适用 with what to do
 * next, exclusions, 待确认 with its questions, the rights whose situation arises, then folded 不适用,
 * 已失效, 尚未生效; the rest counted.
 */
function resultSections(p: PersonResult, report: ClientReport, lang: PageLang, idPrefix: string): Raw {
  const g = groupWords[lang];
  const questions = p.questions.length
    ? h`<div class="deciding"><h4>${g.questions}</h4><ol>${p.questions.slice(0, 8).map((q) => h`<li>${q.label[lang]}${q.incidentId !== undefined ? ` (${q.incidentId})` : ''}</li>`)}</ol>${p.questions.length > 8 ? h`<p class="note">${pageWords[lang].moreQuestions(p.questions.length - 8)}</p>` : ''}</div>`
    : '';
  const by = (r: RuleResult) => deadlinesOf(report, r);
  const counted = countedTexts(p, lang, idPrefix ? 'incident' : 'enterprise');
  return h`<p class="summary" id="${idPrefix}counts">${headlineText(p, lang)}</p>
${resultGroup(
  `${idPrefix}applies`,
  g.applies,
  p.applies.map((r) => resultItem(r, lang, 'applies', { next: nextStepLines(r, lang, by(r)) })),
  true,
)}
${resultGroup(
  `${idPrefix}exclusions`,
  g.exclusions,
  p.exclusions.map((r) => resultItem(r, lang, 'exclusions')),
  true,
)}
${resultGroup(
  `${idPrefix}undetermined`,
  g.undetermined,
  p.undetermined.map((r) =>
    resultItem(r, lang, 'undetermined', { catalog: report.catalog, ...(by(r).length && { next: [[g.byWhen, by(r).join(lang === 'zh' ? '；' : '; ')]] as [string, string][] }) }),
  ),
  true,
  questions,
)}
${resultGroup(
  `${idPrefix}rights`,
  g.rights,
  p.rights.map((r) => resultItem(r, lang, 'rights')),
  true,
)}
${resultGroup(
  `${idPrefix}does-not-apply`,
  g.doesNotApply,
  p.doesNotApply.map((r) => resultItem(r, lang, 'doesNotApply')),
  false,
)}
${resultGroup(
  `${idPrefix}expired`,
  g.expired,
  p.expired.map(({ r, window }) => resultItem(r, lang, 'expired', { window })),
  false,
)}
${resultGroup(
  `${idPrefix}not-yet`,
  g.notYet,
  p.notYet.map(({ r, window }) => resultItem(r, lang, 'notYet', { window })),
  false,
)}
${counted.length ? h`<ul class="counted no-print">${counted.map((c) => h`<li>${c}</li>`)}</ul>` : ''}`;
}

function gapAndDeadlines(report: ClientReport, lang: PageLang): Raw {
  const w = pageWords[lang];
  const ranked = (list: ClientReport['actions']) =>
    h`<ol>${list.slice(0, 8).map((u) => h`<li><strong>${describeStep(u.step, lang, report.catalog)}</strong> — ${unlockText(u, lang)}</li>`)}</ol>`;
  return h`<section id="gap" aria-labelledby="gap-h" class="no-print"><details><summary><h2 id="gap-h">${w.gap}</h2></summary>
${report.actions.length ? h`<h3>${w.actions}</h3>${ranked(report.actions)}` : ''}
${report.confirmations.length ? h`<h3>${w.confirmations}</h3>${ranked(report.confirmations)}` : ''}
${!report.actions.length && !report.confirmations.length ? h`<p class="empty">${w.none}</p>` : ''}</details></section>
<section id="deadlines" aria-labelledby="deadlines-h" class="no-print"><h2 id="deadlines-h">${w.deadlines}</h2>
${report.keyDeadlines.length ? h`<ul>${report.keyDeadlines.map((d) => h`<li>${d.lost.map((r) => resultTitle(r, lang)).join(lang === 'zh' ? '；' : '; ')}：<strong class="deadline">${describeDeadline(d, lang, report.asOf)}</strong></li>`)}</ul>` : h`<p class="empty">${w.none}</p>`}</section>`;
}

/** An incident's own result, and when a document it rests on has expired by the incident's date, that said first. */
function incidentResults(ev: PageStep, report: ClientReport, lang: PageLang): Raw {
  const w = pageWords[lang];
  const g = groupWords[lang];
  return h`${ev.profile.incidents.map((incident) => {
    const own = ev.results.filter((r) => r.incidentId === incident.id);
    const expired = expiredDocuments(own, ev.profile, report.asOf);
    const notice = expired.map(
      (d) =>
        h`<div class="expired-notice" role="note"><p><strong>${g.documentExpired(d.docNumber, d.to)}</strong>${d.quote ? h`（「${d.quote}」）` : ''}</p>${d.successor ? '' : h`<p>${g.noSuccessor}</p>`}</div>`,
    );
    return h`<section class="incident-result" id="incident-result-${incident.id}" aria-labelledby="incident-result-${incident.id}-h"><h3 id="incident-result-${incident.id}-h">${w.incidentResult(incident.id)}</h3>${notice}${resultSections(personResult(own, ev.profile, report.asOf, ev.catalog), report, lang, `inc-${incident.id}-`)}</section>`;
  })}`;
}

function downloads(state: SelfCheckState, lang: PageLang): Raw {
  const w = pageWords[lang];
  // Plain words on the buttons; the file format is a detail (YAML, which every command and the upload read).
  return h`<section id="save" aria-labelledby="save-h" class="no-print"><h2 id="save-h">${w.save}</h2>
<form method="post" action="/download/profile" class="download">${stateFields(state, lang)}${hidden('format', 'yaml')}<p class="note">${w.saveHint}</p><button type="submit">${w.downloadProfile}</button></form>
<form method="post" action="/download/report" class="download">${stateFields(state, lang)}<p class="note">${w.reportHint}</p><div class="buttons"><button type="submit" name="format" value="html">${w.downloadReport}</button> <button type="submit" name="format" value="markdown" class="secondary">${w.downloadReportText}</button></div></form>
<form method="post" action="/download/calendar" class="download" id="calendar">${stateFields(state, lang)}<p class="note">${w.calendarNote}</p><button type="submit">${w.addToCalendar}</button></form>
<p class="note">${w.print}</p></section>`;
}

export function uploadForm(lang: PageLang, errors: FieldErrors = {}): Raw {
  const w = pageWords[lang];
  return h`<section id="upload" aria-labelledby="upload-h" class="no-print"><h2 id="upload-h">${w.upload}</h2>
<form method="post" action="/upload#next" enctype="multipart/form-data">${hidden('lang', lang)}
<div class="field"><label for="f-profile-file">${w.uploadFile}</label><input type="file" id="f-profile-file" name="profile" accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml" required${attr('aria-describedby', describedBy(errors, 'upload'))}>${errorText(errors, 'upload', lang)}</div>
<button type="submit">${w.uploadButton}</button></form></section>`;
}

function langSwitch(state: SelfCheckState, lang: PageLang): Raw {
  const w = pageWords[lang];
  const other = lang === 'zh' ? 'en' : 'zh';
  // A form, not a link, so the profile so far is kept; `step=view` only re-renders.
  return h`<form method="post" action="/" class="lang no-print">${hidden('profile', JSON.stringify(state.data))}${hidden('skipped', JSON.stringify(state.skipped))}${hidden('step', 'view')}
<button type="submit" name="lang" value="${other}" lang="${other === 'zh' ? 'zh-CN' : 'en'}" aria-label="${w.otherLangLabel}: ${w.otherLang}">${w.otherLang}</button></form>`;
}

/** The label of a form field, for the list of mistakes ("企业名称：必填"); undefined when the message names it already. */
function fieldName(field: string, lang: PageLang, incidentFacts: readonly FactDefinition[]): string | undefined {
  const w = pageWords[lang];
  const basics: Record<string, string> = { name: w.name, uscc: w.uscc, province: w.province, customsCredit: w.credit, 'inc.id': w.incidentId };
  if (basics[field]) return basics[field];
  // A question's mistake is shown beside it; its label is the question itself.
  return field.startsWith('inc.') ? incidentFacts.find((f) => f.name === field.slice(4))?.[lang] : undefined;
}

/** Where the reader goes after a submit: the errors, the incident's result, the new questions, or the results. */
export type PageTarget = 'errors' | 'incident' | 'questions' | 'results';

/**
 * The whole self-check page: the basics, then (once the profile validates) questions, the incident form
 * (asking `incidentFacts`), results and downloads. Every form posts to `/#next`; the heading of `target`
 * is `#next`, so after a submit the browser (and, with JavaScript, keyboard focus) lands on what is new.
 */
export function selfCheckPage(o: {
  lang: PageLang;
  state: SelfCheckState;
  errors: FieldErrors;
  ev?: PageStep;
  asOf: string;
  incidentFacts: readonly FactDefinition[];
  after?: 'incident';
  /** The basics as posted, shown again when the step had mistakes. */
  typed?: Record<string, string>;
}): string {
  const { lang, state, errors, ev, asOf } = o;
  const w = pageWords[lang];
  const errorCount = Object.keys(errors).length;
  const report = ev ? buildClientReport({ profile: ev.profile, results: ev.results, asOf, lang, catalog: ev.catalog }) : undefined;
  const target: PageTarget | undefined = errorCount
    ? 'errors'
    : !ev
      ? undefined
      : o.after === 'incident' && ev.profile.incidents.length
        ? 'incident'
        : ev.questions.length
          ? 'questions'
          : 'results';
  const headingId = (t: PageTarget, own: string) => (t === target ? 'next' : own);
  const enterprise = ev ? ev.results.filter((r) => r.incidentId === undefined) : [];
  const body = h`<div class="top"><h1>${w.title}</h1>${langSwitch(state, lang)}</div>
<p class="tagline">${w.tagline}</p>
${
  errorCount
    ? h`<div class="errors" role="alert"><p id="${headingId('errors', 'errors-h')}" tabindex="-1">${w.errors}</p><ul>${Object.entries(errors).map(([field, e]) => {
        const named = fieldName(field, lang, o.incidentFacts);
        return h`<li><a href="#${field === '_' ? 'basics' : `f-${field}`}">${named ? `${named}${lang === 'zh' ? '：' : ': '}` : ''}${message(e.message, lang)}</a></li>`;
      })}</ul></div>`
    : ''
}
${basicsForm(state, lang, Object.fromEntries(Object.entries(errors).filter(([k]) => (BASIC_FIELDS as readonly string[]).includes(k) || k === '_')), Boolean(ev), errorCount ? o.typed : undefined)}
${ev ? questionsForm(state, lang, ev, errors, headingId('questions', 'questions-h')) : ''}
${ev ? incidentForm(state, lang, errors, o.incidentFacts) : ''}
${
  ev && report
    ? h`<section id="results" aria-labelledby="${headingId('results', 'results-h')}"><h2 id="${headingId('results', 'results-h')}" tabindex="-1">${w.results}</h2>
<p class="meta">${ev.profile.name} · ${ev.profile.uscc} · ${w.asOf} ${asOf}</p>
${coverageLines(coverageOf(ev.profile, ev.results), lang).map((line) => h`<p class="coverage note">${line}</p>`)}
${ev.profile.incidents.length ? h`<div id="incident-result"><h3 id="${headingId('incident', 'incident-result-h')}" tabindex="-1" class="visually-hidden">${w.incidentResults}</h3>${incidentResults(ev, report, lang)}</div><h3>${w.enterpriseResults}</h3>` : ''}
${resultSections(personResult(enterprise, ev.profile, asOf, ev.catalog), report, lang, '')}
</section>
${gapAndDeadlines(report, lang)}
${downloads(state, lang)}`
    : ''
}
${uploadForm(lang, errors)}`;
  return layout(lang, ev ? `${w.title} · ${ev.profile.name}` : w.title, body, { script: '/assets/self-check.js' });
}

/** An error page for a request the page cannot read (a tampered hidden field, a bad upload). */
export function problemPage(lang: PageLang, message: string): string {
  const w = pageWords[lang];
  return layout(lang, w.title, h`<h1>${w.title}</h1><div class="errors" role="alert"><p>${message}</p></div><p><a href="/?lang=${lang}">${w.restart}</a></p>${uploadForm(lang)}`);
}
