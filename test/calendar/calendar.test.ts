// `huiqi calendar`: the due events of a profile or a list, written as iCalendar by ical-generator and read
// back here by an independent parser (ical.js, Mozilla's): the expected events, their days, what they name
// and their reminders. The holiday rule of 《民法典》第二百零三条 moves a period's last day, never a date a
// document fixes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { dueEvents } from '../../src/calendar/calendar.ts';
import { periodEnd } from '../../src/facts/holidays.ts';
import { runCalendar, profileEvents } from '../../src/calendar/run.ts';
import { evaluateProfile } from '../../src/engine/evaluate.ts';
import { parseProfile } from '../../src/profile/load.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import { enterpriseRule } from '../fixtures/rules.ts';
import { tempDir } from '../support/temp.ts';

const rules = loadRuleSet();
const dir = tempDir('calendar-test');
const quiet = { write: () => true } as unknown as NodeJS.WritableStream;
const sample = 'samples/registered-exporter-planning-disclosure.yaml';

/** The VEVENTs of an .ics text, as ical.js reads them. */
function eventsOf(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      day: event.startDate.toString(),
      allDay: event.startDate.isDate,
      summary: event.summary,
      description: event.description,
      uid: event.uid,
      alarms: vevent
        .getAllSubcomponents('valarm')
        .map((a) => ({ action: a.getFirstPropertyValue('action'), trigger: (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds() })),
    };
  });
}

