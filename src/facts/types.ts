import type { IncidentKind } from '../profile/incidents.ts';
import type { FactDeclaration, FactType, FieldLabel } from '../profile/fields.ts';
import type { PeriodEnd } from './holidays.ts';

/** Facts are about the enterprise, or about one incident of a kind (which also sees the enterprise's facts). */
export type FactScope = 'enterprise' | IncidentKind;

/** A fact in the catalog: what its declaration says (type, values and words, labels, change), where it applies. */
export interface FactDefinition extends Omit<FactDeclaration, 'field'> {
  name: string;
  scope: FactScope;
  /** The rule file that declares the fact, for facts declared by rule files. */
  declaredIn?: string;
  /** Computed from other facts (see src/facts/derived); otherwise read from the profile. */
  derived: boolean;
  /** For a derived fact, the profile facts it is computed from: those are what to ask for when it is unknown. */
  inputs?: readonly string[];
}

/** A date window's `input` when the fact is judged on the evaluation date itself (e.g. "apply 30 to 90 days before expiry"). */
export const AS_OF = '@asOf';

/** Fact values as the engine sees them: a missing key is an unknown fact. */
export type FactValues = Record<string, unknown>;

export interface DerivedFact extends FieldLabel {
  name: string;
  scope: FactScope;
  type: FactType;
  values?: readonly string[];
  /** Profile facts it is computed from. */
  inputs: readonly string[];
  /** `facts` holds the profile's facts for the scope; `asOf` is the evaluation date (YYYY-MM-DD). */
  compute(facts: FactValues, asOf: string): unknown;
  /**
   * The profile has a fact of the same name, and this computes its value when the profile leaves it
   * unknown (e.g. whether the enterprise's name is on a published list): an explicit answer wins.
   */
  defaultsProfileFact?: true;
  /** For a boolean fact that is a date window: which dates of `input` make it true (see DateWindow). */
  window?: DateWindow;
}

/**
 * A date window a user can still act within: the fact is true when the `input` date falls between `from`
 * and `to` (inclusive), false outside. The gap analysis plans `input` into the future from it
 * (src/engine/gap.ts) and the deadlines come from it (src/engine/deadlines.ts).
 */

export interface DateWindow {
  /** The date fact the window places, e.g. disclosureDate; AS_OF when it is the day the user acts (applies). */
  input: string;
  /**
   * The window's first and last days (YYYY-MM-DD), or undefined while a fact it needs is unknown. A `period`
   * window's `to` is its legal last day (moved off a holiday) and `end` says how it was reached.
   */
  range(facts: FactValues): { from: string; to: string; end?: PeriodEnd } | undefined;
  /** What to do by the last day, e.g. { zh: '主动披露', en: 'disclose' }. */
  act: FieldLabel;
  /** Why, e.g. { zh: '以在违规行为发生之日起六个月以内', en: 'to stay within 6 months of the violation' }. */
  purpose: FieldLabel;
  /**
   * The window ends a period counted in months or years from an event (《民法典》第二百零一、二百零二条), whose
   * last day moves off a public holiday (第二百零三条, see ./holidays.ts). Not set for a day the
   * text fixes (当月最后一日24点前) or counts back from (届满前30日).
   */
  period?: true;
}
