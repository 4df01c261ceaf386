// A 完成时限 / 完成时间 of a task is not an expiry by itself: every rule drawn from a task list with such a column
// says in its notes what the deadline does to the measure (ends it, or is the latest day it starts, or neither).
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/rules/load.ts';

const rules = loadRules();

describe('task deadlines are decided, with the reason in notes', () => {
  const annexTasks = rules.filter(
    (r) => (r.id.startsWith('cq-2019-8/') && r.source.article.startsWith('附件任务分解表')) || (r.id.startsWith('cq-2024-27/') && r.source.article.startsWith('附件')),
  );

  it('finds the task rules', () => expect(annexTasks.length).toBeGreaterThanOrEqual(25));

  it.each(annexTasks.map((r) => [r.id, r] as const))('%s says what its 完成时限 does', (_id, rule) => {
    expect(rule.notes?.zh ?? '').toMatch(/完成时[限间]/);
  });

  it("渝府办发〔2024〕27号: a standing measure runs for the plan period, a year's money or target ends with the year", () => {
    const to = (id: string) => rules.find((r) => r.id === `cq-2024-27/${id}`)!.effective.to;
    expect(to('cbec-priority-inspection')).toBe('2027-12-31');
    expect(to('private-enterprise-enforcement-green-channel')).toBe('2027-12-31');
    expect(to('inclusive-small-micro-loan-incentive')).toBe('2024-12-31');
    expect(to('green-building-standard-new-civil-buildings')).toBe('2024-12-31');
  });

  it('渝府〔2019〕8号: no task deadline ends a measure', () => {
    expect(annexTasks.filter((r) => r.id.startsWith('cq-2019-8/') && r.effective.to !== undefined).map((r) => r.id)).toEqual([]);
  });
});
