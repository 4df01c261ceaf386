// GET /api/v1/openapi.json: the API described in OpenAPI 3.1, generated from the zod schemas the server
// validates with (./schemas.ts, the profile schema) and answers by; nothing here restates a schema.
import { LIMITS } from '../io/limits.ts';
import { z } from 'zod';
import { enterpriseSchema } from '../profile/enterprise.ts';
import { version } from '../io/version.ts';
import type { ServerContext } from './context.ts';
import { mib } from './problem.ts';
import { factsOut, healthOut, problemOut, queries, questionsOut, ruleOut } from './schemas.ts';
import { LIST_FIELD, PREVIOUS_FIELD } from './screen.ts';

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** Named schemas converted together, so that a schema used twice is one component referred to by $ref. */
function components(schemas: Record<string, z.ZodType>, io: 'input' | 'output'): Record<string, object> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const { schemas: out } = z.toJSONSchema(registry, { io, unrepresentable: 'any', target: 'draft-2020-12', uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(Object.entries(out).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema]));
}

/** A strict query schema as OpenAPI parameters, one per key. */
function parameters(schema: z.ZodObject): object[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const { $schema: _s, ...json } = z.toJSONSchema(field as z.ZodType, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    return { name, in: 'query', required: false, ...(typeof json.description === 'string' && { description: json.description }), schema: json };
  });
}

const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [String(s), { description: problemText[s], content: { 'application/problem+json': { schema: ref('Problem') } } }]));
const problemText: Record<number, string> = {
  400: 'invalid input: `errors` names each bad field or parameter',
  404: 'no such resource',
  413: 'the body is larger than the limit',
  415: 'the body is not of a media type this endpoint takes',
  422: 'the list is beyond a limit of what an XLSX may expand to (the detail names it)',
};

const json = (id: string) => ({ 'application/json': { schema: ref(id) } });
const profileBody = {
  required: true,
  description:
    `an enterprise profile, as in samples/ (JSON or YAML), nested at most ${LIMITS.nestingDepth} levels. Its bytes are read as the CLI reads a file: the charset ` +
    'parameter of Content-Type decides (utf-8, gb18030/gbk, utf-16le; another is a 415); without one a BOM, else UTF-8, else GB18030 with a ' +
    'Huiqi-Input-Warning header saying so. Bytes invalid in the encoding chosen are a 400 naming the first bad byte.',
  content: { 'application/json': { schema: ref('Profile') }, 'application/yaml': { schema: ref('Profile') } },
};

export function openApiDocument(context: ServerContext) {
  const { limits, schemas } = context;
  const profilePost = (summary: string, query: z.ZodObject, ok: object) => ({
    post: { summary, parameters: parameters(query), requestBody: profileBody, responses: { 200: ok, ...problems(400, 413, 415) } },
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'huiqi 惠企 API',
      version,
      description:
        'Which trade-policy benefits apply to an enterprise, which do not and why, and what is still unknown. Every answer carries the ' +
        'headers Huiqi-Version, Huiqi-Rules-Hash (the rule set) and Huiqi-As-Of (the evaluation date), so that advice can be reproduced. ' +
        `Limits: a profile at most ${mib(limits.profile)}, a list upload at most ${mib(limits.list)} (413 beyond).`,
    },
    servers: [{ url: '/api/v1' }],
    paths: {
      '/check': profilePost('Check a profile against every rule: the content of `huiqi check --format json`', queries.check, {
        description: 'the check',
        content: json('CheckReport'),
      }),
      '/report': profilePost('The client report (`huiqi report`): what applies, what it would take, deadlines', queries.report, {
        description: 'the report',
        content: { 'text/html': { schema: { type: 'string' } }, 'text/markdown': { schema: { type: 'string' } } },
      }),
      '/calendar': profilePost('The deadlines of measures that apply or are undetermined, as an iCalendar file with reminders (`huiqi calendar`)', queries.calendar, {
        description: 'the calendar (RFC 5545)',
        content: { 'text/calendar': { schema: { type: 'string' } } },
      }),
      '/questions': profilePost('The next questions for a partial profile, the most decisive first, each with the measures it decides', queries.questions, {
        description: 'ranked questions',
        content: json('Questions'),
      }),
      '/screen': {
        post: {
          summary: 'Screen a list of enterprises (as `huiqi screen`); streamed in and out, rows out = rows in, bad rows named in the error column',
          parameters: parameters(queries.screen),
          requestBody: {
            required: true,
            description: `the list: CSV, JSONL or XLSX, raw or as the file field "${LIST_FIELD}" of a form (form fields before the file may give the query's options)`,
            content: {
              'text/csv': { schema: { type: 'string' } },
              'application/x-ndjson': { schema: { type: 'string' } },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', contentEncoding: 'binary' } },
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  properties: {
                    [PREVIOUS_FIELD]: {
                      type: 'string',
                      contentEncoding: 'binary',
                      description:
                        'optional: a previous result of the list (CSV, XLSX or JSONL) to compare with, as huiqi screen --compare: adds compared, gained, lost and reasons',
                    },
                    [LIST_FIELD]: { type: 'string', contentEncoding: 'binary' },
                  },
                  required: [LIST_FIELD],
                },
              },
            },
          },
          responses: {
            200: {
              description:
                'one row per input row: row, name, uscc, eligible, undetermined, eligibleRules, eligibleTitles, exclusions, estimatedValueCny, error, asOf, facts (a download)',
              content: { 'text/csv': { schema: { type: 'string' } }, 'application/x-ndjson': { schema: { type: 'string' } } },
            },
            ...problems(400, 413, 415, 422),
          },
        },
      },
      '/rules': {
        get: {
          summary: 'Every rule, with its document, 文号 and article',
          parameters: parameters(schemas.rulesQuery),
          responses: { 200: { description: 'the rules', content: json('Rules') }, ...problems(400) },
        },
      },
      '/rules/{id}': {
        get: {
          summary: 'One rule: conditions, outcome, source quote, cases',
          parameters: [{ name: 'id', in: 'path', required: true, description: 'the rule id; its slash may be written as is or as %2F', schema: { type: 'string' } }],
          responses: { 200: { description: 'the rule', content: json('Rule') }, ...problems(404) },
        },
      },
      '/facts': {
        get: {
          summary: 'The fact catalog: names, zh/en labels, types and enum values (what a form needs)',
          responses: { 200: { description: 'the facts', content: json('Facts') } },
        },
      },
      '/openapi.json': {
        get: { summary: 'This description', responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } } },
      },
      '/healthz': { get: { summary: 'Liveness, with the version and the rule set', responses: { 200: { description: 'ok', content: json('Health') } } } },
    },
    components: {
      schemas: {
        ...components({ Profile: enterpriseSchema }, 'input'),
        ...components(
          { CheckReport: schemas.checkOut, Questions: questionsOut, Rules: schemas.rulesOut, Rule: ruleOut, Facts: factsOut, Health: healthOut, Problem: problemOut },
          'output',
        ),
      },
    },
  };
}
