// The self-check page as server-rendered HTML: every piece of text goes through the escaping template of
// the HTML report (src/report/html.ts), no inline script or style (the server's CSP forbids them), a
// label on every field, one column that reads at 375 px, a print stylesheet in /assets/app.css.
import type { RuleResult } from '../../engine/evaluate.ts';
import type { FactDefinition } from '../../facts/types.ts';
import { customsCreditLevels, customsCreditNames } from '../../profile/enterprise.ts';
import { provinceIds, provinces } from '../../profile/provinces.ts';
import type { FactCatalog } from '../../facts/catalog.ts';
import {
  buildClientReport, citationText, describeDeadline, describeStep, outcomeText, resultTitle, unlockText, type ClientReport,
} from '../../report/client-report.ts';
import { h, Raw, type Part } from '../../report/html.ts';
import { caveatTexts, doubtText, groupResults, missingFactLabels, type RankedQuestion } from '../../report/summary.ts';
import { version } from '../../io/version.ts';
import { BASIC_FIELDS, type Evaluation, type FieldErrors, type SelfCheckState } from './state.ts';
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
<header class="site"><nav aria-label="huiqi"><a href="/?lang=${lang}">${w.selfCheck}</a> · <a href="/screen?lang=${lang}">${w.batch}</a></nav></header>
<main id="main">
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

function errorText(errors: FieldErrors, field: string): Raw | '' {
  const e = errors[field];
  return e ? h`<p class="error" id="${field}-error">${e.message}</p>` : '';
}
const describedBy = (errors: FieldErrors, field: string, hint?: string) => [hint, errors[field] && `${field}-error`].filter(Boolean).join(' ') || undefined;
const attr = (name: string, value: string | undefined) => (value ? h` ${new Raw(name)}="${value}"` : '');

/** An enum value with the Chinese words its declaration gives it ("medium 中型", "tax 涉税违规"), or the value alone. */
function optionText(def: FactDefinition, value: string): string {
  const words = def.valueWords?.[value]?.zh;
  return words ? `${value} ${words}` : value;
}

/** One input for a fact, by its type; `value` prefilled. Booleans and enums with few values are radio groups in a fieldset. */
function factInput(field: string, label: string, def: FactDefinition, value: string, errors: FieldErrors, w: Words, note?: string): Raw {
  const invalid = errors[field] ? h` aria-invalid="true"` : '';
  const by = describedBy(errors, field, note ? `${field}-note` : undefined);
  const noteHtml = note ? h`<span class="note" id="${field}-note">${note}</span>` : '';
  if (def.type === 'boolean') {
    const options: [string, string][] = [['yes', w.yes], ['no', w.no], ['', w.dontKnow]];
    return h`<fieldset class="field" id="f-${field}"${attr('aria-describedby', by)}><legend>${label}</legend>${noteHtml}<div class="choices">${options.map(
      ([v, text], i) => h`<label class="choice"><input type="radio" name="${field}" id="${field}-${i}" value="${v}"${v === value ? h` checked` : ''}> ${text}</label>`,
    )}</div>${errorText(errors, field)}</fieldset>`;
  }
  const id = `f-${field}`;
  let control: Raw;
  if (def.type === 'enum') {
    control = h`<select name="${field}" id="${id}"${invalid}${attr('aria-describedby', by)}><option value="">${w.dontKnow}</option>${(def.values ?? []).map(
      (v) => h`<option value="${v}"${v === value ? h` selected` : ''}>${optionText(def, v)}</option>`,
    )}</select>`;
  } else {
    const type = def.type === 'date' ? 'date' : 'text';
    const mode = def.type === 'number' ? h` inputmode="decimal"` : '';
    control = h`<input type="${type}" name="${field}" id="${id}" value="${value}"${mode}${invalid}${attr('aria-describedby', by)}>`;
  }
  return h`<div class="field"><label for="${id}">${label}</label>${noteHtml}${control}${errorText(errors, field)}</div>`;
}

