// The two checklists (src/profile/facets/situations.ts) answer the yes/no facts their items name:
// ticked is yes, unticked is no, once the list is answered at all. A derived default, so an answer given
// to the fact itself wins.
import { checklistAnswers } from '../profile/facets/situations.ts';
import { enterpriseFactDeclarations } from '../profile/enterprise.ts';
import type { DerivedFact } from './types.ts';

export const situationDerivedFacts: readonly DerivedFact[] = Object.entries(checklistAnswers).map(([name, { list, items }]) => {
  const label = enterpriseFactDeclarations[name as keyof typeof enterpriseFactDeclarations];
  return {
    name,
    scope: 'enterprise',
    type: 'boolean',
    inputs: [list],
    zh: label.zh,
    en: label.en,
    defaultsProfileFact: true,
    compute: (f) => {
      const ticked = f[list];
      return Array.isArray(ticked) ? items.some((item) => ticked.includes(item)) : undefined;
    },
  } satisfies DerivedFact;
});
