// Derived facts for the Chongqing foreign-trade and foreign-investment policies.
// 渝府办发〔2022〕107号《重庆市建设高质量外资集聚地三年行动计划》第12项: a land price paid late
// (欠缴) by foreign-exchange settlement may be forgiven its late fee when the arrears last 6 months or less.
import type { DerivedFact } from './types.ts';
import { dateOf, monthsAfter, within } from './periods.ts';

export const tradeDerivedFacts: DerivedFact[] = [
  {
    name: 'landArrearsWithin6Months',
    scope: 'enterprise',
    type: 'boolean',
    inputs: ['landPriceDueDate', 'landPricePaidDate'],
    zh: '土地综合价款欠缴时间在6个月以内',
    en: 'the land price was in arrears for 6 months or less',
    compute: (f) => {
      const due = dateOf(f.landPriceDueDate);
      const paid = dateOf(f.landPricePaidDate);
      if (!due || !paid) return undefined;
      // Paid on or before the due date: nothing was in arrears, so the late-fee question does not arise.
      return within(due, paid, monthsAfter(due, 6));
    },
  },
];