function basicsForm(state: SelfCheckState, lang: PageLang, errors: FieldErrors, started: boolean): Raw {
  const w = pageWords[lang];
  const value = (field: string) => errors[field]?.raw ?? (typeof state.data[field] === 'string' ? (state.data[field] as string) : '');
  const invalid = (field: string) => (errors[field] ? h` aria-invalid="true"` : '');
  const province = value('province');
  const credit = value('customsCredit');
  // Once the basics are in, they fold away (still editable) so the questions come first.
  const heading = h`<h2 id="basics-h">${w.basics}</h2>`;
  const folded = started && !Object.keys(errors).length;
  return h`<section id="basics" aria-labelledby="basics-h">${folded ? h`<details><summary>${heading} <span class="count">${value('name')}</span></summary>` : heading}
<form method="post" action="/" class="step" novalidate>
${stateFields(state, lang)}${hidden('step', 'basics')}
${errors._ ? h`<p class="error" role="alert">${errors._.message}</p>` : ''}
<div class="field"><label for="f-name">${w.name}</label><input id="f-name" name="name" value="${value('name')}" required autocomplete="organization"${invalid('name')}${attr('aria-describedby', describedBy(errors, 'name'))}>${errorText(errors, 'name')}</div>
<div class="field"><label for="f-uscc">${w.uscc}</label><span class="note" id="uscc-note">${w.usccHint}</span>
<input id="f-uscc" name="uscc" value="${value('uscc')}" required maxlength="18" autocapitalize="characters" spellcheck="false" data-uscc${invalid('uscc')} aria-describedby="${describedBy(errors, 'uscc', 'uscc-note uscc-live')}">
<span class="live" id="uscc-live" aria-live="polite"></span>${errorText(errors, 'uscc')}</div>
<div class="field"><label for="f-province">${w.province}</label><select id="f-province" name="province"${invalid('province')}${attr('aria-describedby', describedBy(errors, 'province'))}><option value="">${w.unknown}</option>${provinceIds.map(
    (id) => h`<option value="${id}"${id === province || provinces[id] === province.replace(/(省|市|自治区)$/u, '') ? h` selected` : ''}>${lang === 'zh' ? provinces[id] : id}</option>`,
  )}</select>${errorText(errors, 'province')}</div>
<div class="field"><label for="f-customsCredit">${w.credit}</label><select id="f-customsCredit" name="customsCredit"${invalid('customsCredit')}><option value="">${w.unknown}</option>${customsCreditLevels.map(
    (level) => h`<option value="${level}"${level === credit ? h` selected` : ''}>${customsCreditNames[level][lang]}</option>`,
  )}</select>${errorText(errors, 'customsCredit')}</div>
<button type="submit">${started ? w.update : w.start}</button>
</form>${folded ? h`</details>` : ''}</section>`;
}

function questionsForm(state: SelfCheckState, lang: PageLang, ev: Evaluation, errors: FieldErrors): Raw {
  const w = pageWords[lang];
  const keys = ev.questions.map((q) => [q.incidentId ?? null, q.fact]);
  const label = (q: RankedQuestion) => (q.incidentId !== undefined ? `${q.label[lang]}${lang === 'zh' ? `（事项 ${q.incidentId}）` : ` (incident ${q.incidentId})`}` : q.label[lang]);
  const relevantCount = (q: RankedQuestion) => q.decides.filter((r) => r.relevant === true).length;
  if (!ev.questions.length && !ev.topics.length) {
    // Questions left empty are not asked again; the user can take them up once more.
    const again = state.skipped.length
      ? h`<form method="post" action="/" class="step">${stateFields({ ...state, skipped: [] }, lang)}${hidden('step', 'view')}<button type="submit">${w.askSkipped(state.skipped.length)}</button></form>`
      : '';
    return h`<section id="questions" aria-labelledby="questions-h"><h2 id="questions-h">${w.questions}</h2><p class="empty">${w.noQuestions}</p>${again}</section>`;
  }
  return h`<section id="questions" aria-labelledby="questions-h"><h2 id="questions-h">${w.questions}</h2>
<form method="post" action="/" class="step" novalidate>
${stateFields(state, lang)}${hidden('step', 'answers')}${hidden('asked', JSON.stringify(keys))}${hidden('topics', JSON.stringify(ev.topics.map((t) => t.name)))}
${ev.questions.length ? h`<p class="note">${w.questionsHint}</p>` : ''}
${ev.questions.map((q, i) => factInput(`q${i}`, label(q), ev.catalog.definition(q.fact)!, errors[`q${i}`]?.raw ?? '', errors, w, w.decides(relevantCount(q))))}
${ev.topics.length ? h`<h3>${w.topics}</h3><p class="note">${w.topicsHint}</p>${ev.topics.map((t, i) => factInput(`t${i}`, t[lang], t, errors[`t${i}`]?.raw ?? '', errors, w))}` : ''}
<button type="submit">${w.next}</button>
</form></section>`;
}

