// A row's error as a person reading Chinese reads it: for the summary on stderr and the zh table alike.
import { messageIn } from '../profile/messages.ts';

/**
 * A row's error (its problems joined by "; ") in Chinese, each problem as the profile's messages say it;
 * a problem starts with the column it concerns (`统一社会信用代码 (uscc): …`), kept as the list names it.
 */
export const errorZh = (error: string) =>
  error
    .split('; ')
    .map((problem) => {
      const m = /^(.+?): (.+)$/.exec(problem);
      const said = m && messageIn(m[2]!, 'zh');
      return said && said !== m[2] ? `${m[1]}：${said}` : messageIn(problem, 'zh');
    })
    .join('；');
