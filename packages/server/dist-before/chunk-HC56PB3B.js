import {
  __export
} from "./chunk-PZ5AY32C.js";

// src/ports/clock.ts
var wallClock = { now: () => /* @__PURE__ */ new Date() };
var monotonicClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))
};

// src/agents/agent-service.ts
import { apiError, encodePageCursor } from "@outdial/contract";

// src/store/ids.ts
import { randomInt, randomUUID } from "crypto";
import { prefixedUlidFactory } from "@outdial/contract";
var BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
var ulid = prefixedUlidFactory();
var newCallId = () => ulid("call_");
var newOrganizationId = () => ulid("org_");
var newApiKeyId = () => ulid("key_");
var newAgentId = () => randomUUID();
function newApiKeySecret() {
  let key = "od_";
  for (let i = 0; i < 32; i++) key += BASE62[randomInt(62)];
  return key;
}

// src/agents/agent-resource.ts
function agentPhoneNumbers(agent) {
  return JSON.parse(agent.phone_numbers);
}
function toAgentResource(row) {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    status: row.status,
    phoneNumbers: agentPhoneNumbers(row),
    livekitAgentName: row.livekit_agent_name,
    sipTrunkId: row.sip_trunk_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  };
}

// src/agents/agent-service.ts
var AgentService = class {
  #agents;
  #clock;
  constructor(deps) {
    this.#agents = deps.agents;
    this.#clock = deps.clock ?? wallClock;
  }
  async create(organizationId, input) {
    const now = this.#clock.now().toISOString();
    const row = await this.#agents.insert({
      id: newAgentId(),
      organization_id: organizationId,
      name: input.name,
      type: input.type ?? "voice",
      status: input.status ?? "active",
      phone_numbers: JSON.stringify(input.phoneNumbers ?? []),
      livekit_agent_name: input.livekitAgentName ?? null,
      sip_trunk_id: input.sipTrunkId ?? null,
      created_at: now,
      updated_at: now
    });
    return toAgentResource(row);
  }
  /** Newest first. */
  async list(organizationId, page) {
    const rows = await this.#agents.list(organizationId, page);
    const agents = rows.slice(0, page.limit);
    const last = agents.at(-1);
    const hasMore = rows.length > page.limit;
    return {
      agents: agents.map(toAgentResource),
      pagination: {
        limit: page.limit,
        hasMore,
        nextCursor: hasMore && last ? encodePageCursor({ t: last.created_at, i: last.id }) : null
      }
    };
  }
  /** Every agent of the organization, oldest first (the CLI's listing, which does not page). */
  async listAll(organizationId) {
    return (await this.#agents.listAll(organizationId)).map(toAgentResource);
  }
  async get(organizationId, agentId) {
    const row = await this.#agents.find(organizationId, agentId);
    if (!row) throw apiError("agent_not_found");
    return toAgentResource(row);
  }
  async update(organizationId, agentId, input) {
    const patch = { updated_at: this.#clock.now().toISOString() };
    if (input.name !== void 0) patch.name = input.name;
    if (input.type !== void 0) patch.type = input.type;
    if (input.status !== void 0) patch.status = input.status;
    if (input.phoneNumbers !== void 0) patch.phone_numbers = JSON.stringify(input.phoneNumbers);
    if (input.livekitAgentName !== void 0) patch.livekit_agent_name = input.livekitAgentName;
    if (input.sipTrunkId !== void 0) patch.sip_trunk_id = input.sipTrunkId;
    const row = await this.#agents.update(organizationId, agentId, patch);
    if (!row) throw apiError("agent_not_found");
    return toAgentResource(row);
  }
  /** Its calls keep the agent's name and type. */
  async delete(organizationId, agentId) {
    if (!await this.#agents.delete(organizationId, agentId)) throw apiError("agent_not_found");
    return { id: agentId, deleted: true };
  }
};

// src/api-keys/api-key-service.ts
import { createHash, timingSafeEqual } from "crypto";
var VISIBLE_PREFIX_LENGTH = 8;
var sha256Hex = (value) => createHash("sha256").update(value, "utf8").digest("hex");
var ApiKeyService = class {
  #keys;
  #clock;
  constructor(deps) {
    this.#keys = deps.apiKeys;
    this.#clock = deps.clock ?? wallClock;
  }
  async create(organizationId) {
    const key = newApiKeySecret();
    const row = {
      id: newApiKeyId(),
      organization_id: organizationId,
      prefix: key.slice(0, VISIBLE_PREFIX_LENGTH),
      key_hash: sha256Hex(key),
      created_at: this.#clock.now().toISOString(),
      revoked_at: null
    };
    await this.#keys.insert(row);
    return { id: row.id, key, prefix: row.prefix };
  }
  /**
   * The owner of `key`, or undefined when the key is unknown or revoked. The row is found by the
   * key's hash; the hashes are then compared in constant time so the check itself leaks nothing
   * about how much of a guess was right.
   */
  async findOwner(key) {
    if (key.length === 0 || key.length > 256) return void 0;
    const hash = sha256Hex(key);
    const row = await this.#keys.findActiveByHash(hash);
    if (!row) return void 0;
    const stored = Buffer.from(row.key_hash, "hex");
    const given = Buffer.from(hash, "hex");
    if (stored.length !== given.length || !timingSafeEqual(stored, given)) return void 0;
    return { apiKeyId: row.id, organizationId: row.organization_id };
  }
  /** Revoked keys included, oldest first. Rows hold no secret, only its hash. */
  list(organizationId) {
    return this.#keys.list(organizationId);
  }
  /**
   * {@link findOwner} stops finding the key at once. Revoking again keeps the first `revoked_at`.
   * @returns the key's row and whether it was revoked already, or undefined for an unknown id
   */
  async revoke(apiKeyId) {
    const now = this.#clock.now().toISOString();
    const row = await this.#keys.revoke(apiKeyId, now);
    return row && { row, alreadyRevoked: row.revoked_at !== now };
  }
};

// src/server/admin-operations.ts
var toApiKeySummary = (row) => ({
  id: row.id,
  organizationId: row.organization_id,
  prefix: row.prefix,
  createdAt: row.created_at,
  revokedAt: row.revoked_at
});
function adminOperations({
  organizations,
  apiKeys,
  agents,
  clock = wallClock
}) {
  const organizationId = async (idOrName) => {
    const organization = await organizations.findById(idOrName) ?? await organizations.findByName(idOrName);
    if (!organization) throw new Error(`No organization with id or name "${idOrName}"`);
    return organization.id;
  };
  return {
    async createOrganization(name) {
      const row = { id: newOrganizationId(), name, created_at: clock.now().toISOString() };
      const created = await organizations.create(row);
      if (!created) throw new Error(`An organization named "${name}" already exists`);
      return { id: created.id, name };
    },
    async listOrganizations() {
      const rows = await organizations.list();
      return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at }));
    },
    async createApiKey(organizationIdOrName) {
      return apiKeys.create(await organizationId(organizationIdOrName));
    },
    async listApiKeys(organizationIdOrName) {
      return (await apiKeys.list(await organizationId(organizationIdOrName))).map(toApiKeySummary);
    },
    async revokeApiKey(apiKeyId) {
      const revoked = await apiKeys.revoke(apiKeyId);
      if (!revoked) throw new Error(`No API key with id "${apiKeyId}"`);
      return { ...toApiKeySummary(revoked.row), alreadyRevoked: revoked.alreadyRevoked };
    },
    async createAgent(organizationIdOrName, input) {
      return agents.create(await organizationId(organizationIdOrName), input);
    },
    async listAgents(organizationIdOrName) {
      return agents.listAll(await organizationId(organizationIdOrName));
    }
  };
}

