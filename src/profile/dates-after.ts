// Incidents are things that happened: a violation, a disclosure. One dated after the evaluation date
// (--as-of) is most often a typo or a stale --as-of, and the rules would read it as already past, so it
// is flagged (a note, not an error: a planned disclosure date may be entered on purpose to see its effect).
import { stderrNote, type Note } from '../io/note.ts';
import type { Enterprise } from './enterprise.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `incidents[0].disclosureDate 2026-03-01` for every incident date after `asOf`. */
export function incidentDatesAfter(profile: Enterprise, asOf: string): string[] {
  const found: string[] = [];
  profile.incidents.forEach((incident, i) => {
    for (const [key, value] of Object.entries(incident)) {
      if (key === 'id') continue;
      const dates = Array.isArray(value) ? value : [value];
      dates.forEach((date, j) => {
        if (typeof date === 'string' && ISO_DATE.test(date) && date > asOf) found.push(`incidents[${i}].${key}${Array.isArray(value) ? `[${j}]` : ''} ${date}`);
      });
    }
  });
  return found;
}

/** Notes each incident date after `asOf`, naming the file. */
export function noteIncidentDatesAfter(profile: Enterprise, asOf: string, origin: string, note: Note = stderrNote): void {
  for (const where of incidentDatesAfter(profile, asOf)) {
    note(`warning: ${origin === '-' ? 'stdin' : origin}: ${where} is after the evaluation date ${asOf} (--as-of); the rules treat it as past: check the date or --as-of`);
  }
}
