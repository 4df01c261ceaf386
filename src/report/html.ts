// The client report as one self-contained HTML file: inline CSS, readable on screen and printable
// (A4, no backgrounds needed, sections do not break inside an item). Every piece of text is escaped.
import type { RuleResult } from '../engine/evaluate.ts';
import type { Deadline } from '../engine/deadlines.ts';
import type { Unlock } from '../engine/gap.ts';
import {
  alongWithText,
  citationText,
  countedLines,
  countsText,
  describeDeadline,
  describeStep,
  enterpriseDetails,
  fallbackText,
  needsText,
  nextSteps,
  notInForceText,
  outcomeText,
  QUESTION_LIMIT,
  questionFields,
  RANKED_LIMIT,
  reportWords,
  resultNotes,
  UNDETERMINED_LIMIT,
  resultTitle,
  unlockText,
  type ClientReport,
} from './client-report.ts';
import { groupWords } from './groups.ts';
import { embeddedFontCss } from './font.ts';
import { version } from '../io/version.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Tagged template: interpolated strings are escaped; arrays are joined; `Raw` values pass as they are. */
export class Raw {
  constructor(readonly html: string) {}
}
export type Part = string | number | Raw | undefined | false | Part[];
const part = (p: Part): string => (p === undefined || p === false ? '' : p instanceof Raw ? p.html : Array.isArray(p) ? p.map(part).join('') : escapeHtml(String(p)));
export const h = (strings: TemplateStringsArray, ...parts: Part[]): Raw => new Raw(strings.reduce((acc, s, i) => acc + s + (i < parts.length ? part(parts[i]!) : ''), ''));

const CSS = `
:root { --ink: #1d2430; --muted: #5b6472; --line: #d9dee6; --accent: #b4232a; --ok: #1f7a3a; --warn: #9a6700; --bg: #f6f7f9; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 15px/1.6 "Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; }
main { max-width: 900px; margin: 0 auto; padding: 32px 40px 48px; background: #fff; }
header { border-bottom: 3px solid var(--accent); padding-bottom: 12px; margin-bottom: 8px; }
header h1 { margin: 0; font-size: 26px; }
header .name { font-size: 20px; font-weight: 600; margin-top: 4px; }
.meta { color: var(--muted); font-size: 13px; }
h2 { font-size: 19px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h2 .count { color: var(--muted); font-weight: normal; }
h3 { font-size: 16px; margin: 18px 0 8px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 8px 0 12px; }
.card { flex: 1 1 150px; border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
.card .n { font-size: 24px; font-weight: 700; }
.card.ok .n { color: var(--ok); } .card.warn .n { color: var(--warn); }
dl.next { display: grid; grid-template-columns: max-content 1fr; gap: 0 12px; margin: 2px 0; font-size: 13.5px; }
dl.next dt { color: var(--muted); } dl.next dd { margin: 0; }
ul.counted { list-style: none; padding-left: 0; }
dl.facts, dl.next { grid-template-columns: minmax(0, max-content) minmax(0, 1fr); }
dd, dt { overflow-wrap: anywhere; min-width: 0; }
@media screen and (max-width: 600px) {
  main { padding: 16px; }
  dl.facts, dl.next { grid-template-columns: minmax(0, 1fr); }
  dl.facts dd { margin-bottom: 6px; }
}
code, .cite { overflow-wrap: anywhere; }
ol, ul { padding-left: 22px; }
li.item { margin: 0 0 12px; break-inside: avoid; page-break-inside: avoid; }
.title { font-weight: 600; }
.outcome { color: var(--ok); }
.cite { color: var(--muted); font-size: 13px; }
blockquote { margin: 4px 0 0; padding: 4px 10px; border-left: 3px solid var(--line); color: #39414d; font-size: 13.5px; background: #fafbfc; }
.rank { font-weight: 700; }
.unlocks { color: var(--accent); font-weight: 600; }
.along { color: var(--muted); font-style: italic; font-size: 13px; }
.deadline { font-weight: 700; color: var(--accent); }
.note { color: var(--warn); font-size: 13.5px; }
code { font-size: 12px; color: var(--muted); }
.empty { color: var(--muted); font-style: italic; }
footer { margin-top: 32px; padding-top: 8px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12px; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

function section(id: string, title: string, count: number | undefined, body: Part): Raw {
  return h`<section id="${id}"><h2>${title}${count !== undefined ? h` <span class="count">(${count})</span>` : ''}</h2>${body}</section>\n`;
}

function ruleItem(r: RuleResult, lang: ClientReport['lang'], quote = true, next: [string, string][] = []): Raw {
  const w = reportWords[lang];
  return h`<li class="item"><div class="title">${resultTitle(r, lang)}</div>
