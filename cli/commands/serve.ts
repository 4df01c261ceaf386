import type { CommandModule } from 'yargs';
import { parseDay } from '../../src/profile/dates.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import { serveUntilSignal } from '../../src/server/serve.ts';
import { rulesOption } from '../options.ts';

interface ServeArgs {
  port: number;
  host: string;
  rules: string;
  asOf?: string;
  log: boolean;
}

export const serveCommand: CommandModule<object, ServeArgs> = {
  builder: (y) =>
    rulesOption(y)
      .option('port', { type: 'number', default: 8080, describe: 'TCP port (0: any free port)' })
      .option('host', { type: 'string', default: '127.0.0.1', describe: 'address to bind; loopback unless told otherwise (0.0.0.0: every interface)' })
      .option('as-of', { type: 'string', describe: 'answer as of this date YYYY-MM-DD (default: the day of each request; a request may name its own)' })
      .option('log', { type: 'boolean', default: false, describe: 'log every request (JSON lines on stdout)' })
      .example('$0 serve', 'http://127.0.0.1:8080/')
      .example('$0 serve --port 9000 --host 0.0.0.0', 'reachable from other machines'),
  handler: async (args) => {
    if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw Object.assign(new Error(`--port must be 0 to 65535 (got ${args.port})`), { name: 'YError' });
    const asOf = args.asOf ? parseDay(args.asOf, '--as-of') : undefined;
    // The rules are loaded, validated and compiled once, before the server listens; every request uses them.
    await serveUntilSignal({ rules: loadRuleSet(args.rules), port: args.port, host: args.host, ...(asOf && { asOf }), logger: args.log });
  },
};
