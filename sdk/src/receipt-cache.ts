// The last good receipt per license key and scope, kept in the app's storage so `validate` can
// answer while the API is unreachable. Entries are looked up by a hash: the key itself is never
// written to storage. The receipt is re-verified on every read, so a tampered entry is useless.
import { encodeBase64url } from "./base64url.js";
import { subtleCrypto } from "./verify.js";
import type { ActivationView, Jwks, KeyfrontStorage, LicenseView } from "./types.js";

/** Default storage: a Map, gone when the process ends. */
export class MemoryStorage implements KeyfrontStorage {
  private readonly entries = new Map<string, string>();

  get(key: string): string | null {
    return this.entries.get(key) ?? null;
  }

  set(key: string, value: string): void {
    this.entries.set(key, value);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

export type CachedDecision = {
  receipt: string;
  detail: string;
  message: string;
  license: LicenseView | null;
  activation: ActivationView | null;
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export class ReceiptCache {
  constructor(
    private readonly storage: KeyfrontStorage,
    private readonly prefix = "keyfront",
  ) {}

  /** Storage key for a license key in a scope ("fingerprint:…", "domain:…" or "none"). */
  async slot(product: string | undefined, licenseKey: string, scope: string): Promise<string> {
    const data = new TextEncoder().encode(JSON.stringify([product ?? "", licenseKey.trim(), scope]));
    const digest = new Uint8Array(await subtleCrypto().digest("SHA-256", data));
    return `${this.prefix}:receipt:${encodeBase64url(digest)}`;
  }

  async read(slot: string): Promise<CachedDecision | null> {
    const parsed = await this.readJson(slot);
    if (!isRecord(parsed) || typeof parsed.receipt !== "string") return null;
    return {
      receipt: parsed.receipt,
      detail: typeof parsed.detail === "string" ? parsed.detail : "",
      message: typeof parsed.message === "string" ? parsed.message : "",
      license: isRecord(parsed.license) ? (parsed.license as LicenseView) : null,
      activation: isRecord(parsed.activation) ? (parsed.activation as ActivationView) : null,
    };
  }

  write(slot: string, entry: CachedDecision): Promise<void> {
    return this.writeRaw(slot, JSON.stringify(entry));
  }

  async remove(slot: string): Promise<void> {
    try {
      if (this.storage.delete) await this.storage.delete(slot);
      else await this.storage.set(slot, "");
    } catch {
      // A storage that cannot delete keeps a receipt that expires by itself.
    }
  }

  /** The JWKS last fetched, so cached receipts can be checked after a restart while offline. */
  async readJwks(): Promise<Jwks | null> {
    const parsed = await this.readJson(`${this.prefix}:jwks`);
    return isRecord(parsed) && Array.isArray(parsed.keys) ? (parsed as Jwks) : null;
  }

  writeJwks(jwks: Jwks): Promise<void> {
    return this.writeRaw(`${this.prefix}:jwks`, JSON.stringify(jwks));
  }

  private async readJson(key: string): Promise<unknown> {
    try {
      const raw = await this.storage.get(key);
      return raw ? (JSON.parse(raw) as unknown) : null;
    } catch {
      return null;
    }
  }

  private async writeRaw(key: string, value: string): Promise<void> {
    try {
      await this.storage.set(key, value);
    } catch {
      // A full or read-only storage only costs the offline fallback, never the answer itself.
    }
  }
}
