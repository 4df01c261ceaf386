// Sending an answer made of pieces (./check-answer.ts: strings and kept bytes) as one response. Joining
// the pieces of a ~110 KB answer into one buffer before sending cost more server time than writing them:
// here the reply is taken over from fastify (hijack) and the pieces are written corked, which Node sends
// in one writev, encoding the strings as UTF-8 on the way.
import type { FastifyReply } from 'fastify';

/** Sends `pieces` as the body, with the headers set on `reply` so far (hooks', content type) and its status. */
export function sendPieces(reply: FastifyReply, type: string, pieces: readonly (string | Buffer)[]): void {
  let length = 0;
  for (const piece of pieces) length += typeof piece === 'string' ? Buffer.byteLength(piece) : piece.length;
  reply.type(type).header('content-length', length);
  reply.hijack();
  const response = reply.raw;
  response.writeHead(reply.statusCode, reply.getHeaders() as Record<string, string | number | string[]>);
  response.cork();
  for (const piece of pieces) response.write(piece);
  response.end();
  response.uncork();
}
