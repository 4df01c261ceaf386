// The HTTP API under /api/v1: JSON in and out (profiles also as YAML). Each route validates its query
// with the schemas of ./schemas.ts (an unknown parameter is refused) and calls the same functions as
// the CLI: check (src/report/check.ts), the client report, the question ranker of src/report/groups.ts
// and batch screening (./screen.ts).
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { questionSequence } from '../ask/sequence.ts';
import { evaluateForCheck } from '../report/check.ts';
import { renderClientReport } from '../report/client-report-command.ts';
import { version } from '../io/version.ts';
import type { Rule } from '../rules/schema.ts';
import { checkAnswer } from './check-answer.ts';
import type { ServerContext } from './context.ts';
import { openApiDocument } from './openapi.ts';
import { Problem } from './problem.ts';
import { parseProfileBody, parseQuery, profileBodyParsers } from './request.ts';
import { queries } from './schemas.ts';
import { screenRoute } from './screen.ts';
import { sendPieces } from './send.ts';

const JSON_TYPE = 'application/json; charset=utf-8';
const sendJson = (reply: FastifyReply, body: unknown) => reply.type(JSON_TYPE).send(JSON.stringify(body));

/** The evaluation date of a request: its `asOf` parameter, else the server's; echoed in Huiqi-As-Of. */
function evaluationDate(reply: FastifyReply, context: ServerContext, asOf: string | undefined): string {
  const day = asOf ?? context.asOf();
  reply.header('huiqi-as-of', day);
  return day;
}

function ruleSummary(rule: Rule) {
  return {
    id: rule.id,
    title: rule.title,
    kind: rule.kind,
    jurisdiction: rule.source.jurisdiction,
    appliesTo: rule.appliesTo,
    docNumber: rule.source.docNumber,
    article: rule.source.article,
    effective: { ...(rule.effective.from && { from: rule.effective.from }), ...(rule.effective.to && { to: rule.effective.to }) },
  };
}

