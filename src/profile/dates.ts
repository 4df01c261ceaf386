import { format } from 'date-fns/format';
import { day } from './fields.ts';
import { InputError } from '../io/input-error.ts';

export const today = (): string => format(new Date(), 'yyyy-MM-dd');

/** Validates a YYYY-MM-DD date given on the command line or in a file; `what` names it in the error. */
export function parseDay(value: string, what: string): string {
  const parsed = day().safeParse(value);
  if (!parsed.success) throw new InputError(`${what}: ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}

/** The YYYY-MM-DD day `days` after (before, when negative) the given one. */
export const shiftDay = (iso: string, days: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