function incidentForm(state: SelfCheckState, lang: PageLang, errors: FieldErrors, facts: readonly FactDefinition[]): Raw {
  const w = pageWords[lang];
  const count = Array.isArray(state.data.incidents) ? state.data.incidents.length : 0;
  const id = errors['inc.id']?.raw ?? `D${count + 1}`;
  return h`<section id="incident" aria-labelledby="incident-h"><details${Object.keys(errors).some((k) => k.startsWith('inc.')) ? h` open` : ''}><summary><h2 id="incident-h">${w.incident}</h2></summary>
<p class="note">${w.incidentHint}</p>
<form method="post" action="/#incident-result" class="step" novalidate>
${stateFields(state, lang)}${hidden('step', 'incident')}
<div class="field"><label for="f-inc.id">${w.incidentId}</label><input id="f-inc.id" name="inc.id" value="${id}" required>${errorText(errors, 'inc.id')}</div>
${facts.map((def) => factInput(`inc.${def.name}`, def[lang], def, errors[`inc.${def.name}`]?.raw ?? '', errors, w))}
<button type="submit">${w.addIncident}</button>
</form></details></section>`;
}

/** One result with its status (data-status, for tests and scripts), document, 文号, article and quote. */
function resultItem(r: RuleResult, lang: PageLang, detail: 'full' | 'brief', catalog: FactCatalog): Raw {
  const w = pageWords[lang];
  const lines: Part[] = [];
  if (r.status === 'eligible' || r.status === 'informational') lines.push(h`<div class="outcome">${w.outcome}: ${outcomeText(r, lang)}</div>`);
  if (r.status === 'undetermined' && r.missingFacts.length) lines.push(h`<div class="ask">${w.decidingQuestion}: ${missingFactLabels(r, lang, catalog).join(lang === 'zh' ? '；' : '; ')}</div>`);
  if (r.status === 'ineligible' && r.failedConditions.length) lines.push(h`<div class="failed">${w.failed}: ${r.failedConditions.map((c) => c[lang]).join(lang === 'zh' ? '；' : '; ')}</div>`);
  // Conditions only the authority judges, and a doubtful figure, are said beside the result, as in every report.
  for (const caveat of caveatTexts(r, lang)) lines.push(h`<div class="caveat">${caveat}</div>`);
  const doubt = doubtText(r, lang);
  if (doubt) lines.push(h`<div class="caveat">${doubt}</div>`);
  const cite = h`<div class="cite">${w.source}: ${r.rule.source.title}（${citationText(r)}） <code>${r.ruleId}</code></div>`;
  return h`<li class="result" data-rule="${r.ruleId}"${r.incidentId !== undefined ? h` data-incident="${r.incidentId}"` : ''} data-status="${r.status}">
<div class="title">${resultTitle(r, lang)} <span class="status status-${r.status}">${w.status[r.status] ?? r.status}</span></div>
${lines}${cite}${detail === 'full' ? h`<blockquote lang="zh">「${r.rule.source.quote}」</blockquote>` : ''}</li>`;
}

function resultGroup(id: string, title: string, list: RuleResult[], lang: PageLang, detail: 'full' | 'brief', open: boolean, catalog: FactCatalog): Raw | '' {
  if (!list.length) return '';
  const items = h`<ul class="results">${list.map((r) => resultItem(r, lang, detail, catalog))}</ul>`;
  return open
    ? h`<section class="group" id="${id}"><h3>${title} <span class="count">(${list.length})</span></h3>${items}</section>`
    : h`<section class="group" id="${id}"><details><summary><h3>${title} <span class="count">(${list.length})</span></h3></summary>${items}</details></section>`;
}