export async function apiRoutes(app: FastifyInstance, { context }: { context: ServerContext }) {
  const { rules } = context;
  const { catalog } = rules;
  const byId = new Map(rules.rules.map((r) => [r.id, r]));
  const sorted = [...rules.rules].sort((a, b) => a.id.localeCompare(b.id));

  // Profiles as JSON or YAML, read as the CLI reads a file (YAML as data only, aliases bounded).
  profileBodyParsers(app, context.limits.profile);

  app.addHook('onRequest', (_request, reply, done) => {
    reply.header('cache-control', 'no-store');
    done();
  });

  app.post('/check', async (request, reply) => {
    const query = parseQuery(queries.check, request.query);
    const asOf = evaluationDate(reply, context, query.asOf);
    const profile = parseProfileBody(request, rules.profile);
    const checked = await evaluateForCheck(profile, { rules, asOf, explain: query.all ? 'all' : 'listed' });
    sendPieces(reply, JSON_TYPE, checkAnswer({ ...checked, lang: 'zh', all: query.all }, rules));
    return reply;
  });

  app.post('/report', async (request, reply) => {
    const query = parseQuery(queries.report, request.query);
    const asOf = evaluationDate(reply, context, query.asOf);
    const profile = parseProfileBody(request, rules.profile);
    const text = await renderClientReport(profile, { rules, asOf, lang: query.lang, format: query.format });
    if (query.format === 'markdown') return reply.type('text/markdown; charset=utf-8').send(text);
    // The report is one file with its CSS inline: allow exactly that stylesheet, by its hash.
    return reply.type('text/html; charset=utf-8').header('content-security-policy', reportCsp(text)).send(text);
  });

  app.post('/calendar', async (request, reply) => {
    const query = parseQuery(queries.calendar, request.query);
    const asOf = evaluationDate(reply, context, query.asOf);
    const profile = parseProfileBody(request, rules.profile);
    const { profileEvents } = await import('../calendar/run.ts');
    const { calendarText } = await import('../calendar/calendar.ts');
    const events = await profileEvents(profile, { rules, asOf, lang: query.lang, ...(query.from && { from: query.from }), ...(query.to && { to: query.to }) });
    const text = calendarText(events, {
      lang: query.lang,
      remindDays: query.remindDays,
      name: `${query.lang === 'zh' ? '惠企政策期限' : 'Trade-policy deadlines'}: ${profile.name}`,
    });
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="due.ics"`).send(text);
  });

  app.post('/questions', async (request, reply) => {
    const query = parseQuery(queries.questions, request.query);
    const asOf = evaluationDate(reply, context, query.asOf);
    const profile = parseProfileBody(request, rules.profile);
    // The page's and `huiqi ask`'s sequence: situation questions (外商投资? 综合保税区?) among the detailed ones.
    const sequence = await questionSequence(profile, { rules, asOf });
    const questions = sequence.questions.slice(0, query.limit).map((q) => {
      const def = catalog.definition(q.fact);
      return {
        fact: q.fact,
        incidents: q.incidentId !== undefined ? [q.incidentId] : [],
        label: q.label,
        type: def?.type ?? 'other',
        ...(def?.values && { values: [...def.values] }),
        ...(def?.valueWords && { valueWords: def.valueWords }),
        why: q.decides.map((r) => ({
          ruleId: r.ruleId,
          ...(r.incidentId !== undefined && { incidentId: r.incidentId }),
          title: r.rule.title,
          outcome: { zh: r.rule.outcome.zh, en: r.rule.outcome.en },
        })),
      };
    });
    return sendJson(reply, { asOf, questions });
  });

  await app.register(screenRoute, { context });

  app.get('/rules', async (request, reply) => {
    const query = parseQuery(context.schemas.rulesQuery, request.query);
    const list = sorted.filter(
      (r) =>
        (!query.jurisdiction || r.source.jurisdiction === query.jurisdiction) && (!query.kind || r.kind === query.kind) && (!query.appliesTo || r.appliesTo === query.appliesTo),
    );
    return sendJson(reply, { count: list.length, rules: list.map(ruleSummary) });
  });

  // Rule ids hold a slash (gacc-2023-127/late-fee-waiver): the id is the rest of the path, slash encoded or not.
  app.get('/rules/*', async (request, reply) => {
    parseQuery(queries.none, request.query);
    const id = decodeURIComponent((request.params as { '*': string })['*']);
    const rule = byId.get(id);
    if (!rule) throw new Problem(404, 'No such rule', `no rule has the id "${id}" (GET /api/v1/rules lists them)`, [{ field: 'id', message: 'no such rule' }]);
    return sendJson(reply, rule);
  });

  app.get('/facts', async (request, reply) => {
    parseQuery(queries.none, request.query);
    const facts = catalog.all.map((f) => ({
      name: f.name,
      scope: f.scope,
      type: f.type,
      ...(f.values && { values: [...f.values] }),
      ...(f.valueWords && { valueWords: f.valueWords }),
      zh: f.zh,
      en: f.en,
      derived: f.derived,
      ...(f.inputs && { inputs: [...f.inputs] }),
      changeable: f.change !== undefined,
    }));
    return sendJson(reply, { count: facts.length, facts });
  });

  const openApi = JSON.stringify(openApiDocument(context));
  app.get('/openapi.json', async (request, reply) => {
    parseQuery(queries.none, request.query);
    return reply.type(JSON_TYPE).send(openApi);
  });

  app.get('/healthz', async (_request, reply) => sendJson(reply, { status: 'ok', huiqiVersion: version, rulesHash: rules.rulesHash, rules: rules.rules.length }));
}

/** The default CSP, with the report's own inline stylesheets allowed by their SHA-256. */
function reportCsp(html: string): string {
  const hashes = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`);
  return `default-src 'none'; style-src ${hashes.join(' ') || "'none'"}; font-src data:; img-src data:; form-action 'none'; frame-ancestors 'none'`;
}
