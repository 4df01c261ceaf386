// Enterprise facts for the business domain; see README.md beside this file.
import { z } from 'zod';
import { labelled } from '../fields.ts';

export const businessFacts = {} satisfies Record<string, z.ZodType>;
void labelled;