/** Every result, grouped as `huiqi check` groups them; the groups that matter open, the rest folded. */
function resultSections(results: RuleResult[], lang: PageLang, idPrefix: string, catalog: FactCatalog): Raw {
  const w = pageWords[lang];
  const g = groupResults(results, catalog);
  const grouped = new Set([g.applies, g.exclusions, g.undetermined, g.doesNotApply, g.situational, g.besideThePoint, g.exclusionsClear, g.notInForce].flat());
  const other = results.filter((r) => !grouped.has(r));
  return h`${resultGroup(`${idPrefix}applies`, w.applies, g.applies, lang, 'full', true, catalog)}
${resultGroup(`${idPrefix}exclusions`, w.exclusions, g.exclusions, lang, 'full', true, catalog)}
${resultGroup(`${idPrefix}other`, w.other, other, lang, 'full', true, catalog)}
${resultGroup(`${idPrefix}undetermined`, w.undetermined, g.undetermined, lang, 'full', true, catalog)}
${resultGroup(`${idPrefix}does-not-apply`, w.doesNotApply, g.doesNotApply, lang, 'full', true, catalog)}
${resultGroup(`${idPrefix}situational`, w.situational, g.situational, lang, 'brief', false, catalog)}
${resultGroup(`${idPrefix}beside-the-point`, w.besideThePoint, g.besideThePoint, lang, 'brief', false, catalog)}
${resultGroup(`${idPrefix}exclusions-clear`, w.exclusionsClear, g.exclusionsClear, lang, 'brief', false, catalog)}
${resultGroup(`${idPrefix}not-in-force`, w.notInForce, g.notInForce, lang, 'brief', false, catalog)}`;
}

function gapAndDeadlines(report: ClientReport, lang: PageLang): Raw {
  const w = pageWords[lang];
  const ranked = (list: ClientReport['actions']) => h`<ol>${list.slice(0, 8).map((u) => h`<li><strong>${describeStep(u.step, lang, report.catalog)}</strong> — ${unlockText(u, lang)}</li>`)}</ol>`;
  return h`<section id="gap" aria-labelledby="gap-h"><h2 id="gap-h">${w.gap}</h2>
${report.actions.length ? h`<h3>${w.actions}</h3>${ranked(report.actions)}` : ''}
${report.confirmations.length ? h`<h3>${w.confirmations}</h3>${ranked(report.confirmations)}` : ''}
${!report.actions.length && !report.confirmations.length ? h`<p class="empty">${w.none}</p>` : ''}</section>
<section id="deadlines" aria-labelledby="deadlines-h"><h2 id="deadlines-h">${w.deadlines}</h2>
${report.deadlines.length ? h`<ul>${report.deadlines.map((d) => h`<li><strong class="deadline">${describeDeadline(d, lang, report.asOf)}</strong><div class="cite">${w.lost}: ${d.lost.map((r) => resultTitle(r, lang)).join(lang === 'zh' ? '；' : '; ')}</div></li>`)}</ul>` : h`<p class="empty">${w.none}</p>`}</section>`;
}

function incidentResults(ev: Evaluation, lang: PageLang): Raw {
  const w = pageWords[lang];
  return h`${ev.profile.incidents.map((incident) => {
    const own = ev.results.filter((r) => r.incidentId === incident.id);
    const g = groupResults(own, ev.catalog);
    const summary = `${g.applies.length} ${w.applies} · ${g.undetermined.length} ${w.undetermined} · ${g.doesNotApply.length} ${w.doesNotApply}`;
    return h`<section class="incident-result" id="incident-result-${incident.id}" aria-label="${w.incidentResult(incident.id)}"><h3>${w.incidentResult(incident.id)}</h3><p class="summary">${summary}</p>${resultSections(own, lang, `inc-${incident.id}-`, ev.catalog)}</section>`;
  })}`;
}

function downloads(state: SelfCheckState, lang: PageLang): Raw {
  const w = pageWords[lang];
  const form = (action: string, title: string, formats: [string, string][]) => h`<form method="post" action="${action}" class="download">
${stateFields(state, lang)}<fieldset><legend>${title}</legend><div class="choices">${formats.map(
    ([value, text], i) => h`<label class="choice"><input type="radio" name="format" value="${value}"${i === 0 ? h` checked` : ''}> ${text}</label>`,
  )}</div><button type="submit">${w.download}</button></fieldset></form>`;
  return h`<section id="save" aria-labelledby="save-h" class="no-print"><h2 id="save-h">${w.save}</h2>
${form('/download/profile', w.downloadProfile, [['yaml', 'YAML'], ['json', 'JSON']])}
${form('/download/report', w.downloadReport, [['html', 'HTML'], ['markdown', 'Markdown']])}
<form method="post" action="/download/calendar" class="download" id="calendar">${stateFields(state, lang)}<p class="note">${w.calendarNote}</p><button type="submit">${w.addToCalendar}</button></form>
<p class="note">${w.print}</p></section>`;
}

