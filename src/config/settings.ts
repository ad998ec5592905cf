// The portal's settings: their names, defaults and validation. The only place that knows them.

export interface Config {
  /** TCP port the portal listens on. */
  port: number;
  /** Address the portal binds to. */
  host: string;
  /** Folder holding the SQLite file and uploaded files. */
  home: string;
  /** Public URL of the portal, used in absolute links. */
  baseUrl: string;
  /** PostgreSQL connection URL; when unset, the embedded SQLite file is used. */
  databaseUrl: string | null;
  /** The PostgreSQL schema holding the portal (created if missing). */
  databaseSchema: string;
  /** A read replica of that database, for dataset queries (null: the primary answers them). */
  databaseReplicaUrl: string | null;
  /** Fastify `trustProxy`: false, true, a hop count, or a list of addresses / CIDR ranges. */
  trustProxy: boolean | number | string[];
  /** Worker threads answering dataset queries. */
  readers: number;
  /** Serving processes on this machine (node:cluster, one port); 1: this process alone. */
  processes: number;
  /** Time limit of one dataset query, in milliseconds. */
  queryTimeoutMs: number;
  /** Mebibytes of query results kept in memory for identical queries; 0 keeps none. */
  resultCacheMb: number;
  /** Mebibytes of finished export files kept under DATAGORA_HOME/exports; 0 keeps none. */
  exportCacheMb: number;
  /** Exports smaller than this many kibibytes are not kept (rendering them again is cheap). */
  exportCacheMinKb: number;
  /** Log level: fatal, error, warn, info, debug, trace or silent. */
  logLevel: string;
  /** Load the bundled Alim'confiance demo into an empty portal at start. */
  demo: boolean;
  /** API calls per day and anonymous client address; 0 for no quota. */
  quotaAnonymousDaily: number;
  /** The portal's name, shown in feeds and catalog exports. */
  portalName: string;
  /** The site wears the French State's identity (Marianne block, "République française"). */
  stateIdentity: boolean;
  /** Other origins whose pages may post to the site (CSRF), `scheme://host[:port]` or `scheme://*.domain`. */
  csrfTrustedOrigins: string[];
  /** The portal counts its own anonymous audience (docs/statistics.md). */
  statistics: boolean;
  /** Months the audience counters are kept (at most 25, the CNIL's limit). */
  statisticsRetentionMonths: number;
  /** The largest file the back office accepts, uploaded or fetched from a URL, in bytes. */
  uploadMaxBytes: number;
  /** Time limit of fetching a remote dataset source, in milliseconds. */
  fetchTimeoutMs: number;
}

/** A setting that is wrong: the process stops with its name and the reason (exit code 2). */
export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    reason: string,
  ) {
    super(`Invalid setting ${setting}: ${reason}`);
    this.name = 'ConfigError';
  }
}

type Parser<T> = (raw: string, setting: string) => T;

export interface SettingSpec<K extends keyof Config> {
  key: K;
  /** Environment variable name; the config file uses the same names. */
  env: string;
  description: string;
  parse: Parser<Config[K]>;
}

export const parseInteger =
  (min: number, max: number): Parser<number> =>
  (raw, setting) => {
    if (!/^\d+$/.test(raw.trim())) throw new ConfigError(setting, `"${raw}" is not a whole number`);
    const value = Number(raw);
    if (value < min || value > max) {
      throw new ConfigError(setting, `${value} is outside ${min}–${max}`);
    }
    return value;
  };

export const parseBoolean: Parser<boolean> = (raw, setting) => {
  const value = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off', ''].includes(value)) return false;
  throw new ConfigError(setting, `"${raw}" is not a boolean (true or false)`);
};

export const parseNonEmpty: Parser<string> = (raw, setting) => {
  if (raw.trim() === '') throw new ConfigError(setting, 'it is empty');
  return raw.trim();
};

export const parseHttpUrl: Parser<string> = (raw, setting) => {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigError(setting, `"${raw}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(setting, `"${raw}" must start with http:// or https://`);
  }
  return url.href.replace(/\/$/, '');
};

export const parseDatabaseUrl: Parser<string | null> = (raw, setting) => {
  const value = raw.trim();
  if (value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(setting, 'it is not a URL (expected postgres://user@host:port/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(setting, 'only postgres:// and postgresql:// URLs are supported');
  }
  return value;
};

export const parseSchemaName: Parser<string> = (raw, setting) => {
  const value = raw.trim();
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(value)) {
    throw new ConfigError(setting, `"${raw}" is not a schema name (lowercase letters, digits, _)`);
  }
  return value;
};

export const parseTrustProxy: Parser<boolean | number | string[]> = (raw, setting) => {
  const value = raw.trim();
  if (/^\d+$/.test(value)) return parseInteger(0, 100)(value, setting);
  if (/^(true|false|yes|no|on|off|0|1)?$/i.test(value)) return parseBoolean(value, setting);
  const entries = value.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (!/^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(entry)) {
      throw new ConfigError(setting, `"${entry}" is neither an IP address nor a CIDR range`);
    }
  }
  return entries;
};

