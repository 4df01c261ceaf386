// Enterprise facts for the bonded-zone domain; see README.md beside this file.
import { z } from 'zod';
import { labelled } from '../fields.ts';

export const bondedZoneFacts = {} satisfies Record<string, z.ZodType>;
void labelled;
