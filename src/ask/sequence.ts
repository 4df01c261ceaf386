// The one question sequence a person is asked, wherever: `huiqi ask`, the self-check page and
// POST /api/v1/questions all call questionSequence. It evaluates the profile with the trees kept (the
// ranker tries each answer on them, see rankQuestions) and leaves out the questions the person skipped.
import { enterpriseFactSet, type RuleResult } from '../engine/evaluate.ts';
import type { RuleBase } from '../engine/rule-base.ts';
import type { Enterprise } from '../profile/enterprise.ts';
import { questionKey, rankQuestions, type QuestionFact, type RankedQuestion } from '../report/groups.ts';

export interface SequenceOptions {
  rules: RuleBase;
  asOf: string;
  /** Questions the person left unanswered: not asked again. */
  skipped?: readonly Pick<QuestionFact, 'fact' | 'incidentId'>[];
}

/** Every rule's result on the profile, and the questions to ask next, most decisive first. */
export async function questionSequence(profile: Enterprise, o: SequenceOptions): Promise<{ results: RuleResult[]; questions: RankedQuestion[] }> {
  const results = await o.rules.evaluator.evaluateProfile(profile, { asOf: o.asOf, evaluator: 'native', keepTrees: true });
  const skipped = new Set((o.skipped ?? []).map(questionKey));
  return { results, questions: rankQuestions(results, o.rules.catalog, enterpriseFactSet(profile, o.asOf), skipped).filter((q) => !skipped.has(questionKey(q))) };
}
