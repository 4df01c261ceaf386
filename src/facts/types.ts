import type { IncidentKind } from '../profile/incidents.ts';
import type { FactChange, FieldLabel } from '../profile/fields.ts';

/** What a rule may compare a fact with; operators check it when rule files load. */
export type FactType = 'boolean' | 'number' | 'string' | 'date' | 'enum' | 'string[]' | 'date[]' | 'other';

/** Facts are about the enterprise, or about one incident of a kind (which also sees the enterprise's facts). */
export type FactScope = 'enterprise' | IncidentKind;

export interface FactDefinition extends FieldLabel, FactChange {
  name: string;
  scope: FactScope;
  type: FactType;
  /** The allowed values of an enum fact. */
  values?: readonly string[];
  /** Computed from other facts (see src/facts/derived); otherwise read from the profile. */
  derived: boolean;
  /** For a derived fact, the profile facts it is computed from: those are what to ask for when it is unknown. */
  inputs?: readonly string[];
}

/** A date window's `input` when the fact is judged on the evaluation date itself (e.g. "apply 30 to 90 days before expiry"). */
export const AS_OF = '@asOf';

/** Fact values as the engine sees them: a missing key is an unknown fact. */
export type FactValues = Record<string, unknown>;
