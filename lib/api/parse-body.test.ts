import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseBody, type ApiRequest } from "./endpoint";

const schema = z.object({ key: z.string().min(3), tags: z.array(z.string()).default([]) });

function request(body: string, contentType = "application/json"): ApiRequest {
  return { method: "POST", params: {}, query: new URLSearchParams(), header: (n) => (n === "content-type" ? contentType : null), body, ip: "127.0.0.1", requestId: "test-request" };
}

describe("parseBody", () => {
  it("hands out the same frozen input for the same small body", () => {
    const first = parseBody(request('{"key":"abc","tags":["x"]}'), schema);
    const again = parseBody(request('{"key":"abc","tags":["x"]}'), schema);
    expect(again).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.tags)).toBe(true);
    expect(() => {
      (first.tags as string[]).push("y");
    }).toThrow(TypeError);
    expect(parseBody(request('{"key":"abc","tags":["x"]}'), schema).tags).toEqual(["x"]);
  });

  it("keeps JSON and form bodies apart, and each schema's inputs apart", () => {
    const json = parseBody(request('{"key":"key=abc"}'), schema);
    const form = parseBody(request("key=abc", "application/x-www-form-urlencoded"), schema);
    expect(json.key).toBe("key=abc");
    expect(form.key).toBe("abc");
    const other = z.object({ key: z.string() }).transform((v) => ({ upper: v.key.toUpperCase() }));
    expect(parseBody(request('{"key":"abc"}'), other)).toEqual({ upper: "ABC" });
    expect(parseBody(request('{"key":"abc"}'), schema)).toEqual({ key: "abc", tags: [] });
  });

  it("never keeps a failure: the same bad body fails every time", () => {
    for (let i = 0; i < 2; i++) {
      expect(() => parseBody(request('{"key":"ab"}'), schema)).toThrow(AppError);
      expect(() => parseBody(request("{not json"), schema)).toThrow(/not valid JSON/);
    }
  });

  it("parses large bodies without keeping them", () => {
    const big = JSON.stringify({ key: "k".repeat(2000) });
    const a = parseBody(request(big), schema);
    const b = parseBody(request(big), schema);
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
  });
});
