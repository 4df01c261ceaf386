// Enterprise facts for the trade domain; see README.md beside this file.
import { z } from 'zod';
import { labelled } from '../fields.ts';

export const tradeFacts = {} satisfies Record<string, z.ZodType>;
void labelled;
