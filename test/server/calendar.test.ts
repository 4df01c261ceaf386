// The calendar on the server: POST /api/v1/calendar (the profile in, an .ics out, as `huiqi calendar`)
// and the self-check page's 加入日历 button (POST /download/calendar with the page's profile), each read
// back with an independent iCalendar parser.
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import { buildServer } from '../../src/server/app.ts';

const sample = readFileSync('samples/registered-exporter-planning-disclosure.yaml', 'utf8');
let app: FastifyInstance;
beforeAll(async () => {
  app = await buildServer({ rules: loadRuleSet(), asOf: '2025-06-01' });
});
afterAll(() => app.close());

const days = (ics: string) =>
  new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return { day: e.startDate.toString(), summary: e.summary, alarms: v.getAllSubcomponents('valarm').length };
  });

describe('the calendar on the server', () => {
  it("POST /api/v1/calendar answers the profile's deadlines as text/calendar, as huiqi calendar writes them", async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/calendar?remindDays=3', payload: sample, headers: { 'content-type': 'application/yaml' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(days(res.body)).toEqual([
      { day: '2025-09-30', summary: expect.stringMatching(/^重庆两江智联进出口有限公司（事项 TAX-2025-03）：主动披露/), alarms: 1 },
      { day: '2025-10-10', summary: expect.stringMatching(/有效期至2025-10-10/), alarms: 1 },
    ]);
    expect(res.body).toContain('TRIGGER:-P3D');
    const bad = await app.inject({ method: 'POST', url: '/api/v1/calendar?remindDays=-1', payload: sample, headers: { 'content-type': 'application/yaml' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
  });

  it('the self-check result offers 加入日历, and the button downloads the same calendar', async () => {
    const profile = parseYaml(sample);
    const page = await app.inject({
      method: 'POST',
      url: '/',
      payload: new URLSearchParams({ step: 'answers', profile: JSON.stringify(profile), skipped: '[]' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<form method="post" action="\/download\/calendar"[^>]*>[\s\S]*?<button type="submit">加入日历<\/button><\/form>/);
    const res = await app.inject({
      method: 'POST',
      url: '/download/calendar',
      payload: new URLSearchParams({ profile: JSON.stringify(profile), lang: 'zh' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".*-due\.ics"/);
    expect(days(res.body).map((e) => e.day)).toEqual(['2025-09-30', '2025-10-10']);
    expect(
      (await app.inject({ method: 'POST', url: '/download/calendar', payload: 'profile=%7Bnot', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).statusCode,
    ).toBe(400);
  });
});
