// `huiqi serve` as a user runs it: it prints its URL, and on SIGTERM it stops taking connections but
// answers the request in flight in full before it exits.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';

const list = readFileSync('samples/enterprises.csv');

describe('huiqi serve', () => {
  it('finishes a slow request in flight when sent SIGTERM, then exits 0', async () => {
    const server = spawn(process.execPath, ['bin/huiqi.js', 'serve', '--port', '0', '--as-of', '2025-06-30'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    server.stdout.on('data', (d) => (stdout += d));
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        server.stdout.on('data', () => {
          const m = /listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
          if (m) resolve(m[1]!);
        });
        server.on('exit', () => reject(new Error(`serve exited early: ${stdout}`)));
      });

      // A list upload sent in two halves, with SIGTERM between them.
      const half = list.indexOf('\n', list.length / 2) + 1;
      const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(new URL('api/v1/screen', url), { method: 'POST', headers: { 'content-type': 'text/csv' } }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (d) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.write(list.subarray(0, half));
        setTimeout(() => {
          server.kill('SIGTERM');
          setTimeout(() => req.end(list.subarray(half)), 500);
        }, 1000);
      });
      const { status, body } = await response;
      expect(status).toBe(200);
      expect(body.trim().split('\r\n')).toHaveLength(301); // header + 300 rows: nothing cut off
      expect(await exited).toBe(0);
      expect(stdout).toContain('SIGTERM: finishing requests in flight');
      expect(stdout).toContain('stopped');
    } finally {
      server.kill('SIGKILL');
    }
  });
});
