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
}

/** Every derived fact; a policy pack that needs a new one adds its module here. */
export const derivedFacts: readonly DerivedFact[] = [...disclosureWindowFacts, ...bondedZoneDerivedFacts, ...customsFacts, ...tradeDerivedFacts];
