/**
 * @module
 * The `outdial` commands and how the arguments pick one: `outdial <command>` or
 * `outdial <group> <command>` (`outdial keys create`). `outdial <group> --help` lists a group's
 * commands; anything else unknown is a usage error (exit code 2).
 */
import { ConfigError } from '../config/env-config';
import {
  agentsCreateCommand,
  agentsListCommand,
  keysCreateCommand,
  keysListCommand,
  keysRevokeCommand,
  migrateCommand,
  orgsCreateCommand,
  orgsListCommand,
} from './admin-commands';
import { type CliCommand, helpText, parseCommandArgs, UsageError } from './cli-command';
import { eventsTailCommand } from './events-tail-command';
import { serveCommand } from './serve-command';
import { trunksListCommand, trunksSetCommand, trunksUnsetCommand } from './trunk-commands';

const COMMANDS: CliCommand[] = [
  serveCommand,
  migrateCommand,
  orgsCreateCommand,
  orgsListCommand,
  keysCreateCommand,
  keysListCommand,
  keysRevokeCommand,
  agentsCreateCommand,
  agentsListCommand,
  trunksListCommand,
  trunksSetCommand,
  trunksUnsetCommand,
  eventsTailCommand,
];

/** The first word of every two-word command: `orgs`, `keys`, `agents`, `events`. */
const GROUPS = new Set(COMMANDS.filter((c) => c.path.length > 1).map((c) => c.path[0] as string));

function commandMenu(usage: string, commands: CliCommand[], more: string): string {
  return [
    `Usage: outdial ${usage}`,
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.path.join(' ').padEnd(16)}${c.summary.split('. ')[0]?.replace(/\.$/, '')}`),
    '',
    `Run \`outdial ${more} --help\` for its options.`,
  ].join('\n');
}

const overview = () => commandMenu('<command> [options]', COMMANDS, '<command>');
const groupMenu = (group: string) =>
  commandMenu(
    `${group} <command> [options]`,
    COMMANDS.filter((c) => c.path[0] === group && c.path.length > 1),
    `${group} <command>`,
  );

/** @returns the process exit code, or undefined while a command keeps running (serve). */
export async function runCli(argv: string[]): Promise<number | undefined> {
  const command = COMMANDS.find((c) => c.path.every((word, i) => argv[i] === word));
  if (!command) return noSuchCommand(argv);
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

/** No command matched: the overview or a group's menu, asked for (exit 0) or not (exit 2). */
function noSuchCommand(argv: string[]): number {
  const firstOption = argv.findIndex((arg) => arg.startsWith('-'));
  const words = firstOption === -1 ? argv : argv.slice(0, firstOption);
  const askedHelp = ['--help', '-h'].includes(argv[words.length] ?? '');
  const group = words[0] !== undefined && GROUPS.has(words[0]) ? words[0] : undefined;
  const menu = group ? groupMenu(group) : overview();

  if (words.length === 0 && (argv.length === 0 || askedHelp)) return print(console.log, menu, 0);
  if (words.length === 1 && words[0] === 'help') return print(console.log, menu, 0);
  if (group && words.length === 1)
    return askedHelp ? print(console.log, menu, 0) : print(console.error, menu, 2);
  const unknown =
    words.length > 0 ? `Unknown command: outdial ${words.join(' ')}` : `Unknown option: ${argv[0]}`;
  return print(console.error, `${unknown}\n\n${menu}`, 2);
}

function print(write: (text: string) => void, text: string, code: number): number {
  write(text);
  return code;
}
