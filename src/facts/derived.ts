// Facts the rules need but a profile does not state directly: date windows, ratios, penalty parts.
// Each is unknown (undefined) whenever an input it needs is unknown.
import type { DerivedFact } from './types.ts';
import { disclosureWindowFacts } from './disclosure.ts';
import { tradeDerivedFacts } from './trade.ts';
import { customsDerivedFacts } from './customs.ts';
import { bondedZoneDerivedFacts } from './bonded-zone.ts';
import { situationDerivedFacts } from './situations.ts';

/** Every derived fact; a policy pack that needs a new one adds its module here. */
export const derivedFacts: readonly DerivedFact[] = [...situationDerivedFacts, ...disclosureWindowFacts, ...bondedZoneDerivedFacts, ...customsDerivedFacts, ...tradeDerivedFacts];