<div class="outcome">${w.outcome}: ${next.length ? r.rule.outcome[lang] : outcomeText(r, lang)}</div>
${next.length ? h`<dl class="next">${next.map(([k, v]) => h`<dt>${k}</dt><dd>${v}</dd>`)}</dl>` : ''}
${resultNotes(r, lang).map((n) => h`<div class="note">${n}</div>`)}
<div class="cite">${w.source}: ${r.rule.source.title}（${citationText(r)}）</div>
${quote ? h`<blockquote lang="zh">「${r.rule.source.quote}」</blockquote>` : ''}</li>`;
}

function rankedList(list: Unlock[], lang: ClientReport['lang'], catalog: ClientReport['catalog']): Raw {
  const w = reportWords[lang];
  const items = list.slice(0, RANKED_LIMIT).map((u) => {
    const measures = u.unlocks.map((r, j) => {
      const along = alongWithText(u, j, lang, catalog);
      return h`<li>${resultTitle(r, lang)} <span class="cite">（${citationText(r)}）</span>${along ? h`<div class="along">${along}</div>` : ''}</li>`;
    });
    const fallbacks = (u.fallbacks ?? []).map((f) => h`<li class="along">${fallbackText(u, f, lang, catalog)}</li>`);
    return h`<li class="item"><span class="rank">${describeStep(u.step, lang, catalog)}</span> — <span class="unlocks">${unlockText(u, lang)}</span><ul>${measures}${fallbacks}</ul></li>`;
  });
  const more = list.length > RANKED_LIMIT ? h`<p class="empty">${w.more}${list.length - RANKED_LIMIT} ${w.moreItems}</p>` : '';
  return h`<ol class="ranked">${items}</ol>${more}`;
}

/** The whole report as one HTML document. */
export function clientReportHtml(report: ClientReport): string {
  const { lang, asOf } = report;
  const w = reportWords[lang];
  const none = h`<p class="empty">${w.none}</p>`;
  const sep = lang === 'zh' ? '；' : '; ';

  const p = report.person;
  const summary = h`<p class="headline"><strong>${countsText(report)}</strong></p>
${report.actions.length || report.keyDeadlines.length ? h`<ul>${report.actions.slice(0, 3).map((u) => h`<li><strong>${describeStep(u.step, lang, report.catalog)}</strong> — ${unlockText(u, lang)}</li>`)}${report.keyDeadlines.slice(0, 3).map((d) => h`<li class="deadline">${describeDeadline(d, lang, asOf)}</li>`)}</ul>` : ''}`;

  const undetermined = p.undetermined.length
    ? h`<ul>${p.undetermined.slice(0, UNDETERMINED_LIMIT).map((r) => h`<li class="item"><div class="title">${resultTitle(r, lang)}</div><div class="cite">${needsText(r, lang, report.catalog)} · ${citationText(r)}</div></li>`)}</ul>
