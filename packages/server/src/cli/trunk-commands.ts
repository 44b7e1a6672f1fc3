/**
 * @module
 * `outdial trunks …`: the SIP trunks' CPS budgets. A budget is stored in the database; a running
 * server (every replica) re-reads budgets every few seconds, so no restart is needed.
 */
import { loadEnvConfig } from '../config/env-config';
import { UNNAMED_DEFAULT_TRUNK } from '../dial/trunk-queues';
import { dbOption, withDatabase } from './admin-commands';
import { type CliCommand, UsageError } from './cli-command';
import { textTable } from './text-table';

/** DIAL_CPS's bounds (config/env-config.ts): a trunk's budget is one like it. */
const MIN_CPS = 1;
const MAX_CPS = 10_000;
/** As agents' `sipTrunkId` in openapi.yaml. */
const MAX_TRUNK_ID_LENGTH = 128;

function trunkIdOf(positionals: string[]): string {
  const [trunkId, ...rest] = positionals;
  if (trunkId === undefined) throw new UsageError('name the trunk: outdial trunks set <trunkId> --cps <n>');
  if (rest.length > 0) throw new UsageError(`one trunk at a time (got ${positionals.length})`);
  if (trunkId.length < 1 || trunkId.length > MAX_TRUNK_ID_LENGTH)
    throw new UsageError(`SIP trunk ID must be 1 to ${MAX_TRUNK_ID_LENGTH} characters`);
  return trunkId;
}

export const trunksSetCommand: CliCommand = {
  path: ['trunks', 'set'],
  usage: 'trunks set <trunkId> --cps <n> [--db <path> | --database-url <url>]',
  summary: "Sets a SIP trunk's budget: at most this many dial starts in any 1 s window.",
  options: {
    cps: { type: 'string', description: `Dial starts per second, ${MIN_CPS} to ${MAX_CPS} (required)` },
    ...dbOption,
  },
  allowPositionals: true,
  async run(values, positionals) {
    const trunkId = trunkIdOf(positionals);
    const text = values.cps as string | undefined;
    if (text === undefined) throw new UsageError('--cps is required');
    const cps = Number(text);
    if (!/^\d+$/.test(text) || cps < MIN_CPS || cps > MAX_CPS)
      throw new UsageError(`--cps must be an integer from ${MIN_CPS} to ${MAX_CPS}, got ${text}`);
    const stored = await withDatabase(values, (stores) => stores.trunkBudgets.set(trunkId, cps, new Date()));
    console.log(`Trunk ${stored.trunkId}: ${stored.cps} CPS. A running server applies it within 5 s.`);
    return 0;
  },
};

export const trunksUnsetCommand: CliCommand = {
  path: ['trunks', 'unset'],
  usage: 'trunks unset <trunkId> [--db <path> | --database-url <url>]',
  summary: "Removes a SIP trunk's budget: it dials at DIAL_CPS again.",
  options: { ...dbOption },
  allowPositionals: true,
  async run(values, positionals) {
    const trunkId = trunkIdOf(positionals);
    const removed = await withDatabase(values, (stores) => stores.trunkBudgets.remove(trunkId));
    console.log(
      removed
        ? `Trunk ${trunkId}: back to DIAL_CPS. A running server applies it within 5 s.`
        : `Trunk ${trunkId} had no budget of its own: it dials at DIAL_CPS.`,
    );
    return 0;
  },
};

export const trunksListCommand: CliCommand = {
  path: ['trunks', 'list'],
  usage: 'trunks list [--db <path> | --database-url <url>]',
  summary:
    'Lists the SIP trunks (the default, those agents name, those with a budget), their budgets, queued calls and, on PostgreSQL, the replica leading each (on SQLite the one running server dials every trunk: -).',
  options: { ...dbOption },
  async run(values) {
    const config = loadEnvConfig();
    const defaultTrunk = config.livekit?.sipTrunkId ?? UNNAMED_DEFAULT_TRUNK;
    const databaseUrl = (values['database-url'] as string | undefined) ?? config.databaseUrl ?? undefined;
    const { budgets, named, depth } = await withDatabase(values, async (stores) => ({
      budgets: await stores.trunkBudgets.list(),
      named: await stores.dialBacklog.agentTrunkIds(),
      depth: await stores.dialBacklog.depthByTrunk(),
    }));
    const trunkIds = [...new Set([defaultTrunk, ...named, ...budgets.map((b) => b.trunkId)])].sort();
    const queued = new Map<string, number>();
    for (const row of depth) {
      const trunkId = row.sipTrunkId ?? defaultTrunk;
      queued.set(trunkId, (queued.get(trunkId) ?? 0) + row.calls);
    }
    const leaders =
      databaseUrl === undefined ? new Map<string, string>() : await leadersOf(databaseUrl, trunkIds);
    const budgetOf = new Map(budgets.map((b) => [b.trunkId, b.cps]));
    console.log(
      textTable(
        ['TRUNK', 'CPS', 'QUEUED', 'LEADER'],
        trunkIds.map((trunkId) => [
          trunkId === defaultTrunk ? `${trunkId} (default trunk)` : trunkId,
          budgetOf.has(trunkId) ? String(budgetOf.get(trunkId)) : `${config.dialCps} (DIAL_CPS)`,
          String(queued.get(trunkId) ?? 0),
          databaseUrl === undefined ? '-' : (leaders.get(trunkId) ?? 'none'),
        ]),
      ),
    );
    return 0;
  },
};

async function leadersOf(url: string, trunkIds: string[]): Promise<Map<string, string>> {
  // Loaded only here: every `outdial` command loads this module, most never reach PostgreSQL.
  const [{ default: pg }, { trunkLeaderOf }] = await Promise.all([
    import('pg'),
    import('../replicas/trunk-leadership'),
  ]);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ schema: string }>('select current_schema() as schema');
    const schema = rows[0]?.schema ?? 'public';
    const leaders = new Map<string, string>();
    for (const trunkId of trunkIds) {
      const leader = await trunkLeaderOf(client, schema, trunkId);
      if (leader) leaders.set(trunkId, leader);
    }
    return leaders;
  } finally {
    await client.end();
  }
}
