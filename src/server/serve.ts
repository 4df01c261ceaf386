// `huiqi serve`: the server on a port until SIGTERM or SIGINT, then a clean stop: no new connections,
// requests in flight answered in full, then exit.
import type { FastifyInstance } from 'fastify';
import type { RuleBase } from '../engine/rule-base.ts';
import { buildServer } from './app.ts';

export interface ServeOptions {
  rules: RuleBase;
  port: number;
  host: string;
  asOf?: string;
  logger?: boolean;
  /** Where the URL and the stop are announced (default: stdout). */
  out?: { write(text: string): unknown };
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Starts listening; resolves with the server and its URL once it accepts connections. */
export async function startServer(o: ServeOptions): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildServer({ rules: o.rules, ...(o.asOf && { asOf: o.asOf }), logger: o.logger ?? false });
  await app.listen({ port: o.port, host: o.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : o.port;
  const host = o.host.includes(':') ? `[${o.host}]` : o.host;
  return { app, url: `http://${host}:${port}/` };
}

/** Serves until SIGTERM or SIGINT, then closes (letting requests in flight finish) and resolves. */
export async function serveUntilSignal(o: ServeOptions): Promise<void> {
  const out = o.out ?? process.stdout;
  const { app, url } = await startServer(o);
  out.write(`huiqi serve: ${o.rules.rules.length} rules loaded; listening on ${url} (API: ${url}api/v1/, description: ${url}api/v1/openapi.json)\n`);
  if (!LOOPBACK.has(o.host)) out.write(`huiqi serve: bound to ${o.host}, not loopback: reachable from other machines\n`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  out.write(`huiqi serve: ${signal}: finishing requests in flight, then stopping\n`);
  await app.close();
  out.write('huiqi serve: stopped\n');
}