${p.undetermined.length > UNDETERMINED_LIMIT ? h`<p class="empty">${w.more}${p.undetermined.length - UNDETERMINED_LIMIT} ${w.moreItems}</p>` : ''}
<h3>${w.questions}</h3><ol>${p.questions.slice(0, QUESTION_LIMIT).map((q) => h`<li>${q.label[lang]} — ${w.decides} ${q.decides.length} ${w.measures}</li>`)}</ol>
${p.questions.length > QUESTION_LIMIT ? h`<p class="empty">${w.more}${p.questions.length - QUESTION_LIMIT} ${w.moreItems}</p>` : ''}`
    : none;
  const failed = (r: RuleResult) => r.failedConditions.map((c) => c[lang]).join(sep);
  const brief = (list: RuleResult[], text: (r: RuleResult) => string) =>
    h`<ul>${list.map((r) => h`<li class="item"><div class="title">${resultTitle(r, lang)}</div><div class="cite">${text(r)}</div></li>`)}</ul>`;
  /** A collapsed group of rules not in force (expired, or not yet), each with its date; nothing when empty. */
  const notInForceSection = (id: string, title: string, list: readonly { r: RuleResult }[]) =>
    list.length
      ? section(
          id,
          title,
          list.length,
          brief(
            list.map((e) => e.r),
            (r) => notInForceText(report, r),
          ),
        )
      : '';
  const counted = countedLines(report);
  const gap =
    !report.actions.length && !report.confirmations.length
      ? h`<p class="empty">${w.noGap}</p>`
      : h`${report.actions.length ? h`<h3>${w.actions}</h3>${rankedList(report.actions, lang, report.catalog)}` : ''}${report.confirmations.length ? h`<h3>${w.confirmations}</h3>${rankedList(report.confirmations, lang, report.catalog)}` : ''}`;

  const deadlineList = (list: readonly Deadline[]) =>
    h`<ul>${list.map(
      (d) => h`<li class="item"><div class="deadline">${describeDeadline(d, lang, asOf)}</div>
<div class="cite">${w.lost}: ${d.lost.map((r) => resultTitle(r, lang)).join(sep)}</div>
${d.gained.length ? h`<div class="cite">${w.gained}: ${d.gained.map((r) => resultTitle(r, lang)).join(sep)}</div>` : ''}</li>`,
    )}</ul>`;
  const deadlines = report.keyDeadlines.length ? deadlineList(report.keyDeadlines) : none;
  const fields = questionFields(report);

  const sources = h`<ul>${report.sources.map(
    (s) => h`<li class="item"><div class="title">${s.document.title}</div>
<div class="cite">${s.document.docNumber} · ${s.document.issuer} · ${s.document.date}</div>
<div class="cite">${w.rulesCited}: ${s.rules.map((r) => `${r.source.article} (${r.id})`).join(sep)}</div></li>`,
  )}</ul>`;

  const body = h`<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="huiqi ${version}">
<title>${w.title} · ${report.profile.name}</title>
<style>${new Raw(CSS)}</style>
</head>
<body><main>
<header><h1>${w.title}</h1><div class="name">${report.profile.name}</div><div class="meta">${w.subtitle} · ${w.generated} ${version} · ${w.asOf} ${asOf}</div></header>
${section('enterprise', w.enterprise, undefined, h`<dl class="facts">${enterpriseDetails(report).map(([k, v]) => h`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`)}
${section('summary', w.summary, undefined, summary)}
${section('applies', w.applies, p.applies.length, p.applies.length ? h`<ul>${p.applies.map((r) => ruleItem(r, lang, true, nextSteps(report, r)))}</ul>` : none)}
${p.exclusions.length ? section('exclusions', w.exclusions, p.exclusions.length, h`<ul>${p.exclusions.map((r) => ruleItem(r, lang))}</ul>`) : ''}
${section('undetermined', w.undetermined, p.undetermined.length, undetermined)}
${p.rights.length ? section('rights', w.rights, p.rights.length, h`<ul>${p.rights.map((r) => ruleItem(r, lang))}</ul>`) : ''}
${
  p.doesNotApply.length
    ? section(
        'does-not-apply',
        w.doesNotApply,
        p.doesNotApply.length,
        brief(p.doesNotApply, (r) => `${groupWords[lang].failed}: ${failed(r)}`),
      )
    : ''
}
${notInForceSection('expired', w.expired, p.expired)}
${notInForceSection('not-yet', w.notYet, p.notYet)}
${counted.length ? h`<ul class="counted">${counted.map((c) => h`<li class="empty">${c}</li>`)}</ul>` : ''}
${section('gap', w.gap, undefined, gap)}
${section('deadlines', w.deadlines, report.keyDeadlines.length, deadlines)}
${section('sources', w.sources, report.sources.length, sources)}
${fields.length ? section('fields', w.fields, undefined, h`<dl class="facts">${fields.map(([label, fact]) => h`<dt>${label}</dt><dd><code>${fact}</code></dd>`)}</dl>`) : ''}
<footer>${w.disclaimer}</footer>
</main></body>
</html>
`;
  // The font subsets this report's text needs, embedded: Chinese renders without a system font, in one file.
  return body.html.replace('</head>', `<style>${embeddedFontCss(body.html)}</style>\n</head>`);
}
