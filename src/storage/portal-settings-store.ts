// The storage contract for the portal settings administrators change in the back office: named
// values (text), and small files such as the logo (bytes with their media type). The service
// above checks names and values; both engines implement it.

export interface StoredAsset {
  name: string;
  contentType: string;
  body: Buffer;
  createdAt: string;
}

export interface PortalSettingsStore {
  /** Every stored setting, by name. */
  getSettings(): Promise<Record<string, string>>;
  /** Writes these settings in one transaction; a null value removes the setting. */
  saveSettings(values: Record<string, string | null>): Promise<void>;
  getAsset(name: string): Promise<StoredAsset | null>;
  /** Stores a file under a name, replacing one of that name. */
  putAsset(name: string, contentType: string, body: Buffer): Promise<void>;
  deleteAsset(name: string): Promise<void>;
}
