// Facts the rules need but a profile does not state directly: date windows, ratios, penalty parts.
// Each is unknown (undefined) whenever an input it needs is unknown.
import type { FieldLabel } from '../profile/fields.ts';
import type { FactScope, FactType, FactValues } from './types.ts';
import { disclosureWindowFacts } from './disclosure.ts';
import { tradeDerivedFacts } from './trade.ts';
import { customsFacts } from './customs.ts';
import { bondedZoneDerivedFacts } from './bonded-zone.ts';

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
export { AS_OF } from './types.ts';

export interface DateWindow {
  /** The date fact the window places, e.g. disclosureDate; AS_OF when it is the day the user acts (applies). */
  input: string;
  /** The window's first and last days (YYYY-MM-DD), or undefined while a fact it needs is unknown. */
  range(facts: FactValues): { from: string; to: string } | undefined;
  /** What to do by the last day, e.g. { zh: '主动披露', en: 'disclose' }. */
  act: FieldLabel;
  /** Why, e.g. { zh: '以在违规行为发生之日起六个月以内', en: 'to stay within 6 months of the violation' }. */
  purpose: FieldLabel;
}

/** Every derived fact; a policy pack that needs a new one adds its module here. */
export const derivedFacts: readonly DerivedFact[] = [...disclosureWindowFacts, ...bondedZoneDerivedFacts, ...customsFacts, ...tradeDerivedFacts];
