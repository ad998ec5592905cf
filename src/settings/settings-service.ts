// The portal settings as every page reads them: from the store, kept a few seconds so a page
// costs no query, forgotten at once when this process saves (other processes of a deployment
// see the change when their copy expires). The configuration gives the defaults.

import { PortalError } from '../core/errors.ts';
import type { PortalSettingsStore, StoredAsset } from '../storage/engine.ts';
import type { LogoProblem } from './logo.ts';
import { ASSET_NAME, checkLogo } from './logo.ts';
import type { PortalSettings, SettingsInput } from './portal-settings.ts';
import { LOGO_KEY, checkSettings, settingsFrom, storedValues } from './portal-settings.ts';

/** How long a process keeps the settings it read. */
export const SETTINGS_CACHE_MS = 5_000;

export class PortalSettingsService {
  private cached: { settings: PortalSettings; until: number } | null = null;

  constructor(
    private readonly store: PortalSettingsStore,
    readonly defaults: PortalSettings,
    private readonly cacheMs = SETTINGS_CACHE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async current(): Promise<PortalSettings> {
    if (this.cached && this.cached.until > this.now()) return this.cached.settings;
    const settings = settingsFrom(await this.store.getSettings(), this.defaults);
    this.cached = { settings, until: this.now() + this.cacheMs };
    return settings;
  }

  /** Saves the settings (DG_ERR_SETTINGS_INVALID naming the first bad field); returns both. */
  async save(input: SettingsInput): Promise<{ before: PortalSettings; after: PortalSettings }> {
    const problems = checkSettings(input);
    const [field, problem] = Object.entries(problems)[0] ?? [];
    if (field) {
      throw new PortalError('DG_ERR_SETTINGS_INVALID', { detail: `${field}: ${problem}.` });
    }
    const before = await this.fresh();
    await this.store.saveSettings(storedValues(input));
    this.cached = null;
    return { before, after: await this.current() };
  }

  /** Stores a new logo and makes it current; the problem when the file is refused. */
  async setLogo(body: Buffer): Promise<{ name: string } | { problem: LogoProblem }> {
    const checked = checkLogo(body);
    if (!checked.ok) return { problem: checked.problem };
    const before = (await this.fresh()).logo;
    await this.store.putAsset(checked.name, checked.contentType, body);
    await this.store.saveSettings({ [LOGO_KEY]: checked.name });
    if (before && before !== checked.name) await this.store.deleteAsset(before);
    this.cached = null;
    return { name: checked.name };
  }

  async removeLogo(): Promise<void> {
    const before = (await this.fresh()).logo;
    await this.store.saveSettings({ [LOGO_KEY]: null });
    if (before) await this.store.deleteAsset(before);
    this.cached = null;
  }

  /** A file the settings refer to (the logo), or null; other names are never looked up. */
  async asset(name: string): Promise<StoredAsset | null> {
    return ASSET_NAME.test(name) ? this.store.getAsset(name) : null;
  }

  private async fresh(): Promise<PortalSettings> {
    this.cached = null;
    return this.current();
  }
}
