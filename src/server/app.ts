// The huiqi HTTP server (`huiqi serve`): one fastify instance with the rules loaded once, the API under
// /api/v1 (./api.ts) and, registered beside it, the web pages. Every response carries security headers
// and says which huiqi, which rule set and which evaluation date gave it; every error is a problem
// document (./problem.ts). No request can name a file or a rules folder: the rules are fixed at start,
// and lists arrive as uploads.
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { today } from '../profile/dates.ts';
import { version } from '../io/version.ts';
import type { RuleBase } from '../engine/rule-base.ts';
import { apiRoutes } from './api.ts';
import { defaultBodyLimits, type BodyLimits, type ServerContext } from './context.ts';
import { ruleSetSchemas } from './schemas.ts';
import { pagesPlugin } from './pages/plugin.ts';
import { mib, Problem, PROBLEM_TYPE } from './problem.ts';
import { multipartProblem } from './request.ts';

/** A request (headers and body) must arrive within this time, else 408: 2 minutes by default. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 120_000;

export interface ServerOptions {
  /** The rule set (loadRuleSet): loaded, validated and compiled once, before the server starts. */
  rules: RuleBase;
  /** A fixed evaluation date (YYYY-MM-DD), e.g. for tests; default: the day of each request. */
  asOf?: string;
  logger?: boolean;
  bodyLimit?: Partial<BodyLimits>;
  requestTimeoutMs?: number;
}

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'";

/** Headers on every response. */
const securityHeaders = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy': CSP,
};

/** Fastify's own errors (body too large, bad JSON, unsupported media type…) as problems, in plain words. */
function problemOf(error: FastifyError, limits: BodyLimits, mediaType: string): Problem {
  if (error instanceof Problem) return error;
  const multipart = multipartProblem(error);
  if (multipart) return multipart;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new Problem(
        413,
        'Request body too large',
        `a profile or form may be at most ${limits.profile} bytes (${mib(limits.profile)}); lists go to POST /api/v1/screen, at most ${mib(limits.list)}`,
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new Problem(
        415,
        'Unsupported media type',
        `this resource does not take ${mediaType || 'a body without a Content-Type'}: the pages take forms (application/x-www-form-urlencoded, multipart/form-data), the API profiles as JSON or YAML and lists as CSV, JSONL, XLSX or a form (GET /api/v1/openapi.json)`,
      );
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new Problem(400, 'Empty body', 'the request has Content-Type application/json but no body');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new Problem(400, 'Malformed body', error.message);
  }
  // A JSON syntax error from the body parser carries 400 and the parser's message.
  if (error.statusCode === 400 && error instanceof SyntaxError) return new Problem(400, 'Malformed JSON', `the body is not valid JSON: ${error.message}`);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return new Problem(error.statusCode, 'Bad request', error.message);
  return new Problem(500, 'Internal error', 'the server could not answer this request; the error has been logged');
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const limits: BodyLimits = { ...defaultBodyLimits, ...options.bodyLimit };
  const context: ServerContext = {
    rules: options.rules,
    schemas: ruleSetSchemas(options.rules.jurisdictions),
    limits,
    asOf: () => options.asOf ?? today(),
  };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: limits.profile,
    requestTimeout: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    // On close, stop accepting connections and let requests in flight finish (huiqi serve on SIGTERM).
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });

  // Hooks take fastify's callback rather than being async: no promise per request for setting headers.
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(securityHeaders);
    reply.header('huiqi-version', version);
    reply.header('huiqi-rules-hash', context.rules.rulesHash);
    reply.header('huiqi-as-of', context.asOf());
    done();
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = problemOf(error, limits, (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase().slice(0, 100));
    if (problem.status >= 500) request.log.error(error);
    return reply.code(problem.status).type(PROBLEM_TYPE).send(JSON.stringify(problem));
  });
  // Every route's path as a pattern and its methods: a path that exists under another method is a 405 with Allow.
  const routes: { path: RegExp; method: string }[] = [];
  app.addHook('onRoute', (route) => {
    const pattern = route.url
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/:[^/]+/g, '[^/]+');
    for (const method of [route.method].flat()) routes.push({ path: new RegExp(`^${pattern}$`), method });
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    const allow = [...new Set(routes.filter((r) => r.path.test(path)).map((r) => r.method))];
    if (allow.length) {
      const problem = new Problem(405, 'Method not allowed', `${path} answers ${allow.join(', ')}, not ${request.method}`);
      return reply.code(405).header('allow', allow.join(', ')).type(PROBLEM_TYPE).send(JSON.stringify(problem));
    }
    return reply
      .code(404)
      .type(PROBLEM_TYPE)
      .send(JSON.stringify(new Problem(404, 'Not found', `no such resource: ${request.method} ${path}`)));
  });

  // Bodies are read where they are taken: the API reads profiles (./request.ts) and lists (./screen.ts) with
  // parsers of its own, the pages read forms; fastify's default JSON and text parsers would hand a page an
  // object where it expects a form field.
  app.removeAllContentTypeParsers();
  await app.register(formbody, { bodyLimit: limits.profile });
  await app.register(multipart, { limits: { fileSize: limits.list + 1, files: 1, fields: 20, fieldSize: limits.profile } });
  await app.register(apiRoutes, { prefix: '/api/v1', context });
  // The self-check and batch pages (/, /screen, /assets/…): plain HTML forms on the same rules and date.
  await app.register(pagesPlugin, { rules: options.rules, ...(options.asOf !== undefined && { asOf: options.asOf }) });
  // Where people look first: the health check and the API description at the root lead to the API's.
  for (const path of ['/healthz', '/openapi.json']) app.get(path, (_request, reply) => reply.redirect(`/api/v1${path}`, 308));
  return app;
}