/** A comma list of origins: `https://host[:port]`, or `https://*.domain` for its subdomains. */
export const parseOrigins: Parser<string[]> = (raw, setting) => {
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  return entries.map((entry) => {
    const wildcard = /^[a-z]+:\/\/\*\./i.test(entry);
    let url: URL;
    try {
      url = new URL(wildcard ? entry.replace('*.', 'wildcard.') : entry);
    } catch {
      throw new ConfigError(setting, `"${entry}" is not an origin (expected https://host[:port])`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new ConfigError(setting, `"${entry}" must start with http:// or https://`);
    }
    if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
      throw new ConfigError(setting, `"${entry}" must be a bare origin: no path, query or user`);
    }
    return wildcard ? url.origin.replace('://wildcard.', '://*.') : url.origin;
  });
};

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export const parseLogLevel: Parser<string> = (raw, setting) => {
  const value = raw.trim().toLowerCase();
  if (!LOG_LEVELS.includes(value)) {
    throw new ConfigError(setting, `"${raw}" is not one of ${LOG_LEVELS.join(', ')}`);
  }
  return value;
};

export const SETTINGS = [
  { key: 'port', env: 'PORT', description: 'TCP port', parse: parseInteger(1, 65535) },
  { key: 'host', env: 'HOST', description: 'bind address', parse: parseNonEmpty },
  {
    key: 'home',
    env: 'DATAGORA_HOME',
    description: 'folder of the SQLite file and uploads',
    parse: parseNonEmpty,
  },
  { key: 'baseUrl', env: 'DATAGORA_BASE_URL', description: 'public URL', parse: parseHttpUrl },
  {
    key: 'databaseUrl',
    env: 'DATABASE_URL',
    description: 'PostgreSQL URL',
    parse: parseDatabaseUrl,
  },
  {
    key: 'databaseReplicaUrl',
    env: 'DATABASE_REPLICA_URL',
    description: 'PostgreSQL read replica URL',
    parse: parseDatabaseUrl,
  },
  {
    key: 'databaseSchema',
    env: 'DATAGORA_DATABASE_SCHEMA',
    description: 'PostgreSQL schema of the portal',
    parse: parseSchemaName,
  },
  {
    key: 'trustProxy',
    env: 'DATAGORA_TRUST_PROXY',
    description: 'trusted reverse proxies',
    parse: parseTrustProxy,
  },
  {
    key: 'readers',
    env: 'DATAGORA_READERS',
    description: 'query worker threads',
    parse: parseInteger(1, 64),
  },
  {
    key: 'processes',
    env: 'DATAGORA_PROCESSES',
    description: 'serving processes',
    parse: parseInteger(1, 64),
  },
  {
    key: 'queryTimeoutMs',
    env: 'DATAGORA_QUERY_TIMEOUT_MS',
    description: 'query time limit (ms)',
    parse: parseInteger(100, 3_600_000),
  },
  {
    key: 'resultCacheMb',
    env: 'DATAGORA_RESULT_CACHE_MB',
    description: 'query results kept in memory (MiB, 0: none)',
    parse: parseInteger(0, 1_048_576),
  },
  {
    key: 'exportCacheMb',
    env: 'DATAGORA_EXPORT_CACHE_MB',
    description: 'export files kept on disk (MiB, 0: none)',
    parse: parseInteger(0, 1_048_576_000),
  },
  {
    key: 'exportCacheMinKb',
    env: 'DATAGORA_EXPORT_CACHE_MIN_KB',
    description: 'smallest export file kept (KiB)',
    parse: parseInteger(0, 1_048_576),
  },
  { key: 'logLevel', env: 'DATAGORA_LOG_LEVEL', description: 'log level', parse: parseLogLevel },
  {
    key: 'demo',
    env: 'DATAGORA_DEMO',
    description: 'load the demo into an empty portal',
    parse: parseBoolean,
  },
  {
    key: 'quotaAnonymousDaily',
    env: 'DATAGORA_QUOTA_ANONYMOUS',
    description: 'API calls per day per anonymous address (0: none)',
    parse: parseInteger(0, 1_000_000_000),
  },
  {
    key: 'portalName',
    env: 'DATAGORA_PORTAL_NAME',
    description: 'the portal name',
    parse: parseNonEmpty,
  },
  {
    key: 'stateIdentity',
    env: 'DATAGORA_STATE_IDENTITY',
    description: "the site wears the French State's identity",
    parse: parseBoolean,
  },
  {
    key: 'csrfTrustedOrigins',
    env: 'DATAGORA_CSRF_TRUSTED_ORIGINS',
    description: 'other origins allowed to post to the site (CSRF)',
    parse: parseOrigins,
  },
  {
    key: 'statistics',
    env: 'DATAGORA_STATISTICS',
    description: 'count the anonymous audience',
    parse: parseBoolean,
  },
  {
    key: 'statisticsRetentionMonths',
    env: 'DATAGORA_STATISTICS_RETENTION_MONTHS',
    description: 'months the audience counters are kept (1–25)',
    parse: parseInteger(1, 25),
  },
  {
    key: 'uploadMaxBytes',
    env: 'DATAGORA_UPLOAD_MAX_BYTES',
    description: 'largest uploaded or fetched dataset file (bytes)',
    parse: parseInteger(1, Number.MAX_SAFE_INTEGER),
  },
  {
    key: 'fetchTimeoutMs',
    env: 'DATAGORA_FETCH_TIMEOUT_MS',
    description: 'time limit of fetching a remote dataset source (ms)',
    parse: parseInteger(1000, 86_400_000),
  },
] as const satisfies readonly SettingSpec<keyof Config>[];
