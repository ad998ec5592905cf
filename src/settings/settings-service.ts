// The portal settings as every page reads them: from the store, kept so a page costs no query,
// and forgotten whenever the store's change feed tells that they changed. Where the feed hears
// every process (PostgreSQL, or SQLite's serving processes relayed by their primary), the copy
// is kept up to five minutes (a safety net); where it hears only this one's saves (SQLite in one
// process), a few seconds. The configuration gives the defaults.

import type { DcatProfiles } from '../core/dcat-profiles.ts';
import { DCAT_PROFILE_IDS, checkProfileValues, cleanProfileValues } from '../core/dcat-profiles.ts';
import { PortalError } from '../core/errors.ts';
import type { ChangeFeed, PortalSettingsStore, StoredAsset } from '../storage/engine.ts';
import { CachedValue } from '../util/cached-value.ts';
import type { LogoProblem } from './logo.ts';
import { ASSET_NAME, checkLogo } from './logo.ts';
import type { PortalSettings, SettingsInput } from './portal-settings.ts';
import {
  LOGO_KEY,
  checkSettings,
  dcatProfileKey,
  settingsFrom,
  storedValues,
} from './portal-settings.ts';

/** How long a process keeps the settings it read when other processes' saves go unheard. */
export const SETTINGS_CACHE_MS = 5_000;
/** How long when the change feed hears every process's saves. */
export const SETTINGS_SHARED_CACHE_MS = 300_000;

export class PortalSettingsService {
  private readonly cached: CachedValue<PortalSettings>;

  constructor(
    private readonly store: PortalSettingsStore,
    readonly defaults: PortalSettings,
    cacheMs = SETTINGS_CACHE_MS,
    now: () => number = Date.now,
    changes?: ChangeFeed,
  ) {
    this.cached = new CachedValue(
      async () => settingsFrom(await this.store.getSettings(), this.defaults),
      () => (changes?.shared ? Math.max(cacheMs, SETTINGS_SHARED_CACHE_MS) : cacheMs),
      now,
    );
    changes?.subscribe((topic) => {
      if (topic === 'settings' || topic === 'reset') this.cached.drop();
    });
  }

  current(): Promise<PortalSettings> {
    return this.cached.get();
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
    this.cached.drop();
    return { before, after: await this.current() };
  }

  /**
   * Makes `profiles` the activated national DCAT-AP profiles (the others are deactivated);
   * DG_ERR_SETTINGS_INVALID naming the first bad value. Returns the activated ones before and
   * after.
   */
  async saveDcatProfiles(
    profiles: DcatProfiles,
  ): Promise<{ before: DcatProfiles; after: DcatProfiles }> {
    const stored: Record<string, string | null> = {};
    for (const id of DCAT_PROFILE_IDS) {
      const values = profiles[id];
      if (values === undefined) {
        stored[dcatProfileKey(id)] = null;
        continue;
      }
      const [name, problem] = Object.entries(checkProfileValues(id, values))[0] ?? [];
      if (name) {
        throw new PortalError('DG_ERR_SETTINGS_INVALID', { detail: `${id}.${name}: ${problem}.` });
      }
      stored[dcatProfileKey(id)] = JSON.stringify(cleanProfileValues(id, values));
    }
    const before = (await this.fresh()).dcatProfiles;
    await this.store.saveSettings(stored);
    this.cached.drop();
    return { before, after: (await this.current()).dcatProfiles };
  }

  /** Stores a new logo and makes it current; the problem when the file is refused. */
  async setLogo(body: Buffer): Promise<{ name: string } | { problem: LogoProblem }> {
    const checked = checkLogo(body);
    if (!checked.ok) return { problem: checked.problem };
    const before = (await this.fresh()).logo;
    await this.store.putAsset(checked.name, checked.contentType, body);
    await this.store.saveSettings({ [LOGO_KEY]: checked.name });
    if (before && before !== checked.name) await this.store.deleteAsset(before);
    this.cached.drop();
    return { name: checked.name };
  }

  async removeLogo(): Promise<void> {
    const before = (await this.fresh()).logo;
    await this.store.saveSettings({ [LOGO_KEY]: null });
    if (before) await this.store.deleteAsset(before);
    this.cached.drop();
  }

  /** A file the settings refer to (the logo), or null; other names are never looked up. */
  async asset(name: string): Promise<StoredAsset | null> {
    return ASSET_NAME.test(name) ? this.store.getAsset(name) : null;
  }

  private async fresh(): Promise<PortalSettings> {
    this.cached.drop();
    return this.current();
  }
}
