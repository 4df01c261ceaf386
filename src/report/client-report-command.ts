// What `huiqi report` and POST /api/v1/report do, so the CLI and the server only read their input:
// evaluate (as `huiqi check` does), build and render.
import type { InputEncoding } from '../io/encoding.ts';
import type { Enterprise } from '../profile/enterprise.ts';
import { noteIncidentDatesAfter } from '../profile/dates-after.ts';
import { loadProfile } from '../profile/load.ts';
import { loadRules } from '../rules/load.ts';
import type { Rule } from '../rules/schema.ts';
import { checkProfile } from './check.ts';
import { buildClientReport, clientReportMarkdown } from './client-report.ts';
import { clientReportHtml } from './html.ts';
import type { Lang } from './summary.ts';

export const reportFormats = ['markdown', 'html'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** The client report of a validated profile, rendered. */
export async function renderClientReport(profile: Enterprise, o: { rules: readonly Rule[]; asOf: string; lang: Lang; format: ReportFormat }): Promise<string> {
  const checked = await checkProfile(profile, o);
  const report = buildClientReport({ ...checked, lang: o.lang });
  return o.format === 'html' ? clientReportHtml(report) : clientReportMarkdown(report);
}

export async function writeClientReport(o: { profileFile: string; rulesDir: string; asOf: string; lang: Lang; format: ReportFormat; encoding?: InputEncoding }): Promise<string> {
  const profile = loadProfile(o.profileFile, { ...(o.encoding && { encoding: o.encoding }) });
  noteIncidentDatesAfter(profile, o.asOf, o.profileFile);
  return renderClientReport(profile, { ...o, rules: loadRules(o.rulesDir) });
}
