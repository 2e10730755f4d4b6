// Reading JSON:API documents (Lemon Squeezy's and Keygen's exports) without trusting their shape.
export type Resource = { type?: unknown; id?: unknown; attributes?: unknown; relationships?: unknown };

export const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
export const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A string or number as trimmed text; null for anything else or blank. */
export function scalar(v: unknown): string | null {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v === "string" && v.trim() !== "") return v.trim();
  return null;
}

/** The related resource's id: relationships.<name>.data.id. */
export function relatedId(resource: Resource, ...names: string[]): string | null {
  const rel = asRecord(resource.relationships);
  for (const name of names) {
    const id = scalar(asRecord(asRecord(rel[name]).data).id);
    if (id) return id;
  }
  return null;
}

/**
 * `data` and `included` of one document, or of several pages saved as a JSON array of documents.
 * A bare array of resources is accepted as `data`.
 */
export function jsonDocuments(text: string): { data: Resource[]; included: Resource[] } | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { error: "The file is not valid JSON." };
  }
  const pages = Array.isArray(parsed) && parsed.every((p) => asRecord(p).data !== undefined) ? parsed : [Array.isArray(parsed) ? { data: parsed } : parsed];
  const data: Resource[] = [];
  const included: Resource[] = [];
  for (const page of pages) {
    const doc = asRecord(page);
    if (!Array.isArray(doc.data)) return { error: 'Expected a JSON:API document with a "data" array.' };
    data.push(...doc.data.map(asRecord));
    included.push(...asArray(doc.included).map(asRecord));
  }
  return { data, included };
}
