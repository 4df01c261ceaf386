// What every route of the server shares, computed once at start: the rules, their hash, the body limits
// and the evaluation date. Its own module so that the routes and the app that registers them do not import
// each other.
import type { RuleBase } from '../engine/rule-base.ts';
import type { ruleSetSchemas } from './schemas.ts';

/** Request size limits, in bytes. */
export interface BodyLimits {
  /** A profile (JSON or YAML) or a form: 1 MiB by default, room for hundreds of incidents. */
  profile: number;
  /** A list upload to POST /api/v1/screen: 512 MiB by default (a million rows of 26 columns are ~200 MB). */
  list: number;
}

export const defaultBodyLimits: BodyLimits = { profile: 1024 * 1024, list: 512 * 1024 * 1024 };

/** What every route needs to know about the server, computed once at start. */
export interface ServerContext {
  /** The rule set every request is answered with. */
  rules: RuleBase;
  /** The schemas naming the rules' jurisdictions (a GET /rules query, the answers' description). */
  schemas: ReturnType<typeof ruleSetSchemas>;
  limits: BodyLimits;
  /** The evaluation date of a request that names none. */
  asOf(): string;
}
