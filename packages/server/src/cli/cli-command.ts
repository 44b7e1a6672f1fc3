import { parseArgs } from 'node:util';

export interface CliOption {
  type: 'string' | 'boolean';
  multiple?: boolean;
  description: string;
}

/** One `outdial …` command. */
export interface CliCommand {
  /** The words that select it: `['keys', 'create']`. */
  path: string[];
  usage: string;
  summary: string;
  options: Record<string, CliOption>;
  allowPositionals?: boolean;
  /** @returns the process exit code, or undefined to keep running (serve). */
  run(
    values: Record<string, string | boolean | string[] | undefined>,
    positionals: string[],
  ): Promise<number | undefined>;
}

/** A mistake in how the command was called: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function helpText(command: CliCommand): string {
  const lines = [`Usage: outdial ${command.usage}`, '', command.summary];
  lines.push('', 'Options:');
  for (const [name, option] of Object.entries(command.options)) {
    const flag = `--${name}${option.type === 'string' ? ' <value>' : ''}`;
    lines.push(`  ${flag.padEnd(30)}${option.description}`);
  }
  lines.push(`  ${'--help'.padEnd(30)}Show this help`);
  return lines.join('\n');
}

export function parseCommandArgs(command: CliCommand, args: string[]) {
  const options = Object.fromEntries(
    Object.entries(command.options).map(([name, { type, multiple }]) => [
      name,
      { type, multiple: multiple ?? false },
    ]),
  );
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