describe('huiqi calendar', () => {
  it("writes the sample client's deadlines as RFC 5545 events that an independent parser reads back, each with its reminder", async () => {
    const output = join(dir, 'due.ics');
    await runCalendar({ input: sample, output, format: 'ics', rules, asOf: '2025-06-01', lang: 'zh', remindDays: 7, stderr: quiet });
    const events = eventsOf(readFileSync(output, 'utf8'));
    expect(events.map((e) => [e.day, e.allDay])).toEqual([
      ['2025-09-30', true],
      ['2025-10-10', true],
    ]);
    for (const e of events) {
      expect(e.summary).toMatch(/^重庆两江智联进出口有限公司（事项 TAX-2025-03）：主动披露/);
      expect(e.description).toMatch(/企业: 重庆两江智联进出口有限公司 \(91500000MA61LJ7Q2K\)/);
      expect(e.alarms).toEqual([{ action: 'DISPLAY', trigger: -7 * 86400 }]);
    }
    // The six-month window (a period) and the 公告's last day, each naming its measures and sources.
    expect(events[0]!.description).toMatch(
      /• 涉税违规六个月以内主动披露不予行政处罚 \[事项 TAX-2025-03\] \[待确认\] — 依据: 海关总署公告2023年第127号 第一条第（一）项 \(gacc-2023-127\/no-penalty-tax-within-6-months\)/,
    );
    expect(events[1]!.description).toMatch(/有效期至2025-10-10/);
    expect(events[1]!.description).toMatch(/gacc-2023-127\/no-penalty-tax-within-2-years/);
    expect(new Set(events.map((e) => e.uid)).size).toBe(2);
  });

  it('《民法典》第二百零三条: a six-month disclosure period ending on National Day 2025-10-01 ends on 2025-10-09, the day after the holidays, and the event says why', async () => {
    const data = parseYaml(readFileSync(sample, 'utf8'));
    data.incidents[0].violationDate = '2025-04-01'; // six months later: 2025-10-01
    const events = await profileEvents(parseProfile(data), { rules, asOf: '2025-06-01', lang: 'zh' });
    const window = events.find((e) => e.kind === 'window')!;
    expect([window.lastDay, window.day]).toEqual(['2025-10-01', '2025-10-09']);
    expect(window.description).toMatch(
      /期间最后一日2025-10-01是法定休假日（国庆节、中秋，至2025-10-08），依《民法典》第二百零三条“期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日”，顺延至2025-10-09/,
    );
    expect(window.description).toMatch(/国务院办公厅历年节假日安排通知（npm 包 chinese-days/);
    // The 公告's own last day (2025-10-10, a Friday) is a date it fixes: unmoved.
    expect(events.find((e) => e.kind === 'validity')!.day).toBe('2025-10-10');
    // The parsed calendar carries the moved day.
    const output = join(dir, 'moved.ics');
    const profile = join(dir, 'moved.json');
    writeFileSync(profile, JSON.stringify(data));
    await runCalendar({ input: profile, output, format: 'ics', rules, asOf: '2025-06-01', lang: 'en', remindDays: 3, stderr: quiet });
    const parsed = eventsOf(readFileSync(output, 'utf8'));
    expect(parsed[0]).toMatchObject({ day: '2025-10-09', alarms: [{ action: 'DISPLAY', trigger: -3 * 86400 }] });
    expect(parsed[0]!.description).toMatch(/under Article 203 of the Civil Code .* it moves to 2025-10-09/);
  });

  it("《民法典》第二百零三条 moves periods only: a measure's last day in force on a holiday stays where the document puts it", async () => {
    const rule = enterpriseRule({ fact: 'customsCredit', operator: 'equal', value: 'advanced' }, { effective: { from: '2024-01-01', to: '2025-10-01' } });
    const profile = parseProfile({ name: '甲公司', uscc: '91500000MA5U00000W', customsCredit: 'advanced' });
    const results = await evaluateProfile(profile, [rule], { asOf: '2025-06-01' });
    const [event] = dueEvents(profile, results, '2025-06-01', { lang: 'zh' });
    expect(event).toMatchObject({ kind: 'expiry', day: '2025-10-01', lastDay: '2025-10-01' });
    expect(event!.moved).toBeUndefined();
    expect(event!.description).toMatch(/2025-10-01是法定休假日（国庆节），但该日期由文件确定，不是期间的最后一日，不顺延/);
  });

  it("《民法典》第二百零三条 does not move an application window's closing day the document fixes, even on a holiday; the event quotes the window", async () => {
    const rule = enterpriseRule(
      { fact: 'customsCredit', operator: 'equal', value: 'advanced' },
      {
        applicationWindow: { from: '2025-09-01', to: '2025-10-01', zh: '2025年9月1日至10月1日申报', source: { article: '第二条', lines: [1, 1], quote: '申报截止10月1日' } },
      },
    );
    const profile = parseProfile({ name: '甲公司', uscc: '91500000MA5U00000W', customsCredit: 'advanced' });
    const results = await evaluateProfile(profile, [rule], { asOf: '2025-06-01' });
    const [event] = dueEvents(profile, results, '2025-06-01', { lang: 'zh' }).filter((e) => e.kind === 'application');
    expect(event).toMatchObject({ day: '2025-10-01', summary: '甲公司：申请截止：测试' });
    expect(event!.description).toMatch(/2025年9月1日至10月1日申报\n申请自2025-09-01起\n依据: 测试〔2024〕1号 第二条「申报截止10月1日」/);
    expect(event!.description).toMatch(/2025-10-01是法定休假日（国庆节），但该日期由文件确定，不是期间的最后一日，不顺延/);
    // Not for an enterprise it does not concern.
    const other = parseProfile({ name: '乙公司', uscc: '91500000MA5U00000W', customsCredit: 'dishonest' });
    expect(dueEvents(other, await evaluateProfile(other, [rule], { asOf: '2025-06-01' }), '2025-06-01', { lang: 'zh' })).toEqual([]);
  });

  it('moves a period over a weekend but not onto or past a weekend day made a working day (调休), and moves nothing in a year without holiday data', () => {
    expect(periodEnd('2025-06-30')).toEqual({ moved: false, day: '2025-06-30' }); // a Monday
    expect(periodEnd('2025-09-28')).toEqual({ moved: false, day: '2025-09-28' }); // a Sunday worked for National Day
    expect(periodEnd('2025-08-30')).toMatchObject({ moved: true, day: '2025-09-01' }); // a Saturday
    expect(periodEnd('2099-03-07')).toEqual({ moved: false, day: '2099-03-07', unknown: { year: 2099 } });
  });

  it('writes the events of every profile of a client folder, naming the one it cannot read', async () => {
    const folder = join(dir, 'clients');
    mkdirSync(folder);
    writeFileSync(join(folder, 'exporter.yaml'), readFileSync(sample));
    writeFileSync(join(folder, 'broken.yaml'), 'name: 无代码公司\n');
    const run = await runCalendar({ input: folder, output: join(dir, 'folder.ics'), format: 'ics', rules, asOf: '2025-06-01', lang: 'zh', remindDays: 7, stderr: quiet });
    expect(run.clients).toBe(1);
    expect(run.errorRows.map((e) => e.error)).toEqual([expect.stringMatching(/broken\.yaml: invalid profile:[\s\S]*uscc: is required/)]);
    expect(eventsOf(readFileSync(join(dir, 'folder.ics'), 'utf8')).map((e) => e.day)).toEqual(['2025-09-30', '2025-10-10']);
  });

  it('writes the events of every row of a list, names the rows with errors and still does the rest; --from/--to bound the events', async () => {
    const output = join(dir, 'list.ics');
    const all = await runCalendar({ input: 'samples/enterprises.csv', output, format: 'ics', rules, asOf: '2025-06-30', lang: 'zh', remindDays: 7, stderr: quiet });
    expect(all.clients).toBe(288);
    expect(all.errorRows.map((e) => e.row)).toContain(9);
    expect(all.errorRows).toHaveLength(12);
    const parsed = eventsOf(readFileSync(output, 'utf8'));
    expect(parsed).toHaveLength(all.events.length);
    expect(parsed.length).toBeGreaterThan(0);
    expect(parsed.every((e) => e.alarms.length === 1 && e.day >= '2025-06-30')).toBe(true);
    const days = parsed.map((e) => e.day).sort();
    const middle = days[Math.floor(days.length / 2)]!;
    const bounded = await runCalendar({
      input: 'samples/enterprises.csv',
      output: join(dir, 'bounded.ics'),
      format: 'json',
      rules,
      asOf: '2025-06-30',
      lang: 'zh',
      remindDays: 7,
      to: middle,
      stderr: quiet,
    });
    expect(bounded.events.length).toBe(days.filter((d) => d <= middle).length);
    expect(JSON.parse(readFileSync(join(dir, 'bounded.ics'), 'utf8')).events).toHaveLength(bounded.events.length);
  });
});
