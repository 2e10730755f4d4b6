import { describe, expect, it } from "vitest";
import { columnReader, parseCsv } from "./csv";

describe("parseCsv", () => {
  it("reads quoted fields with commas, quotes and line breaks, a BOM and CRLF", () => {
    const text = '\uFEFFa,b,c\r\n1,"two, too","say ""hi"""\r\n"multi\r\nline",,x\r\n\r\nlast,row,here';
    const csv = parseCsv(text);
    expect(csv.error).toBeNull();
    expect(csv.header).toEqual(["a", "b", "c"]);
    expect(csv.records).toEqual([
      { line: 2, cells: ["1", "two, too", 'say "hi"'] },
      { line: 3, cells: ["multi\r\nline", "", "x"] },
      { line: 6, cells: ["last", "row", "here"] },
    ]);
  });

  it("reports an unclosed quote with the line it starts on", () => {
    const csv = parseCsv('a,b\n1,2\n3,"open\n4,5\n');
    expect(csv.error).toEqual({ line: 3, message: "A quoted field is not closed." });
    expect(csv.records).toEqual([{ line: 2, cells: ["1", "2"] }]);
  });

  it("finds columns by any of their names, case-insensitively; blank cells are null", () => {
    const csv = parseCsv("License Key,EMAIL\nabc, \n");
    const col = columnReader(csv.header, { key: ["license", "License Key"], email: ["Customer Email", "email"], missing: ["nope"] });
    expect(col.has("key") && col.has("email")).toBe(true);
    expect(col.has("missing")).toBe(false);
    expect(col.get(csv.records[0]!.cells, "key")).toBe("abc");
    expect(col.get(csv.records[0]!.cells, "email")).toBeNull();
  });
});
