// Where `huiqi ask` reads answers: a terminal (node:readline/promises) or lines piped to standard input.
import { createInterface } from 'node:readline/promises';
import type { AskIO } from './session.ts';

/** Asks on a terminal; Ctrl-D ends the session. */
export function terminalIO(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): AskIO & { close(): void } {
  const rl = createInterface({ input, output });
  let closed = false;
  rl.on('close', () => (closed = true));
  return {
    ask: async (prompt) => (closed ? undefined : rl.question(prompt).catch(() => undefined)),
    print: (text) => output.write(text),
    close: () => rl.close(),
  };
}

/** Answers the questions in order from piped lines, echoing each question and answer. */
export function linesIO(text: string, output: NodeJS.WritableStream = process.stdout): AskIO {
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return {
    ask: async (prompt) => {
      const line = lines.shift();
      output.write(`${prompt}${line ?? ''}\n`);
      return line;
    },
    print: (t) => output.write(t),
  };
}

export async function readAll(input: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
