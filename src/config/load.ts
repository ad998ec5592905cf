// Reads the settings from the environment and an optional JSON config file.
// Precedence: environment variable, then the file named by DATAGORA_CONFIG, then the default.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { defaultProcesses } from './default-processes.ts';
import type { Config } from './settings.ts';
import { ConfigError, SETTINGS } from './settings.ts';

export const CONFIG_FILE_SETTING = 'DATAGORA_CONFIG';

export type Environment = Record<string, string | undefined>;

function defaults(port: number): Omit<Config, 'port'> {
  return {
    host: '127.0.0.1',
    home: './var',
    baseUrl: `http://localhost:${port}`,
    databaseUrl: null,
    databaseSchema: 'public',
    databaseReplicaUrl: null,
    trustProxy: false,
    readers: 2,
    processes: defaultProcesses(),
    queryTimeoutMs: 10_000,
    resultCacheMb: 64,
    exportCacheMb: 1024,
    exportCacheMinKb: 1024,
    logLevel: 'info',
    demo: true,
    quotaAnonymousDaily: 0,
    portalName: 'Datagora',
    stateIdentity: true,
    csrfTrustedOrigins: [],
    statistics: true,
    statisticsRetentionMonths: 25,
    uploadMaxBytes: 1024 * 1024 * 1024,
    fetchTimeoutMs: 300_000,
  };
}

function readConfigFile(path: string, cwd: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, path), 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'unreadable';
    throw new ConfigError(CONFIG_FILE_SETTING, `${path}: ${reason}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(CONFIG_FILE_SETTING, `${path} is not valid JSON (${String(error)})`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError(CONFIG_FILE_SETTING, `${path} must hold a JSON object`);
  }
  const known = new Set<string>(SETTINGS.map((s) => s.env));
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (!known.has(name)) {
      throw new ConfigError(name, `unknown setting in ${path} (known: ${[...known].join(', ')})`);
    }
    if (!['string', 'number', 'boolean'].includes(typeof value)) {
      throw new ConfigError(name, `must be a string, a number or a boolean in ${path}`);
    }
    values[name] = String(value);
  }
  return values;
}

/** Builds the typed configuration; throws ConfigError naming the first wrong setting. */
export function loadConfig(env: Environment, cwd = process.cwd()): Config {
  const configPath = env[CONFIG_FILE_SETTING];
  const fromFile = configPath ? readConfigFile(configPath, cwd) : {};
  const raw = (name: string): string | undefined => env[name] ?? fromFile[name];

  const portSpec = SETTINGS[0];
  const portRaw = raw(portSpec.env);
  const port = portRaw === undefined ? 8080 : portSpec.parse(portRaw, portSpec.env);
  const config: Config = { port, ...defaults(port) };
  for (const spec of SETTINGS) {
    const value = raw(spec.env);
    if (value === undefined || spec.key === 'port') continue;
    (config as unknown as Record<string, unknown>)[spec.key] = spec.parse(value, spec.env);
  }
  config.home = resolve(cwd, config.home);
  return config;
}

/** The environment of this process; config is the only layer that reads it. */
export function processEnvironment(): Environment {
  return process.env;
}

/**
 * The password the command line uses instead of prompting (`DATAGORA_PASSWORD`), for scripts.
 * Not a portal setting: it is never read from the config file.
 */
export function commandLinePassword(env: Environment): string | undefined {
  const value = env['DATAGORA_PASSWORD'];
  return value === undefined || value === '' ? undefined : value;
}
