export type { Config } from './settings.ts';
export { ConfigError, SETTINGS } from './settings.ts';
export {
  CONFIG_FILE_SETTING,
  commandLinePassword,
  loadConfig,
  processEnvironment,
} from './load.ts';
export type { Environment } from './load.ts';
export { workerAllocatorEnvironment } from './worker-allocator.ts';
export { heapGrowthFlag } from './heap-growth.ts';
