// Reading a request: its media type, its query (validated by a schema of ./schemas.ts) and a profile
// body (JSON or YAML), each failure a problem naming the field.
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Enterprise } from '../profile/enterprise.ts';
import type { ProfileSchema } from '../profile/validate.ts';
import { invalid, Problem } from './problem.ts';

const JSON_TYPES = new Set(['application/json']);
export const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'];

/** The media type of a request, without parameters, lower case. */
export const mediaType = (request: FastifyRequest): string => (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();

/** The query validated by `schema`; a 400 naming each bad or unknown parameter otherwise. */
export function parseQuery<T extends z.ZodType>(schema: T, query: unknown): z.output<T> {
  const parsed = schema.safeParse(query ?? {});
  if (!parsed.success) throw invalid('query', parsed.error);
  return parsed.data;
}

/** The profile in the body (JSON or YAML), validated by the rule set's profile schema; a 400 naming each bad field otherwise. */
export function parseProfileBody(request: FastifyRequest, schema: ProfileSchema): Enterprise {
  const type = mediaType(request);
  if (!JSON_TYPES.has(type) && !YAML_TYPES.includes(type)) {
    throw new Problem(415, 'Unsupported media type', `send the profile as application/json or application/yaml (got ${type || 'no Content-Type'})`);
  }
  if (request.body === undefined || request.body === null || request.body === '') throw new Problem(400, 'Missing profile', 'the body is empty: send an enterprise profile (see samples/ and GET /api/v1/openapi.json)');
  const parsed = schema.safeParse(request.body);
  if (!parsed.success) throw invalid('profile', parsed.error);
  return parsed.data;
}

