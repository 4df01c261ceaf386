import { format } from 'date-fns/format';
import { z } from 'zod';
import { isoDate } from '../profile/fields.ts';
import { InputError } from './read.ts';

export const today = (): string => format(new Date(), 'yyyy-MM-dd');

/** Validates a YYYY-MM-DD date given on the command line or in a file; `what` names it in the error. */
export function parseDay(value: string, what: string): string {
  const parsed = isoDate().safeParse(value);
  if (!parsed.success) throw new InputError(`${what}: "${value}" ${z.prettifyError(parsed.error).replace(/^✖ /, '')}`);
  return parsed.data;
}
