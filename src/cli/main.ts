// `readout COMMAND …`: one file per command; this file only dispatches and prints usage.
import { InputError } from '../ingest/decode.js';

export interface Command {
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

const NAMES = ['analyze', 'eval', 'kb', 'ingest', 'worker', 'queue', 'query', 'export', 'serve', 'demo', 'parse'];
// loaded on demand so that `readout analyze` never pays for the server or the database
const COMMANDS: Record<string, () => Promise<{ command: Command }>> = Object.fromEntries(
  NAMES.map((n) => [n, () => import(`./${n}.js`) as Promise<{ command: Command }>]),
);

export class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  // `readout analyze … | head`: the reader went away; that is not an error
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    await printHelp();
    return name ? 0 : 1;
  }
  if (name === '--version' || name === '-v') {
    const { readFileSync } = await import('node:fs');
    console.log(JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')).version);
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    console.error(`readout: unknown command '${name}'. Commands: ${Object.keys(COMMANDS).join(', ')}`);
    return 2;
  }
  let mod: { command: Command };
  try {
    mod = await load();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') {
      console.error(`readout: the '${name}' command is not available in this build`);
      return 2;
    }
    throw e;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`${mod.command.summary}\n\nusage: ${mod.command.usage}`);
    return 0;
  }
  try {
    return await mod.command.run(rest);
  } catch (e) {
    if (
      e instanceof UsageError ||
      (e as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ||
      (e as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ||
      (e as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
    ) {
      console.error(`readout ${name}: ${(e as Error).message}\nusage: ${mod.command.usage}`);
      return 2;
    }
    if (e instanceof InputError) {
      console.error(`readout ${name}: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

async function printHelp(): Promise<void> {
  console.log('readout — entities, quotes with speakers and CAMEO events from French and English news\n\nCommands:');
  for (const [name, load] of Object.entries(COMMANDS)) {
    try {
      const { command } = await load();
      console.log(`  ${name.padEnd(8)} ${command.summary}`);
    } catch {
      /* a command missing from this build is not listed */
    }
  }
  console.log('\nRun `readout COMMAND --help` for its options.');
}