// src/server/open-server-stores.ts
import { mkdirSync } from "fs";
import { dirname } from "path";

// src/store/sqlite/open-sqlite-database.ts
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { Migrator } from "kysely/migration";

// src/store/sqlite/migrations/0001-initial-schema.ts
var initial_schema_exports = {};
__export(initial_schema_exports, {
  down: () => down,
  up: () => up
});
import { sql } from "kysely";
async function up(db) {
  await db.schema.createTable("organizations").addColumn("id", "text", (c) => c.primaryKey()).addColumn("name", "text", (c) => c.notNull().unique()).addColumn("created_at", "text", (c) => c.notNull()).execute();
  await db.schema.createTable("api_keys").addColumn("id", "text", (c) => c.primaryKey()).addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id")).addColumn("prefix", "text", (c) => c.notNull()).addColumn("key_hash", "text", (c) => c.notNull().unique()).addColumn("created_at", "text", (c) => c.notNull()).addColumn("revoked_at", "text").execute();
  await db.schema.createTable("agents").addColumn("id", "text", (c) => c.primaryKey()).addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id")).addColumn("name", "text", (c) => c.notNull()).addColumn("type", "text", (c) => c.notNull()).addColumn("status", "text", (c) => c.notNull()).addColumn("phone_numbers", "text", (c) => c.notNull()).addColumn("livekit_agent_name", "text").addColumn("sip_trunk_id", "text").addColumn("created_at", "text", (c) => c.notNull()).addColumn("updated_at", "text", (c) => c.notNull()).execute();
  await db.schema.createIndex("agents_by_organization").on("agents").columns(["organization_id", "created_at", "id"]).execute();
  await db.schema.createTable("calls").addColumn("seq", "integer", (c) => c.primaryKey().autoIncrement()).addColumn("id", "text", (c) => c.notNull().unique()).addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id")).addColumn("agent_id", "text", (c) => c.notNull()).addColumn("agent_name", "text", (c) => c.notNull()).addColumn("agent_type", "text", (c) => c.notNull()).addColumn("phone_number", "text", (c) => c.notNull()).addColumn("caller_id", "text", (c) => c.notNull()).addColumn("status", "text", (c) => c.notNull()).addColumn("priority", "integer", (c) => c.notNull()).addColumn("ring_timeout_seconds", "integer", (c) => c.notNull()).addColumn("max_duration_seconds", "integer").addColumn("metadata", "text", (c) => c.notNull()).addColumn("variables", "text", (c) => c.notNull()).addColumn("room_id", "text").addColumn("job_id", "text").addColumn("sip_participant_id", "text").addColumn("failure_reason", "text").addColumn("summary", "text").addColumn("started_at", "text", (c) => c.notNull()).addColumn("answered_at", "text").addColumn("ended_at", "text").addColumn("duration", "integer").addColumn("updated_at", "text", (c) => c.notNull()).execute();
  await db.schema.createIndex("calls_by_organization_started").on("calls").columns(["organization_id", "started_at", "id"]).execute();
  await db.schema.createIndex("calls_dial_order").on("calls").columns(["status", "priority", "seq"]).execute();
  await db.schema.createIndex("calls_by_room").on("calls").column("room_id").execute();
  await db.schema.createTable("call_events").addColumn("id", "integer", (c) => c.primaryKey().autoIncrement()).addColumn("call_id", "text", (c) => c.notNull()).addColumn("from_status", "text").addColumn("to_status", "text", (c) => c.notNull()).addColumn("at", "text", (c) => c.notNull()).addColumn("details", "text", (c) => c.notNull().defaultTo(sql`'{}'`)).execute();
  await db.schema.createIndex("call_events_by_call").on("call_events").columns(["call_id", "id"]).execute();
  await db.schema.createTable("idempotency_records").addColumn("organization_id", "text", (c) => c.notNull()).addColumn("key", "text", (c) => c.notNull()).addColumn("request_hash", "text", (c) => c.notNull()).addColumn("state", "text", (c) => c.notNull()).addColumn("response_status", "integer").addColumn("response_body", "text").addColumn("call_id", "text").addColumn("created_at", "text", (c) => c.notNull()).addColumn("expires_at", "text", (c) => c.notNull()).addPrimaryKeyConstraint("idempotency_records_pk", ["organization_id", "key"]).execute();
  await db.schema.createIndex("idempotency_by_expiry").on("idempotency_records").column("expires_at").execute();
}
async function down(db) {
  for (const table of [
    "idempotency_records",
    "call_events",
    "calls",
    "agents",
    "api_keys",
    "organizations"
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

// src/store/sqlite/migrations/0002-call-cancellation.ts
var call_cancellation_exports = {};
__export(call_cancellation_exports, {
  up: () => up2
});
async function up2(db) {
  await db.schema.alterTable("calls").addColumn("cancellation", "text").execute();
}

// src/store/sqlite/migrations/0003-health-probe.ts
var health_probe_exports = {};
__export(health_probe_exports, {
  up: () => up3
});
async function up3(db) {
  await db.schema.createTable("health_probe").addColumn("id", "integer", (c) => c.primaryKey()).addColumn("at", "text", (c) => c.notNull()).execute();
}

// src/store/sqlite/migrations/index.ts
var migrationProvider = {
  async getMigrations() {
    return {
      "0001-initial-schema": initial_schema_exports,
      "0002-call-cancellation": call_cancellation_exports,
      "0003-health-probe": health_probe_exports
    };
  }
};

// src/store/sqlite/statement-cache.ts
var BEGIN_IMMEDIATE = "begin immediate";
function withStatementCache(sqlite, maxStatements = 500) {
  const statements = /* @__PURE__ */ new Map();
  return {
    close: () => sqlite.close(),
    prepare(query) {
      const sql3 = query === "begin" ? BEGIN_IMMEDIATE : query;
      let statement = statements.get(sql3);
      if (statement) {
        statements.delete(sql3);
      } else {
        statement = sqlite.prepare(sql3);
        if (statements.size >= maxStatements) statements.delete(statements.keys().next().value);
      }
      statements.set(sql3, statement);
      return statement;
    }
  };
}

// src/store/sqlite/open-sqlite-database.ts
async function openSqliteDatabase({
  path,
  migrate = true,
  busyTimeoutMs = 5e3
}) {
  const sqlite = new SQLite(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  const db = new Kysely({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  if (migrate) await migrateToLatest(db);
  return db;
}
async function migrateToLatest(db) {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

// src/store/sqlite/sqlite-agent-store.ts
var SqliteAgentStore = class {
  constructor(db) {
    this.db = db;
  }
  db;
  insert(agent) {
    return this.db.insertInto("agents").values(agent).returningAll().executeTakeFirstOrThrow();
  }
  find(organizationId, agentId) {
    return this.db.selectFrom("agents").selectAll().where("id", "=", agentId).where("organization_id", "=", organizationId).executeTakeFirst();
  }
  list(organizationId, { limit, after }) {
    let query = this.db.selectFrom("agents").selectAll().where("organization_id", "=", organizationId);
    if (after) {
      query = query.where(
        (eb) => eb.or([
          eb("created_at", "<", after.t),
          eb.and([eb("created_at", "=", after.t), eb("id", "<", after.i)])
        ])
      );
    }
    return query.orderBy("created_at", "desc").orderBy("id", "desc").limit(limit + 1).execute();
  }
  listAll(organizationId) {
    return this.db.selectFrom("agents").selectAll().where("organization_id", "=", organizationId).orderBy("created_at").orderBy("id").execute();
  }
  update(organizationId, agentId, patch) {
    return this.db.updateTable("agents").set(patch).where("id", "=", agentId).where("organization_id", "=", organizationId).returningAll().executeTakeFirst();
  }
  async delete(organizationId, agentId) {
    const result = await this.db.deleteFrom("agents").where("id", "=", agentId).where("organization_id", "=", organizationId).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
};

// src/store/sqlite/sqlite-api-key-store.ts
var SqliteApiKeyStore = class {
  constructor(db) {
    this.db = db;
  }
  db;
  async insert(key) {
    await this.db.insertInto("api_keys").values(key).execute();
  }
  findActiveByHash(keyHash) {
    return this.db.selectFrom("api_keys").selectAll().where("key_hash", "=", keyHash).where("revoked_at", "is", null).executeTakeFirst();
  }
  list(organizationId) {
    return this.db.selectFrom("api_keys").selectAll().where("organization_id", "=", organizationId).orderBy("created_at").orderBy("id").execute();
  }
  revoke(apiKeyId, at) {
    return this.db.updateTable("api_keys").set((eb) => ({ revoked_at: eb.fn.coalesce("revoked_at", eb.val(at)) })).where("id", "=", apiKeyId).returningAll().executeTakeFirst();
  }
};

// src/store/call-transitions.ts
import { channel } from "diagnostics_channel";
import { allowedSourcesOf } from "@outdial/contract";
var CALL_TRANSITION_CHANNEL = "outdial:call:transition";
var transitioned = channel(CALL_TRANSITION_CHANNEL);
function transitionSources(to, from) {
  return allowedSourcesOf(to).filter((status) => !from || from.includes(status));
}
function publishCallTransition(message) {
  if (transitioned.hasSubscribers) transitioned.publish(message);
}

// src/store/sqlite/sqlite-call-store.ts
var IDS_PER_QUERY = 500;
var SqliteCallStore = class {
  /** @param clock stamps transitions that bring no `now` of their own */
  constructor(db, clock = wallClock) {
    this.db = db;
    this.clock = clock;
  }
  db;
  clock;
  insertInitiated(call, idempotencyKey) {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.insertInto("calls").values({ ...call, status: "initiated" }).returningAll().executeTakeFirstOrThrow();
      await trx.insertInto("call_events").values({
        call_id: row.id,
        from_status: null,
        to_status: "initiated",
        at: row.started_at,
        details: "{}"
      }).execute();
      if (idempotencyKey) {
        await trx.updateTable("idempotency_records").set({ call_id: row.id }).where("organization_id", "=", idempotencyKey.organizationId).where("key", "=", idempotencyKey.key).execute();
      }
      return row;
    });
  }
  find(callId) {
    return this.db.selectFrom("calls").selectAll().where("id", "=", callId).executeTakeFirst();
  }
  list(organizationId, filters, { limit, after }) {
    let query = this.db.selectFrom("calls").selectAll().where("organization_id", "=", organizationId);
    if (filters.agentId) query = query.where("agent_id", "=", filters.agentId);
    if (filters.statuses && filters.statuses.length > 0)
      query = query.where("status", "in", filters.statuses);
    if (filters.phoneNumber) query = query.where("phone_number", "=", filters.phoneNumber);
    if (filters.startDate) query = query.where("started_at", ">=", filters.startDate);
    if (filters.endDate) query = query.where("started_at", "<=", filters.endDate);
    if (after) {
      query = query.where(
        (eb) => eb.or([
          eb("started_at", "<", after.t),
          eb.and([eb("started_at", "=", after.t), eb("id", "<", after.i)])
        ])
      );
    }
    return query.orderBy("started_at", "desc").orderBy("id", "desc").limit(limit + 1).execute();
  }
  async queuePosition(call) {
    const { ahead } = await this.db.selectFrom("calls").select((eb) => eb.fn.countAll().as("ahead")).where("status", "=", "queued").where(
      (eb) => eb.or([
        eb("priority", "<", call.priority),
        eb.and([eb("priority", "=", call.priority), eb("seq", "<", call.seq)])
      ])
    ).executeTakeFirstOrThrow();
    return Number(ahead) + 1;
  }
  async transition(callId, to, { patch = {}, details = {}, from, now = this.clock.now() } = {}) {
    const sources = transitionSources(to, from);
    if (sources.length === 0) return void 0;
    const at = now.toISOString();
    let previous;
    const written = await this.db.transaction().execute(async (trx) => {
      const current = await trx.selectFrom("calls").select("status").where("id", "=", callId).executeTakeFirst();
      if (!current || !sources.includes(current.status)) return void 0;
      const updated = await trx.updateTable("calls").set({ ...patch, status: to, updated_at: at }).where("id", "=", callId).where("status", "=", current.status).returningAll().executeTakeFirst();
      if (!updated) return void 0;
      await trx.insertInto("call_events").values({
        call_id: callId,
        from_status: current.status,
        to_status: to,
        at,
        details: JSON.stringify(details)
      }).execute();
      previous = current.status;
      return updated;
    });
    if (written && previous)
      publishCallTransition({ calls: this, from: previous, to, call: written, details });
    return written;
  }
  events(callId) {
    return this.db.selectFrom("call_events").selectAll().where("call_id", "=", callId).orderBy("id").execute();
  }
  async statusesOf(callIds) {
    const rows = [];
    for (let i = 0; i < callIds.length; i += IDS_PER_QUERY) {
      rows.push(
        ...await this.db.selectFrom("calls").select(["id", "status"]).where("id", "in", callIds.slice(i, i + IDS_PER_QUERY)).execute()
      );
    }
    return rows;
  }
  async idsWithStatus(statuses) {
    if (statuses.length === 0) return [];
    const rows = await this.db.selectFrom("calls").select("id").where("status", "in", statuses).execute();
    return rows.map((row) => row.id);
  }
  async countByStatus(statuses) {
    const counts = Object.fromEntries(statuses.map((status) => [status, 0]));
    if (statuses.length === 0) return counts;
    const rows = await this.db.selectFrom("calls").select(["status", (eb) => eb.fn.countAll().as("calls")]).where("status", "in", statuses).groupBy("status").execute();
    for (const row of rows) counts[row.status] = Number(row.calls);
    return counts;
  }
};

// src/store/sqlite/sqlite-dial-backlog.ts
import { sql as sql2 } from "kysely";
var SqliteDialBacklog = class {
  constructor(db, calls) {
    this.db = db;
    this.calls = calls;
  }
  db;
  calls;
  queuedAfter(after, limit) {
    return this.db.selectFrom("calls").select(["id", "priority", "seq"]).where("status", "=", "queued").$if(
      after !== void 0,
      (qb) => qb.where(sql2`(priority, seq) > (${after?.priority}, ${after?.seq})`)
    ).orderBy("priority").orderBy("seq").limit(limit).execute();
  }
  claim(callId) {
    return this.calls.transition(callId, "connecting", {
      from: ["queued"],
      details: { source: "dial_queue" }
    });
  }
  async agentDialSettings(agentId) {
    const agent = await this.db.selectFrom("agents").select(["livekit_agent_name", "sip_trunk_id"]).where("id", "=", agentId).executeTakeFirst();
    return agent && { livekitAgentName: agent.livekit_agent_name, sipTrunkId: agent.sip_trunk_id };
  }
  async recordLiveKitIds(callId, ids, at) {
    await this.db.updateTable("calls").set({ ...ids, updated_at: at.toISOString() }).where("id", "=", callId).execute();
  }
  /**
   * Calls are grouped by agent first (a range of the `calls_dial_order` index), so the join to
   * agents runs once per agent, not once per queued call.
   */
  async depthByTrunk() {
    const byAgent = this.db.selectFrom("calls").select(["agent_id", "priority", (eb) => eb.fn.countAll().as("calls")]).where("status", "=", "queued").groupBy(["agent_id", "priority"]).as("queued");
    const rows = await this.db.selectFrom(byAgent).leftJoin("agents", "agents.id", "queued.agent_id").select([
      "agents.sip_trunk_id as sipTrunkId",
      "queued.priority as priority",
      (eb) => eb.fn.sum("queued.calls").as("calls")
    ]).groupBy(["agents.sip_trunk_id", "queued.priority"]).execute();
    return rows.map((row) => ({
      sipTrunkId: row.sipTrunkId,
      priority: row.priority,
      calls: Number(row.calls)
    }));
  }
};

// src/store/sqlite/sqlite-idempotency-store.ts
var SqliteIdempotencyStore = class {
  constructor(db) {
    this.db = db;
  }
  db;
  async claim(claim) {
    const { organization_id: organizationId, key } = claim;
    await this.db.deleteFrom("idempotency_records").where("organization_id", "=", organizationId).where("key", "=", key).where("expires_at", "<=", claim.created_at).execute();
    const inserted = await this.db.insertInto("idempotency_records").values({ ...claim, state: "in_progress", response_status: null, response_body: null, call_id: null }).onConflict((oc) => oc.columns(["organization_id", "key"]).doNothing()).returning("key").executeTakeFirst();
    if (inserted) return { claimed: true };
    const existing = await this.db.selectFrom("idempotency_records").selectAll().where("organization_id", "=", organizationId).where("key", "=", key).executeTakeFirst();
    if (!existing) return this.claim(claim);
    return { claimed: false, existing };
  }
  async complete(organizationId, key, response) {
    await this.db.updateTable("idempotency_records").set({
      state: "completed",
      response_status: response.status,
      response_body: JSON.stringify(response.body),
      call_id: response.callId
    }).where("organization_id", "=", organizationId).where("key", "=", key).execute();
  }
  async dropAbandoned(record) {
    await this.db.deleteFrom("idempotency_records").where("organization_id", "=", record.organization_id).where("key", "=", record.key).where("state", "=", "in_progress").where("created_at", "=", record.created_at).execute();
  }
  async release(organizationId, key) {
    await this.db.deleteFrom("idempotency_records").where("organization_id", "=", organizationId).where("key", "=", key).where("state", "=", "in_progress").execute();
  }
};

// src/store/sqlite/sqlite-organization-store.ts
var SqliteOrganizationStore = class {
  constructor(db) {
    this.db = db;
  }
  db;
  create(organization) {
    return this.db.insertInto("organizations").values(organization).onConflict((oc) => oc.column("name").doNothing()).returningAll().executeTakeFirst();
  }
  findById(id) {
    return this.db.selectFrom("organizations").selectAll().where("id", "=", id).executeTakeFirst();
  }
  findByName(name) {
    return this.db.selectFrom("organizations").selectAll().where("name", "=", name).executeTakeFirst();
  }
  list() {
    return this.db.selectFrom("organizations").selectAll().orderBy("created_at").orderBy("id").execute();
  }
};

// src/store/sqlite/sqlite-stores.ts
var SqliteStores = class {
  /**
   * @param db SQLite itself, for what has no port: the migrations, and tests arranging states no
   * request can reach (test/support/sqlite-server.ts). Nothing in the server reads it.
   * @param clock stamps call transitions that bring no time of their own
   */
  constructor(db, clock = wallClock) {
    this.db = db;
    this.organizations = new SqliteOrganizationStore(db);
    this.apiKeys = new SqliteApiKeyStore(db);
    this.agents = new SqliteAgentStore(db);
    this.calls = new SqliteCallStore(db, clock);
    this.idempotency = new SqliteIdempotencyStore(db);
    this.dialBacklog = new SqliteDialBacklog(db, this.calls);
  }
  db;
  organizations;
  apiKeys;
  agents;
  calls;
  idempotency;
  dialBacklog;
  async probeWritable(at) {
    await this.db.insertInto("health_probe").values({ id: 1, at: at.toISOString() }).onConflict((oc) => oc.column("id").doUpdateSet({ at: at.toISOString() })).execute();
  }
  migrateToLatest() {
    return migrateToLatest(this.db);
  }
  close() {
    return this.db.destroy();
  }
};
async function openSqliteStores(options) {
  return new SqliteStores(await openSqliteDatabase(options));
}

// src/server/open-server-stores.ts
function openServerStores(options = {}) {
  const path = options.dbPath ?? ":memory:";
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  return openSqliteStores({
    path,
    ...options.migrate === void 0 ? {} : { migrate: options.migrate },
    ...options.databaseBusyTimeoutMs === void 0 ? {} : { busyTimeoutMs: options.databaseBusyTimeoutMs }
  });
}

export {
  wallClock,
  monotonicClock,
  newCallId,
  agentPhoneNumbers,
  AgentService,
  ApiKeyService,
  adminOperations,
  CALL_TRANSITION_CHANNEL,
  openServerStores
};
//# sourceMappingURL=chunk-HC56PB3B.js.map