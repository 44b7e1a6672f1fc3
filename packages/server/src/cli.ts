#!/usr/bin/env node
/**
 * @module
 * The `outdial` command: `serve`, `migrate`, `orgs create`, `keys create`, `agents create`.
 */
import {
  agentsCreateCommand,
  keysCreateCommand,
  migrateCommand,
  orgsCreateCommand,
} from './cli/admin-commands';
import { type CliCommand, helpText, parseCommandArgs, UsageError } from './cli/cli-command';
import { serveCommand } from './cli/serve-command';
import { ConfigError } from './config/env-config';

const COMMANDS: CliCommand[] = [
  serveCommand,
  migrateCommand,
  orgsCreateCommand,
  keysCreateCommand,
  agentsCreateCommand,
];

const OVERVIEW = [
  'Usage: outdial <command> [options]',
  '',
  'Commands:',
  ...COMMANDS.map((c) => `  ${c.path.join(' ').padEnd(16)}${c.summary.split('. ')[0]?.replace(/\.$/, '')}`),
  '',
  'Run `outdial <command> --help` for its options.',
].join('\n');

async function main(argv: string[]): Promise<number | undefined> {
  const command = COMMANDS.find((c) => c.path.every((word, i) => argv[i] === word));
  if (!command) {
    const asked = argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help';
    (asked ? console.log : console.error)(OVERVIEW);
    return asked ? 0 : 2;
  }
  try {
    const { values, positionals } = parseCommandArgs(command, argv.slice(command.path.length));
    if (values.help) {
      console.log(helpText(command));
      return 0;
    }
    return await command.run(values as Record<string, string | boolean | string[] | undefined>, positionals);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`outdial ${command.path.join(' ')}: ${error.message}\n\n${helpText(command)}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 78; // EX_CONFIG
    }
    console.error(
      `outdial ${command.path.join(' ')}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  }
}

const code = await main(process.argv.slice(2));
if (code !== undefined) process.exitCode = code;
