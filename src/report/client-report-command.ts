// What `huiqi report` does, so the CLI only parses arguments: load, evaluate, build and render.
import { evaluateProfile } from '../engine/evaluate.ts';
import type { InputEncoding } from '../io/encoding.ts';
import { noteIncidentDatesAfter } from '../profile/dates-after.ts';
import { loadProfile } from '../profile/load.ts';
import { loadRules } from '../rules/load.ts';
import { buildClientReport, clientReportMarkdown } from './client-report.ts';
import { clientReportHtml } from './html.ts';
import type { Lang } from './summary.ts';

export const reportFormats = ['markdown', 'html'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export async function writeClientReport(o: { profileFile: string; rulesDir: string; asOf: string; lang: Lang; format: ReportFormat; encoding?: InputEncoding }): Promise<string> {
  const profile = loadProfile(o.profileFile, { ...(o.encoding && { encoding: o.encoding }) });
  noteIncidentDatesAfter(profile, o.asOf, o.profileFile);
  const results = await evaluateProfile(profile, loadRules(o.rulesDir), { asOf: o.asOf });
  const report = buildClientReport({ profile, results, asOf: o.asOf, lang: o.lang });
  return o.format === 'html' ? clientReportHtml(report) : clientReportMarkdown(report);
}
