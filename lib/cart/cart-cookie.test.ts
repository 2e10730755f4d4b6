import { describe, expect, it } from "vitest";
import { newId } from "@/lib/ids";
import { parseCartCookie, serializeCart } from "./cart-cookie";
import { MAX_CART_COOKIE_LENGTH, MAX_CART_LINES } from "./schemas";

const plan = () => newId("plan");

describe("cart cookie", () => {
  it("round-trips a cart", () => {
    const cart = { lines: [{ planId: plan(), quantity: 3 }, { planId: plan(), quantity: 1 }], promoCode: "SPRING-10", useWallet: true };
    expect(parseCartCookie(serializeCart(cart))).toEqual(cart);
  });

  it.each([
    ["absent", undefined],
    ["empty", ""],
    ["not JSON", "{l:[[1,2]"],
    ["a JSON array", "[]"],
    ["a JSON string", '"pln_x"'],
    ["null", "null"],
    ["lines not an array", '{"l":{"pln":1}}'],
  ])("reads a cookie that is %s as an empty cart", (_label, raw) => {
    expect(parseCartCookie(raw)).toEqual({ lines: [], promoCode: null, useWallet: false });
  });

  it("drops bad lines and keeps the good ones", () => {
    const good = plan();
    const raw = JSON.stringify({
      l: [
        [good, 2],
        ["pln_notanid", 1], // malformed plan id
        [plan(), 0], [plan(), -3], [plan(), 1.5], [plan(), 10_001], [plan(), "2"], [plan(), null], // bad quantities
        [plan()], { planId: plan(), quantity: 1 }, "pln", 42, // wrong shapes
        [good, 5], // duplicate: the first one stays
      ],
      p: "<script>", // not a promo code
      w: true, // only 1 means on
    });
    expect(parseCartCookie(raw)).toEqual({ lines: [{ planId: good, quantity: 2 }], promoCode: null, useWallet: false });
  });

  it("keeps at most the maximum number of lines", () => {
    const raw = JSON.stringify({ l: Array.from({ length: MAX_CART_LINES + 5 }, () => [plan(), 1]) });
    expect(raw.length).toBeLessThan(MAX_CART_COOKIE_LENGTH);
    expect(parseCartCookie(raw).lines).toHaveLength(MAX_CART_LINES);
  });

  it("ignores an oversized cookie as a whole", () => {
    const raw = JSON.stringify({ l: [[plan(), 1]], pad: "x".repeat(MAX_CART_COOKIE_LENGTH) });
    expect(parseCartCookie(raw).lines).toEqual([]);
  });

  it("never writes more lines than the limit, so what it writes stays under the size bound", () => {
    const lines = Array.from({ length: MAX_CART_LINES + 3 }, () => ({ planId: plan(), quantity: 10_000 }));
    const raw = serializeCart({ lines, promoCode: "A".repeat(32), useWallet: true });
    expect(raw.length).toBeLessThanOrEqual(MAX_CART_COOKIE_LENGTH);
    expect(parseCartCookie(raw).lines).toHaveLength(MAX_CART_LINES);
  });
});
