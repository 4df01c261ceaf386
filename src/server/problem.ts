// Errors as RFC 9457 problem details (application/problem+json): a status, a title, a detail in plain
// words and, for invalid input, `errors` naming each bad field. Never a stack trace.
import type { z } from 'zod';
import { firstFewLines } from '../io/first-few.ts';
import { describeIssue, fieldPath } from '../io/read.ts';

export const PROBLEM_TYPE = 'application/problem+json';

export interface FieldError {
  /** The field as a path into the request, e.g. `incidents[0].disclosureDate`, or a query parameter. */
  field: string;
  message: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

/** An error the API answers with a problem document; anything else is a 500 without details. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly errors?: FieldError[],
    /** A URN naming the kind of problem; about:blank when the status says it all. */
    readonly type = 'about:blank',
  ) {
    super(detail);
  }

  toJSON(): ProblemDetails {
    return { type: this.type, title: this.title, status: this.status, detail: this.message, ...(this.errors && { errors: this.errors }) };
  }
}

/** Each zod issue as a field error; `prefix` places the checked value in the request (e.g. `query`). */
export function fieldErrors(error: z.ZodError, prefix?: string): FieldError[] {
  return error.issues.flatMap((issue) => {
    const path = prefix ? [prefix, ...issue.path] : issue.path;
    // An unknown field is named itself, so that a client sees which one to remove.
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ field: fieldPath([...path, key]), message: 'unknown field' }));
    return [{ field: fieldPath(path) || '(top level)', message: describeIssue(issue, []).replace(/^\(top level\): /, '') }];
  });
}

/** Field errors a problem lists at most: a body with 100,000 unknown fields gets a short answer. */
const LISTED_ERRORS = 100;

/** 400 for input that fails a schema, naming each field (the first hundred, and a count of the rest). */
export function invalid(what: string, error: z.ZodError, prefix?: string): Problem {
  const errors = fieldErrors(error, prefix);
  const detail = firstFewLines(errors.map((e) => `${e.field}: ${e.message}`)).join('; ');
  return new Problem(400, `Invalid ${what}`, detail, errors.slice(0, LISTED_ERRORS), `urn:huiqi:problem:invalid-${what.replace(/\s+/g, '-')}`);
}

/** A byte count in MiB, for messages about limits. */
export const mib = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;
