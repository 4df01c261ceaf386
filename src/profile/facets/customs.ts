// Enterprise facts for the customs domain; see README.md beside this file.
import { z } from 'zod';
import { labelled } from '../fields.ts';

export const customsFacts = {} satisfies Record<string, z.ZodType>;
void labelled;
