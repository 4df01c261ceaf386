// A server with only the pages plugin (the host registers formbody and multipart first, and sends the
// content security policy, as buildServer does), for the browser and inject tests of the pages.
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { pagesPlugin } from '../../src/server/pages/plugin.ts';
import type { RuleBase } from '../../src/engine/rule-base.ts';

/** The content security policy buildServer sends (#9): no inline script or style anywhere. */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data:; form-action 'self'";

export async function pagesServer(rules: RuleBase, asOf: string): Promise<FastifyInstance> {
  const app = Fastify();
  // As the real server does, so a browser test fails on anything the policy blocks.
  app.addHook('onSend', async (_req, reply) => {
    reply.header('content-security-policy', CSP);
  });
  await app.register(formbody);
  await app.register(multipart);
  await app.register(pagesPlugin, { rules, asOf });
  return app;
}
