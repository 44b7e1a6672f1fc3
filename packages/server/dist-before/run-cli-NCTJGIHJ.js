import {
  ConfigError,
  loadEnvConfig
} from "./chunk-6UGLVXQO.js";
import {
  AgentService,
  ApiKeyService,
  adminOperations,
  openServerStores
} from "./chunk-HC56PB3B.js";
import "./chunk-PZ5AY32C.js";

// src/cli/cli-command.ts
import { parseArgs } from "util";
var UsageError = class extends Error {
  name = "UsageError";
};
function helpText(command) {
  const lines = [`Usage: outdial ${command.usage}`, "", command.summary];
  lines.push("", "Options:");
  for (const [name, option] of Object.entries(command.options)) {
    const flag = `--${name}${option.type === "string" ? " <value>" : ""}`;
    lines.push(`  ${flag.padEnd(30)}${option.description}`);
  }
  lines.push(`  ${"--help".padEnd(30)}Show this help`);
  return lines.join("\n");
}
function parseCommandArgs(command, args) {
  const options = Object.fromEntries(
    Object.entries(command.options).map(([name, { type, multiple }]) => [
      name,
      { type, multiple: multiple ?? false }
    ])
  );
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: command.allowPositionals ?? false,
      strict: true
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

// src/cli/text-table.ts
function textTable(header, rows) {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)));
  return [header, ...rows].map(
    (cells) => cells.map((cell, i) => i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)).join("  ")
  ).join("\n");
}

