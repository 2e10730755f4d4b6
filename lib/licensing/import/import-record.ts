// The one shape every importer produces, whatever the source platform wrote.
export const IMPORT_FORMATS = ["edd-csv", "lemonsqueezy-csv", "lemonsqueezy-json", "keygen-json"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORT_SOURCES = ["edd", "lemonsqueezy", "keygen"] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

export const SOURCE_OF_FORMAT: Record<ImportFormat, ImportSource> = {
  "edd-csv": "edd", "lemonsqueezy-csv": "lemonsqueezy", "lemonsqueezy-json": "lemonsqueezy", "keygen-json": "keygen",
};

export type ImportStatus = "active" | "inactive" | "expired" | "disabled";

/**
 * An installation the source knew: a site URL (Easy Digital Downloads), a device fingerprint
 * (Keygen machines) or a named instance with its id (Lemon Squeezy).
 */
export type ImportActivation =
  | { kind: "site"; url: string }
  | { kind: "fingerprint"; fingerprint: string; label: string | null; createdAt: Date | null }
  | { kind: "instance"; instanceId: string; label: string | null; createdAt: Date | null };

export type ImportRecord = {
  /** row number in the file (CSV: the line the record starts on; JSON: position in `data`, from 1) */
  row: number;
  /** the license's id at the source (the key itself when the export has none) */
  sourceId: string;
  key: string;
  email: string | null;
  name: string | null;
  status: ImportStatus;
  expiresAt: Date | null;
  /** null: unlimited at the source */
  activationLimit: number | null;
  activations: ImportActivation[];
  /** what the admin maps to a Keyfront product and plan */
  sourceProduct: { id: string; name: string | null; variantId: string | null };
  createdAt: Date | null;
};

export type RowError = { row: number; field: string; message: string };

export type ParseResult = { records: ImportRecord[]; errors: RowError[]; rowCount: number };

/** Key of a source product (and variant) in the admin's mapping. */
export function sourceProductKey(p: ImportRecord["sourceProduct"]): string {
  return p.variantId ? `${p.id}#${p.variantId}` : p.id;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Small validated readers shared by the parsers; each pushes a row error instead of throwing. */
export function fieldReaders(row: number, errors: RowError[]) {
  const fail = (field: string, message: string) => {
    errors.push({ row, field, message });
    return undefined;
  };
  return {
    fail,
    email(field: string, value: string | null): string | null | undefined {
      if (value === null) return null;
      const v = value.trim().toLowerCase();
      return v.length <= 254 && EMAIL.test(v) ? v : fail(field, "Not an email address.");
    },
    date(field: string, value: string | number | null | undefined): Date | null | undefined {
      if (value === null || value === undefined || value === "") return null;
      const d = parseDate(value);
      return d === undefined ? fail(field, `Not a date: ${String(value).slice(0, 40)}`) : d;
    },
    count(field: string, value: string | number | null | undefined): number | null | undefined {
      if (value === null || value === undefined || value === "") return null;
      const n = typeof value === "number" ? value : /^\s*\d{1,9}\s*$/.test(value) ? Number(value) : NaN;
      return Number.isInteger(n) && n >= 0 && n <= 1_000_000 ? n : fail(field, `Not a whole number: ${String(value).slice(0, 40)}`);
    },
  };
}

/**
 * ISO 8601, "YYYY-MM-DD HH:MM:SS" (WordPress, UTC), or a Unix timestamp in seconds; null for the
 * "never" markers exports use ("lifetime", "0", "never"); undefined when unreadable.
 */
export function parseDate(value: string | number): Date | null | undefined {
  const text = String(value).trim();
  if (/^(lifetime|never|0|none|null|0000-00-00( 00:00:00)?)$/i.test(text)) return null;
  if (/^\d{9,11}$/.test(text)) return new Date(Number(text) * 1000);
  const sql = /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d(:\d\d(\.\d+)?)?)$/.exec(text);
  const iso = sql ? `${sql[1]}T${sql[2]}Z` : /^\d{4}-\d\d-\d\d$/.test(text) ? `${text}T00:00:00Z` : text;
  if (!/^\d{4}-\d\d-\d\dT/.test(iso)) return undefined;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return undefined;
  // Exports that format a "never" timestamp of 0 write the Unix epoch.
  return d.getTime() === 0 ? null : d;
}
