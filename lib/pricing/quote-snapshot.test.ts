import { describe, expect, it } from "vitest";
import { canonicalJson, hashSnapshot, serialize } from "./quote-snapshot";

describe("quote snapshot", () => {
  it("stores bigints as strings and drops undefined", () => {
    expect(serialize({ a: 9007199254740993n, b: [1n, "x", null, true], c: undefined, d: { e: -5n } }))
      .toEqual({ a: "9007199254740993", b: ["1", "x", null, true], d: { e: "-5" } });
  });

  it("refuses values JSON cannot hold faithfully", () => {
    expect(() => serialize({ at: new Date() })).toThrow(TypeError);
    expect(() => serialize({ n: Number.NaN })).toThrow(TypeError);
    expect(() => serialize({ f: () => 1 })).toThrow(TypeError);
  });

  it("writes canonical JSON with sorted keys at every level", () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: "é\"" } })).toBe('{"a":{"c":"é\\"","d":[{"y":2,"z":1}]},"b":1}');
  });

  it("hashes equal values equally and different values differently", () => {
    const a = hashSnapshot({ x: 1n, y: [1, 2] });
    expect(hashSnapshot({ y: [1, 2], x: 1n })).toBe(a);
    expect(hashSnapshot({ x: "1", y: [1, 2] })).toBe(a); // a bigint and its string are the same stored value
    expect(hashSnapshot({ x: 1n, y: [2, 1] })).not.toBe(a);
    expect(hashSnapshot({ x: 2n, y: [1, 2] })).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });
});
