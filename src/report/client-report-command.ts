// What `huiqi report` does, so the CLI only parses arguments: load, evaluate, build and render.
import { evaluateProfile } from '../engine/evaluate.ts';
import { loadProfile } from '../profile/load.ts';
import { loadRules } from '../rules/load.ts';
import { resultJson } from './check-report.ts';
import { buildClientReport, clientReportMarkdown, type ClientReport } from './client-report.ts';
import { clientReportHtml } from './html.ts';
import type { Lang } from './summary.ts';
import { version } from './version.ts';

export const reportFormats = ['markdown', 'html', 'json'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export async function writeClientReport(o: { profileFile: string; rulesDir: string; asOf: string; lang: Lang; format: ReportFormat }): Promise<string> {
  const profile = loadProfile(o.profileFile);
  const results = await evaluateProfile(profile, loadRules(o.rulesDir), { asOf: o.asOf });
  const report = buildClientReport({ profile, results, asOf: o.asOf, lang: o.lang });
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
      ? { ruleId: (value as { ruleId: string }).ruleId, ...((value as { incidentId?: string }).incidentId !== undefined && { incidentId: (value as { incidentId?: string }).incidentId }) }
      : value;
  const body = JSON.parse(JSON.stringify({ actions, confirmations, deadlines }, byRef)) as object;
  return `${JSON.stringify({ huiqiVersion: version, asOf, enterprise: { name: profile.name, uscc: profile.uscc }, results: results.map(resultJson), ...body }, null, 2)}\n`;
}
