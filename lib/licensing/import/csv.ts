// RFC 4180 CSV as spreadsheet exports write it: a UTF-8 BOM, CRLF or LF line ends, quoted fields
// with embedded commas, quotes ("") and line breaks. Pure; never throws.

export type CsvRecord = { /** line of the file where the record starts (1-based) */ line: number; cells: string[] };
export type CsvResult = { header: string[]; records: CsvRecord[]; error: { line: number; message: string } | null };

export function parseCsv(text: string): CsvResult {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = 0;
  const endCell = () => {
    cells.push(cell);
    cell = "";
  };
  const endRow = () => {
    endCell();
    if (!(cells.length === 1 && cells[0] === "")) rows.push({ line: start, cells });
    cells = [];
  };
  while (i < input.length) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === "\n") line++;
        cell += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && cell === "") quoted = true;
    else if (ch === ",") endCell();
    else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && input[i + 1] === "\n") i++;
      endRow();
      line++;
      start = line;
    } else cell += ch;
    i++;
  }
  if (quoted) return { header: rows[0]?.cells ?? [], records: rows.slice(1), error: { line: start, message: "A quoted field is not closed." } };
  if (cell !== "" || cells.length) endRow();
  const [header, ...records] = rows;
  return { header: (header?.cells ?? []).map((h) => h.trim()), records, error: null };
}

/** A record's cells by column name; `aliases` lists the names an export may use, first match wins. */
export function columnReader(header: string[], aliases: Record<string, readonly string[]>) {
  const lower = header.map((h) => h.toLowerCase());
  const index: Record<string, number> = {};
  for (const [field, names] of Object.entries(aliases)) {
    const i = names.map((n) => lower.indexOf(n.toLowerCase())).find((x) => x >= 0);
    if (i !== undefined) index[field] = i;
  }
  return {
    has: (field: string) => index[field] !== undefined,
    get: (cells: string[], field: string): string | null => {
      const i = index[field];
      const v = i === undefined ? undefined : cells[i]?.trim();
      return v ? v : null;
    },
  };
}
