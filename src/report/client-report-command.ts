// What `huiqi report` (runReport) and POST /api/v1/report do, so the CLI and the server only read their input:
// evaluate (as `huiqi check` does), build and render.
import type { InputEncoding } from '../io/encoding.ts';
import { validateOutputPath, writeOutputFile } from '../io/output.ts';
import type { Enterprise } from '../profile/enterprise.ts';
import { noteIncidentDatesAfter } from '../profile/dates-after.ts';
import { loadProfile } from '../profile/load.ts';
import type { RuleBase } from '../engine/rule-base.ts';
import { evaluateForCheck } from './check.ts';
import { resultJson } from './check-report.ts';
import { buildClientReport, clientReportMarkdown, type ClientReport } from './client-report.ts';
import { clientReportHtml } from './html.ts';
import type { Lang } from '../io/lang.ts';
import { version } from '../io/version.ts';

export const reportFormats = ['markdown', 'html', 'json'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** The client report of a validated profile, rendered. */
export async function renderClientReport(profile: Enterprise, o: { rules: RuleBase; asOf: string; lang: Lang; format: ReportFormat }): Promise<string> {
  const checked = await evaluateForCheck(profile, o);
  const report = buildClientReport({ ...checked, lang: o.lang });
  return o.format === 'html' ? clientReportHtml(report) : o.format === 'json' ? clientReportJson(report) : clientReportMarkdown(report);
}

/**
 * The report for programs: every result as `huiqi check --format json` gives it, then the ranked actions,
 * confirmations and deadlines, whose results are named by rule id (and incident) rather than repeated.
 */
export function clientReportJson(report: ClientReport): string {
  const { profile, results, asOf, actions, confirmations, deadlines } = report;
  const byRef = (key: string, value: unknown) =>
    value && typeof value === 'object' && 'ruleId' in value && 'rule' in value && key !== ''
      ? {
          ruleId: (value as { ruleId: string }).ruleId,
          ...((value as { incidentId?: string }).incidentId !== undefined && { incidentId: (value as { incidentId?: string }).incidentId }),
        }
      : value;
  const body = JSON.parse(JSON.stringify({ actions, confirmations, deadlines }, byRef)) as object;
  return `${JSON.stringify({ huiqiVersion: version, asOf, enterprise: { name: profile.name, uscc: profile.uscc }, results: results.map((r) => resultJson(r, asOf)), ...body }, null, 2)}\n`;
}

/** `huiqi report`: reads the profile and the rules, writes the report to `output` (a file, replaced only once whole) or standard output. */
export async function runReport(o: {
  profileFile: string;
  rules: RuleBase;
  asOf: string;
  lang: Lang;
  format: ReportFormat;
  encoding?: InputEncoding;
  output?: string;
}): Promise<void> {
  if (o.output) validateOutputPath(o.output);
  const profile = loadProfile(o.profileFile, { ...(o.encoding && { encoding: o.encoding }), schema: o.rules.profile });
  noteIncidentDatesAfter(profile, o.asOf, o.profileFile);
  writeOutputFile(o.output ?? '-', await renderClientReport(profile, o));
}
