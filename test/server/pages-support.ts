// A real listening server with only the pages plugin (the host registers formbody and multipart first, as
// buildServer does), for the browser and inject tests of the pages.
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { pagesPlugin } from '../../src/server/pages/plugin.ts';
import type { Rule } from '../../src/rules/schema.ts';

export async function pagesServer(rules: readonly Rule[], asOf: string): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(formbody);
  await app.register(multipart);
  await app.register(pagesPlugin, { rules, asOf });
  return app;
}
