import { describe, expect, it } from "vitest";
import { phpJsonEncode } from "./php-json";

describe("phpJsonEncode", () => {
  it("escapes slashes and unicode as PHP's json_encode does by default", () => {
    expect(phpJsonEncode({ url: "https://a.test/x", name: "Café ☕" })).toBe('{"url":"https:\\/\\/a.test\\/x","name":"Caf\\u00e9 \\u2615"}');
  });

  it("honours JSON_UNESCAPED_UNICODE and JSON_UNESCAPED_SLASHES", () => {
    expect(phpJsonEncode({ n: "Café/€", l: "a\u2028b" }, { unescapedUnicode: true })).toBe('{"n":"Café\\/€","l":"a\\u2028b"}');
    expect(phpJsonEncode({ u: "a/b" }, { unescapedSlashes: true })).toBe('{"u":"a/b"}');
  });

  it("writes empty objects as [] and keeps nesting, numbers, booleans and null", () => {
    expect(phpJsonEncode({ a: {}, b: [1, 2.5, true, null], c: { d: "e" } })).toBe('{"a":[],"b":[1,2.5,true,null],"c":{"d":"e"}}');
  });
});
