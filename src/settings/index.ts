// The portal settings administrators change in the back office.

export { PortalSettingsService, SETTINGS_CACHE_MS } from './settings-service.ts';
export type {
  PortalSettings,
  SettingsField,
  SettingsInput,
  SettingsProblem,
} from './portal-settings.ts';
export { PORTAL_NAME_MAX_LENGTH, checkSettings } from './portal-settings.ts';
export { ASSET_CSP, LOGO_MAX_BYTES } from './logo.ts';
export type { LogoProblem } from './logo.ts';
