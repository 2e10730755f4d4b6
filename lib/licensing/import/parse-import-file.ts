import type { ImportFormat, ParseResult } from "./import-record";
import { parseEddCsv } from "./parse-edd-csv";
import { parseKeygenJson } from "./parse-keygen-json";
import { parseLemonSqueezyCsv, parseLemonSqueezyJson } from "./parse-lemonsqueezy";

const PARSERS: Record<ImportFormat, (text: string) => ParseResult> = {
  "edd-csv": parseEddCsv,
  "lemonsqueezy-csv": parseLemonSqueezyCsv,
  "lemonsqueezy-json": parseLemonSqueezyJson,
  "keygen-json": parseKeygenJson,
};

/** The records and row errors of an export file in the given format; the same key twice is an error. */
export function parseImportFile(format: ImportFormat, text: string): ParseResult {
  const result = PARSERS[format](text);
  const seen = new Map<string, number>();
  const records = result.records.filter((r) => {
    const first = seen.get(r.key);
    if (first === undefined) {
      seen.set(r.key, r.row);
      return true;
    }
    result.errors.push({ row: r.row, field: "key", message: `The same key as row ${first}.` });
    return false;
  });
  return { ...result, records, errors: result.errors.sort((a, b) => a.row - b.row) };
}
