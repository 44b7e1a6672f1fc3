// src/config/env-config.ts
var ConfigError = class extends Error {
  constructor(problems) {
    super(`Invalid configuration:
${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.problems = problems;
    this.name = "ConfigError";
  }
  problems;
};
var LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];
function loadEnvConfig(env = process.env) {
  const problems = [];
  const integer = (name, fallback, min, max) => {
    const raw = env[name];
    if (raw === void 0 || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const text = (name) => env[name] === "" ? void 0 : env[name];
  const url = text("LIVEKIT_URL");
  const apiKey = text("LIVEKIT_API_KEY");
  const apiSecret = text("LIVEKIT_API_SECRET");
  let livekit = null;
  if (url || apiKey || apiSecret) {
    if (!url || !apiKey || !apiSecret) {
      const unset = Object.entries({
        LIVEKIT_URL: url,
        LIVEKIT_API_KEY: apiKey,
        LIVEKIT_API_SECRET: apiSecret
      }).filter(([, value]) => !value).map(([name]) => name);
      problems.push(
        `LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET must be set together (${unset.join(" and ")} ${unset.length > 1 ? "are" : "is"} not set)`
      );
    } else if (!/^(https?|wss?):\/\//.test(url)) {
      problems.push(`LIVEKIT_URL must be an http(s):// or ws(s):// URL (got "${url}")`);
    } else {
      const sipTrunkId = text("LIVEKIT_SIP_TRUNK_ID");
      const agentName = text("LIVEKIT_AGENT_NAME");
      livekit = {
        url,
        apiKey,
        apiSecret,
        ...sipTrunkId ? { sipTrunkId } : {},
        ...agentName ? { agentName } : {}
      };
    }
  }
  const logLevel = text("LOG_LEVEL") ?? "info";
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")} (got "${logLevel}")`);
  const corsOrigins = parseCorsOrigins(text("OUTDIAL_CORS_ORIGINS"), problems);
  const metrics = text("OUTDIAL_METRICS") ?? "false";
  if (metrics !== "true" && metrics !== "false")
    problems.push(`OUTDIAL_METRICS must be true or false (got "${metrics}")`);
  const metricsPort = text("OUTDIAL_METRICS_PORT") === void 0 ? null : integer("OUTDIAL_METRICS_PORT", 0, 1, 65535);
  if (metricsPort !== null && metrics !== "true")
    problems.push("OUTDIAL_METRICS_PORT is set but OUTDIAL_METRICS is not true");
  const config = {
    port: integer("PORT", 3e3, 0, 65535),
    host: text("HOST") ?? "127.0.0.1",
    dbPath: text("OUTDIAL_DB_PATH") ?? "./.outdial/outdial.db",
    livekit,
    dialCps: integer("DIAL_CPS", 10, 1, 1e4),
    dialMaxInFlight: integer("DIAL_MAX_IN_FLIGHT", 50, 1, 1e5),
    dialGuardBandMs: integer("DIAL_GUARD_BAND_MS", 15, 0, 1e3),
    rateLimitPerMinute: integer("OUTDIAL_RATE_LIMIT", 600, 0, 1e6),
    logLevel,
    corsOrigins,
    metrics: metrics === "true",
    metricsPort
  };
  if (metricsPort !== null && metricsPort === config.port)
    problems.push(`OUTDIAL_METRICS_PORT must differ from PORT (both ${metricsPort})`);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
function parseCorsOrigins(raw, problems) {
  const origins = (raw ?? "").split(",").map((origin) => origin.trim()).filter((origin) => origin !== "");
  if (origins.includes("*") && origins.length > 1) {
    problems.push(
      `OUTDIAL_CORS_ORIGINS: * allows every origin and cannot be combined with others (got "${raw}")`
    );
    return [];
  }
  const bad = origins.filter((origin) => origin !== "*" && !isOrigin(origin));
  for (const origin of bad) {
    problems.push(
      `OUTDIAL_CORS_ORIGINS must be * or comma-separated origins like https://app.example.com (scheme and host, optional port, no path) (got "${origin}")`
    );
  }
  return bad.length > 0 ? [] : origins;
}
function isOrigin(value) {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.origin === value;
  } catch {
    return false;
  }
}

export {
  ConfigError,
  loadEnvConfig
};
//# sourceMappingURL=chunk-6UGLVXQO.js.map