export function uploadForm(lang: PageLang, errors: FieldErrors = {}): Raw {
  const w = pageWords[lang];
  return h`<section id="upload" aria-labelledby="upload-h" class="no-print"><h2 id="upload-h">${w.upload}</h2>
<form method="post" action="/upload" enctype="multipart/form-data">${hidden('lang', lang)}
<div class="field"><label for="f-profile-file">${w.uploadFile}</label><input type="file" id="f-profile-file" name="profile" accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml" required${attr('aria-describedby', describedBy(errors, 'upload'))}>${errorText(errors, 'upload')}</div>
<button type="submit">${w.uploadButton}</button></form></section>`;
}

function langSwitch(state: SelfCheckState, lang: PageLang): Raw {
  const w = pageWords[lang];
  const other = lang === 'zh' ? 'en' : 'zh';
  // A form, not a link, so the profile so far is kept; `step=view` only re-renders.
  return h`<form method="post" action="/" class="lang no-print">${hidden('profile', JSON.stringify(state.data))}${hidden('skipped', JSON.stringify(state.skipped))}${hidden('step', 'view')}
<button type="submit" name="lang" value="${other}" lang="${other === 'zh' ? 'zh-CN' : 'en'}" aria-label="${w.otherLangLabel}: ${w.otherLang}">${w.otherLang}</button></form>`;
}

/**
 * The whole self-check page: the basics, then (once the profile validates) questions, the incident form
 * (asking `incidentFacts`), results and downloads.
 */
export function selfCheckPage(o: { lang: PageLang; state: SelfCheckState; errors: FieldErrors; ev?: Evaluation; asOf: string; incidentFacts: readonly FactDefinition[] }): string {
  const { lang, state, errors, ev, asOf } = o;
  const w = pageWords[lang];
  const errorCount = Object.keys(errors).length;
  const report = ev ? buildClientReport({ profile: ev.profile, results: ev.results, asOf, lang, catalog: ev.catalog }) : undefined;
  const body = h`<div class="top"><h1>${w.title}</h1>${langSwitch(state, lang)}</div>
<p class="tagline">${w.tagline}</p>
${errorCount ? h`<div class="errors" role="alert"><p>${w.errors}</p><ul>${Object.entries(errors).map(([field, e]) => h`<li><a href="#${field === '_' ? 'basics' : `f-${field}`}">${e.message}</a></li>`)}</ul></div>` : ''}
${basicsForm(state, lang, Object.fromEntries(Object.entries(errors).filter(([k]) => (BASIC_FIELDS as readonly string[]).includes(k) || k === '_')), Boolean(ev))}
${ev ? questionsForm(state, lang, ev, errors) : ''}
${ev ? incidentForm(state, lang, errors, o.incidentFacts) : ''}
${ev && report ? h`<section id="results" aria-labelledby="results-h"><h2 id="results-h">${w.results}</h2>
<p class="meta">${ev.profile.name} · ${ev.profile.uscc} · ${w.asOf} ${asOf}</p>
<p class="summary" id="counts">${report.groups.applies.length} ${w.applies} · ${report.groups.undetermined.length} ${w.undetermined} · ${report.groups.doesNotApply.length} ${w.doesNotApply}</p>
${ev.profile.incidents.length ? h`<div id="incident-result">${incidentResults(ev, lang)}</div>` : ''}
${resultSections(ev.results.filter((r) => r.incidentId === undefined), lang, '', ev.catalog)}
</section>
${gapAndDeadlines(report, lang)}
${downloads(state, lang)}` : ''}
${uploadForm(lang, errors)}`;
  return layout(lang, ev ? `${w.title} · ${ev.profile.name}` : w.title, body, { script: '/assets/self-check.js' });
}

/** An error page for a request the page cannot read (a tampered hidden field, a bad upload). */
export function problemPage(lang: PageLang, message: string): string {
  const w = pageWords[lang];
  return layout(lang, w.title, h`<h1>${w.title}</h1><div class="errors" role="alert"><p>${message}</p></div><p><a href="/?lang=${lang}">${w.restart}</a></p>${uploadForm(lang)}`);
}
