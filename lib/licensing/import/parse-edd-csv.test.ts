import { describe, expect, it } from "vitest";
import { parseEddCsv } from "./parse-edd-csv";
import { parseImportFile } from "./parse-import-file";

// As EDD Software Licensing 3.6+ writes its license export (labels as column names).
const HEADER = '"License ID","License Key","License Status","Customer ID","Customer Email","Customer Name","User ID","Product Name","Price ID","Purchase Date","Expiration Date","Activation Limit","Activation Count","Activated URLs"';
const SAMPLE = [
  HEADER,
  '"12","a1b2c3d4e5f60718293a4b5c6d7e8f90","active","7","Ada@Example.com","Ada Lovelace","3","Pro Plugin","2","2023-01-15 10:20:30","1735689600","3","2","https://ada.example.org, http://www.ada-shop.com/store"',
  '"13","0f9e8d7c6b5a49382716059483726150","inactive","8","grace@example.com","Hopper, Grace","0","Pro Plugin","","2022-06-01 00:00:00","0","0","0",""',
  '"14","ffffffffffffffffffffffffffffffff","expired","9","bob@example.com","Bob ""The Builder""","0","Starter Theme","1","2021-02-03 04:05:06","2022-02-03 04:05:06","1","1","https://bob.example"',
].join("\r\n");

describe("Easy Digital Downloads license export", () => {
  it("reads every column of a realistic export", () => {
    const result = parseEddCsv(`\uFEFF${SAMPLE}\r\n`);
    expect(result.errors).toEqual([]);
    expect(result.rowCount).toBe(3);
    expect(result.records[0]).toEqual({
      row: 2, sourceId: "12", key: "a1b2c3d4e5f60718293a4b5c6d7e8f90", email: "ada@example.com", name: "Ada Lovelace", status: "active",
      expiresAt: new Date(1735689600 * 1000), activationLimit: 3,
      activations: [{ kind: "site", url: "https://ada.example.org" }, { kind: "site", url: "http://www.ada-shop.com/store" }],
      sourceProduct: { id: "Pro Plugin", name: "Pro Plugin", variantId: "2" }, createdAt: new Date("2023-01-15T10:20:30Z"),
    });
    // Expiration 0 is a lifetime license; limit 0 is unlimited.
    expect(result.records[1]).toMatchObject({ name: "Hopper, Grace", expiresAt: null, activationLimit: null, activations: [], sourceProduct: { variantId: null } });
    expect(result.records[2]).toMatchObject({ name: 'Bob "The Builder"', status: "expired", expiresAt: new Date("2022-02-03T04:05:06Z") });
  });

  it("reads the pre-3.6 export (Email column, URLs joined with ' - ')", () => {
    const text = "Email,License Key,License Status,Product Name,Purchase Date,Expiration Date,Activation Limit,Activation Count,Activated URLs\n" +
      "old@example.com,00112233445566778899aabbccddeeff,active,Legacy,2015-05-05 05:05:05,2016-05-05 05:05:05,2,2,http://one.example - http://two.example\n" +
      "life@example.com,ffeeddccbbaa99887766554433221100,active,Legacy,2015-05-05 05:05:05,1970-01-01 00:00:00,1,0,\n";
    const result = parseEddCsv(text);
    expect(result.errors).toEqual([]);
    expect(result.records[0]).toMatchObject({ sourceId: "00112233445566778899aabbccddeeff", activations: [{ url: "http://one.example" }, { url: "http://two.example" }] });
    // A lifetime license, written as the Unix epoch by the old export.
    expect(result.records[1]).toMatchObject({ email: "life@example.com", expiresAt: null });
  });

  it("reports each bad row with its line, field and reason, and keeps the good ones", () => {
    const text = [
      HEADER,
      '"1","","active","1","a@example.com","A","0","P","","2023-01-01 00:00:00","0","1","0",""',
      '"2","11111111111111111111111111111111","pending","1","not-an-email","B","0","P","","yesterday","0","-1","0",""',
      '"3","22222222222222222222222222222222","active","1","c@example.com","C","0","P","","2023-01-01 00:00:00","0","1","0",""',
      '"4","22222222222222222222222222222222","active","1","d@example.com","D","0","P","","2023-01-01 00:00:00","0","1","0",""',
    ].join("\n");
    const result = parseImportFile("edd-csv", text);
    expect(result.records.map((r) => r.sourceId)).toEqual(["3"]);
    expect(result.errors).toEqual([
      { row: 2, field: "key", message: "Required." },
      { row: 3, field: "status", message: 'Unknown status "pending".' },
      { row: 3, field: "email", message: "Not an email address." },
      { row: 3, field: "created", message: "Not a date: yesterday" },
      { row: 3, field: "limit", message: "Not a whole number: -1" },
      { row: 5, field: "key", message: "The same key as row 4." },
    ]);
    expect(result.rowCount).toBe(4);
  });

  it("refuses a file without the key column, and a broken quote, without throwing", () => {
    expect(parseEddCsv("Email,Product Name\na@b.co,P\n").errors).toEqual([
      { row: 1, field: "key", message: 'Missing column "License Key".' },
      { row: 1, field: "status", message: 'Missing column "License Status".' },
    ]);
    const broken = parseEddCsv(`${HEADER}\n"1","33333333333333333333333333333333","active,x`);
    expect(broken.errors[0]).toMatchObject({ row: 2, field: "file" });
    expect(parseEddCsv("").errors.length).toBeGreaterThan(0);
  });
});