// src/cli/admin-commands.ts
var dbOption = {
  db: { type: "string", description: "SQLite file (default $OUTDIAL_DB_PATH or ./.outdial/outdial.db)" }
};
var orgOption = {
  org: { type: "string", description: "The organization, by name or id (required)" }
};
var E164 = /^\+[1-9]\d{1,14}$/;
var MAX_NAME_LENGTH = 200;
var MAX_PHONE_NUMBERS = 50;
var MAX_LIVEKIT_ID_LENGTH = 128;
async function withDatabase(values, work, migrate = true) {
  const path = values.db ?? loadEnvConfig().dbPath;
  let stores;
  try {
    stores = await openServerStores({ dbPath: path, migrate });
  } catch (error) {
    throw new Error(`cannot open the database ${path}: ${error instanceof Error ? error.message : error}`);
  }
  try {
    return await work(stores);
  } finally {
    await stores.close();
  }
}
var withAdmin = (values, work) => withDatabase(
  values,
  (stores) => work(
    adminOperations({
      organizations: stores.organizations,
      apiKeys: new ApiKeyService({ apiKeys: stores.apiKeys }),
      agents: new AgentService({ agents: stores.agents })
    })
  )
);
function required(values, name) {
  const value = values[name];
  if (typeof value !== "string" || value === "") throw new UsageError(`--${name} is required`);
  return value;
}
var migrateCommand = {
  path: ["migrate"],
  usage: "migrate [--db <path>]",
  summary: "Brings the database schema up to date (serve also does this on start).",
  options: { ...dbOption },
  async run(values) {
    const applied = await withDatabase(values, (stores) => stores.migrateToLatest(), false);
    console.log(applied.length > 0 ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
    return 0;
  }
};
var orgsCreateCommand = {
  path: ["orgs", "create"],
  usage: "orgs create <name> [--db <path>]",
  summary: "Creates an organization. Names are unique.",
  options: { ...dbOption },
  allowPositionals: true,
  async run(values, positionals) {
    const name = positionals.join(" ").trim();
    if (!name) throw new UsageError("the organization name is required");
    const org = await withAdmin(values, (admin) => admin.createOrganization(name));
    console.log(`Created organization "${org.name}" (${org.id})`);
    return 0;
  }
};
var orgsListCommand = {
  path: ["orgs", "list"],
  usage: "orgs list [--db <path>]",
  summary: "Lists the organizations, oldest first.",
  options: { ...dbOption },
  async run(values) {
    const orgs = await withAdmin(values, (admin) => admin.listOrganizations());
    console.log(
      orgs.length === 0 ? "No organizations yet: create one with `outdial orgs create <name>`." : textTable(
        ["ID", "NAME", "CREATED"],
        orgs.map((org) => [org.id, org.name, org.createdAt])
      )
    );
    return 0;
  }
};
var keysCreateCommand = {
  path: ["keys", "create"],
  usage: "keys create --org <name|id> [--db <path>]",
  summary: "Creates an API key and prints it once. Only its hash is stored, so it cannot be shown again.",
  options: { ...orgOption, ...dbOption },
  async run(values) {
    const org = required(values, "org");
    const key = await withAdmin(values, (admin) => admin.createApiKey(org));
    console.log(`API key (shown once, store it now): ${key.key}`);
    console.log(`Key id: ${key.id}  prefix: ${key.prefix}`);
    return 0;
  }
};
var keysListCommand = {
  path: ["keys", "list"],
  usage: "keys list --org <name|id> [--db <path>]",
  summary: "Lists an organization's API keys, revoked ones included. Each shows its id and first characters: the keys themselves are not stored.",
  options: { ...orgOption, ...dbOption },
  async run(values) {
    const org = required(values, "org");
    const keys = await withAdmin(values, (admin) => admin.listApiKeys(org));
    console.log(
      keys.length === 0 ? `No API keys yet: create one with \`outdial keys create --org ${org}\`.` : textTable(
        ["ID", "KEY", "CREATED", "REVOKED"],
        keys.map((key) => [key.id, `${key.prefix}\u2026`, key.createdAt, key.revokedAt ?? "-"])
      )
    );
    return 0;
  }
};
var keysRevokeCommand = {
  path: ["keys", "revoke"],
  usage: "keys revoke <key id> [--db <path>]",
  summary: "Revokes an API key. It stops authenticating at once, also on a running server; `keys list` shows the ids.",
  options: { ...dbOption },
  allowPositionals: true,
  async run(values, positionals) {
    if (positionals.length !== 1)
      throw new UsageError("give exactly one key id (`outdial keys list` shows them)");
    const id = positionals[0];
    const key = await withAdmin(values, (admin) => admin.revokeApiKey(id));
    console.log(
      key.alreadyRevoked ? `API key ${key.id} (${key.prefix}\u2026) was already revoked at ${key.revokedAt}.` : `Revoked API key ${key.id} (${key.prefix}\u2026): it no longer authenticates.`
    );
    return 0;
  }
};
var agentsCreateCommand = {
  path: ["agents", "create"],
  usage: "agents create --org <name|id> --name <name> --phone <E.164> [--phone \u2026] [--type voice|chat] [--inactive] [--livekit-agent-name <name>] [--sip-trunk-id <id>] [--db <path>]",
  summary: "Creates an agent. Its first phone number is the default caller ID. --org and --name are required, and a voice agent (the default type) needs at least one --phone to call from; a chat agent needs none.",
  options: {
    ...orgOption,
    name: { type: "string", description: `The agent name, 1 to ${MAX_NAME_LENGTH} characters (required)` },
    phone: {
      type: "string",
      multiple: true,
      description: "A caller ID in E.164 (+14155551234); repeat for several (required for a voice agent)"
    },
    type: { type: "string", description: "voice (default) or chat" },
    inactive: { type: "boolean", description: "Create it inactive (it cannot place calls)" },
    "livekit-agent-name": { type: "string", description: "The LiveKit agent worker to dispatch" },
    "sip-trunk-id": { type: "string", description: "The LiveKit outbound SIP trunk" },
    ...dbOption
  },
  async run(values) {
    const org = required(values, "org");
    const name = required(values, "name");
    if (name.length > MAX_NAME_LENGTH)
      throw new UsageError(`--name must be 1 to ${MAX_NAME_LENGTH} characters`);
    const type = values.type ?? "voice";
    if (type !== "voice" && type !== "chat")
      throw new UsageError(`--type must be voice or chat, got "${type}"`);
    const phoneNumbers = values.phone ?? [];
    const bad = phoneNumbers.find((p) => !E164.test(p));
    if (bad) throw new UsageError(`--phone must be in E.164 format (+1234567890), got "${bad}"`);
    if (new Set(phoneNumbers).size !== phoneNumbers.length)
      throw new UsageError("--phone numbers must be distinct");
    if (phoneNumbers.length > MAX_PHONE_NUMBERS)
      throw new UsageError(`an agent has at most ${MAX_PHONE_NUMBERS} phone numbers`);
    if (type === "voice" && phoneNumbers.length === 0) {
      throw new UsageError(
        "a voice agent needs at least one --phone <E.164> to call from (calls are placed from its numbers)"
      );
    }
    const livekitAgentName = values["livekit-agent-name"];
    const sipTrunkId = values["sip-trunk-id"];
    for (const [flag, value] of [
      ["livekit-agent-name", livekitAgentName],
      ["sip-trunk-id", sipTrunkId]
    ]) {
      if (value !== void 0 && (value === "" || value.length > MAX_LIVEKIT_ID_LENGTH))
        throw new UsageError(`--${flag} must be 1 to ${MAX_LIVEKIT_ID_LENGTH} characters`);
    }
    const agent = await withAdmin(
      values,
      (admin) => admin.createAgent(org, {
        name,
        type,
        status: values.inactive ? "inactive" : "active",
        phoneNumbers,
        ...livekitAgentName ? { livekitAgentName } : {},
        ...sipTrunkId ? { sipTrunkId } : {}
      })
    );
    console.log(`Created ${agent.status} ${agent.type} agent "${agent.name}" (${agent.id})`);
    return 0;
  }
};
var agentsListCommand = {
  path: ["agents", "list"],
  usage: "agents list --org <name|id> [--db <path>]",
  summary: "Lists an organization's agents, oldest first.",
  options: { ...orgOption, ...dbOption },
  async run(values) {
    const org = required(values, "org");
    const agents = await withAdmin(values, (admin) => admin.listAgents(org));
    console.log(
      agents.length === 0 ? `No agents yet: create one with \`outdial agents create --org ${org} --name <name> --phone <E.164>\`.` : textTable(
        ["ID", "NAME", "TYPE", "STATUS", "PHONE NUMBERS"],
        agents.map((a) => [a.id, a.name, a.type, a.status, a.phoneNumbers.join(", ") || "-"])
      )
    );
    return 0;
  }
};

// src/cli/demo-setup.ts
import { existsSync, readFileSync, writeFileSync } from "fs";
import { dirname, join } from "path";
var DEMO_ORGANIZATION = "Demo organization";
var DEMO_CALLER_ID = "+14155551234";
function demoFilePath(dbPath) {
  return dbPath === ":memory:" ? void 0 : join(dirname(dbPath), "demo.json");
}
async function ensureDemoData(server, file) {
  const saved = file && existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : void 0;
  if (saved && await isStillValid(server, saved)) return saved;
  const organization = (await server.admin.listOrganizations()).find((o) => o.name === DEMO_ORGANIZATION) ?? await server.admin.createOrganization(DEMO_ORGANIZATION);
  const { key } = await server.admin.createApiKey(organization.id);
  const agent = await server.admin.createAgent(organization.id, {
    name: "Demo voice agent",
    phoneNumbers: [DEMO_CALLER_ID]
  });
  const demo = { organizationId: organization.id, apiKey: key, agentId: agent.id };
  if (file) writeFileSync(file, `${JSON.stringify(demo, null, 2)}
`, { mode: 384 });
  return demo;
}
async function isStillValid(server, demo) {
  const response = await fetch(`${server.url}/api/v1/agents/${encodeURIComponent(demo.agentId)}`, {
    headers: { "x-api-key": demo.apiKey }
  });
  await response.body?.cancel();
  if (response.status !== 200) return false;
  return (await server.admin.listAgents(demo.organizationId)).some((agent) => agent.id === demo.agentId);
}
function demoBanner(url, demo, file) {
  return [
    "",
    `Outdial is listening on ${url} (LiveKit emulated in-process: no real calls are placed).`,
    `API reference: ${url}/docs`,
    "",
    `  Organization: ${demo.organizationId}`,
    `  API key:      ${demo.apiKey}`,
    `  Agent:        ${demo.agentId}`,
    file ? `  (only the key's hash is in the database; the key is kept in ${file} so it can be shown again)` : "",
    "",
    "Place a call:",
    `  curl -s -X POST ${url}/api/v1/calls/outbound \\`,
    `    -H 'x-api-key: ${demo.apiKey}' -H 'content-type: application/json' \\`,
    `    -d '{"agentId":"${demo.agentId}","phoneNumber":"+14155552671"}'`,
    "",
    "Then watch it go from queued to completed (use the id from the answer):",
    `  curl -s ${url}/api/v1/calls/<call id> -H 'x-api-key: ${demo.apiKey}'`,
    "",
    "Run the examples against it (from the repository root):",
    `  export OUTDIAL_BASE_URL=${url} OUTDIAL_API_KEY=${demo.apiKey} OUTDIAL_AGENT_ID=${demo.agentId}`,
    "  node --import tsx examples/quickstart.ts",
    ""
  ].filter((line, i, lines) => line !== "" || lines[i - 1] !== "").join("\n");
}

// src/cli/loopback-host.ts
import { isIPv4, isIPv6 } from "net";
function isLoopbackHost(host) {
  const bare = host.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  if (bare === "localhost") return true;
  if (isIPv4(bare)) return bare.startsWith("127.");
  return isIPv6(bare) && new URL(`http://[${bare}]`).hostname === "[::1]";
}

// src/cli/serve-command.ts
var LIVEKIT_NOT_CONFIGURED_WARNING = 'LiveKit is not configured (set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET, or pass --emulate-livekit to use the built-in emulator): POST /api/v1/calls/outbound answers 500 livekit_not_configured, so no call is queued or dialed, and /readyz answers 503 with livekit "not_configured".';
var serveCommand = {
  path: ["serve"],
  usage: "serve [--port <port>] [--host <host>] [--db <path>] [--emulate-livekit [--allow-public-emulator]]",
  summary: "Runs the Calls API and the Dial queue. Configuration comes from the environment (PORT, HOST, OUTDIAL_DB_PATH, LIVEKIT_*, DIAL_CPS, DIAL_MAX_IN_FLIGHT, DIAL_GUARD_BAND_MS, OUTDIAL_RATE_LIMIT, OUTDIAL_CORS_ORIGINS, OUTDIAL_METRICS, OUTDIAL_METRICS_PORT, LOG_LEVEL); flags win over it.",
  options: {
    port: { type: "string", description: "Port to listen on (default $PORT or 3000; 0 picks one)" },
    host: { type: "string", description: "Interface to bind (default $HOST or 127.0.0.1)" },
    db: { type: "string", description: "SQLite file (default $OUTDIAL_DB_PATH or ./.outdial/outdial.db)" },
    "emulate-livekit": {
      type: "boolean",
      description: "Run the LiveKit emulator in-process and create demo data (no real calls)"
    },
    "allow-public-emulator": {
      type: "boolean",
      description: "Allow --emulate-livekit on a host other than localhost, 127.0.0.0/8 or ::1"
    }
  },
  async run(values) {
    const config = loadEnvConfig();
    const port = values.port === void 0 ? config.port : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError("--port must be 0 to 65535");
    const host = values.host ?? config.host;
    const dbPath = values.db ?? config.dbPath;
    const emulate = values["emulate-livekit"] === true;
    if (emulate && !isLoopbackHost(host) && values["allow-public-emulator"] !== true) {
      throw new UsageError(
        `--emulate-livekit only binds to localhost, 127.0.0.0/8 or ::1 (got host "${host}"): the emulator is a fake telephony backend and the demo API key is printed, so anyone who can reach the port could use both. Pass --allow-public-emulator to bind it there anyway.`
      );
    }
    const { startServer } = await import("./start-server-7UTOY2VT.js");
    const starting = startServer({
      port,
      host,
      dbPath,
      livekit: emulate ? "emulate" : config.livekit,
      dialCps: config.dialCps,
      dialMaxInFlight: config.dialMaxInFlight,
      dialGuardBandMs: config.dialGuardBandMs,
      rateLimit: config.rateLimitPerMinute > 0 ? { windowMs: 6e4, limit: config.rateLimitPerMinute } : false,
      corsOrigins: config.corsOrigins,
      metrics: config.metrics,
      ...config.metricsPort === null ? {} : { metricsPort: config.metricsPort },
      logLevel: config.logLevel
    });
    let signals = 0;
    const shutDown = (signal) => {
      signals += 1;
      if (signals > 1) process.exit(1);
      console.error(`${signal}: shutting down (in-flight dials settle; queued calls stay queued)\u2026`);
      starting.then((server2) => server2.close()).then(
        () => process.exit(0),
        (error) => {
          console.error(error);
          process.exit(1);
        }
      );
    };
    process.on("SIGTERM", shutDown);
    process.on("SIGINT", shutDown);
    const server = await starting;
    if (emulate) {
      const file = demoFilePath(dbPath);
      console.log(demoBanner(server.url, await ensureDemoData(server, file), file));
    } else if (!config.livekit) {
      console.warn(LIVEKIT_NOT_CONFIGURED_WARNING);
    }
    return void 0;
  }
};

// src/cli/run-cli.ts
var COMMANDS = [
  serveCommand,
  migrateCommand,
  orgsCreateCommand,
  orgsListCommand,
  keysCreateCommand,
  keysListCommand,
  keysRevokeCommand,
  agentsCreateCommand,
  agentsListCommand
];
var GROUPS = new Set(COMMANDS.filter((c) => c.path.length > 1).map((c) => c.path[0]));
function commandMenu(usage, commands, more) {
  return [
    `Usage: outdial ${usage}`,
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.path.join(" ").padEnd(16)}${c.summary.split(". ")[0]?.replace(/\.$/, "")}`),
    "",
    `Run \`outdial ${more} --help\` for its options.`
  ].join("\n");
}
var overview = () => commandMenu("<command> [options]", COMMANDS, "<command>");
var groupMenu = (group) => commandMenu(
  `${group} <command> [options]`,
  COMMANDS.filter((c) => c.path[0] === group && c.path.length > 1),
  `${group} <command>`
);
async function runCli(argv) {
  const command = COMMANDS.find((c) => c.path.every((word, i) => argv[i] === word));
  if (!command) return noSuchCommand(argv);
  try {
    const { values, positionals } = parseCommandArgs(command, argv.slice(command.path.length));
    if (values.help) {
      console.log(helpText(command));
      return 0;
    }
    return await command.run(values, positionals);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`outdial ${command.path.join(" ")}: ${error.message}

${helpText(command)}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 78;
    }
    console.error(
      `outdial ${command.path.join(" ")}: ${error instanceof Error ? error.message : String(error)}`
    );
    return 1;
  }
}
function noSuchCommand(argv) {
  const firstOption = argv.findIndex((arg) => arg.startsWith("-"));
  const words = firstOption === -1 ? argv : argv.slice(0, firstOption);
  const askedHelp = ["--help", "-h"].includes(argv[words.length] ?? "");
  const group = words[0] !== void 0 && GROUPS.has(words[0]) ? words[0] : void 0;
  const menu = group ? groupMenu(group) : overview();
  if (words.length === 0 && (argv.length === 0 || askedHelp)) return print(console.log, menu, 0);
  if (words.length === 1 && words[0] === "help") return print(console.log, menu, 0);
  if (group && words.length === 1)
    return askedHelp ? print(console.log, menu, 0) : print(console.error, menu, 2);
  const unknown = words.length > 0 ? `Unknown command: outdial ${words.join(" ")}` : `Unknown option: ${argv[0]}`;
  return print(console.error, `${unknown}

${menu}`, 2);
}
function print(write, text, code) {
  write(text);
  return code;
}
export {
  runCli
};
//# sourceMappingURL=run-cli-NCTJGIHJ.js.map