import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticate } from "@/lib/auth/authenticate";
import { createSignInTicket, readSignInTicket } from "@/lib/auth/sign-in-ticket";
import { getSessionUserById } from "@/lib/auth/session-user";
import { signOutEverywhere } from "@/lib/auth/sign-out-everywhere";
import { RATE_LIMIT_POLICIES } from "@/lib/http/rate-limit";
import { PASSWORD, createUser, uniqueEmail } from "../support/factories";

describe("authenticate", () => {
  it("accepts the right password, refuses a wrong one and an unknown email alike", async () => {
    const user = await createUser();
    await expect(authenticate({ email: user.email, password: PASSWORD }, "10.2.0.1")).resolves.toMatchObject({ id: user.id });
    await expect(authenticate({ email: user.email, password: "wrong password" }, "10.2.0.1")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(authenticate({ email: uniqueEmail("ghost"), password: PASSWORD }, "10.2.0.1")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("never returns the password hash", async () => {
    const user = await createUser();
    const result = await authenticate({ email: user.email, password: PASSWORD }, "10.2.0.2");
    expect(JSON.stringify(result)).not.toContain("argon2");
    expect(Object.keys(result).sort()).toEqual(["email", "id", "locale", "name", "role", "tokenVersion"]);
  });

  it("refuses suspended accounts", async () => {
    const user = await createUser();
    await db.user.update({ where: { id: user.id }, data: { suspendedAt: new Date() } });
    await expect(authenticate({ email: user.email, password: PASSWORD }, "10.2.0.3")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("rate-limits repeated failures per email, even with the right password afterwards", async () => {
    const user = await createUser();
    const { limit } = RATE_LIMIT_POLICIES["sign-in:email"];
    for (let i = 0; i < limit; i++) {
      await expect(authenticate({ email: user.email, password: `wrong ${i}` }, `10.3.0.${i}`)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
    const err = await authenticate({ email: user.email, password: PASSWORD }, "10.3.1.1").catch((e) => e);
    expect(err.code).toBe("RATE_LIMITED");
    expect(err.retryAfterSec).toBeGreaterThan(0);
  });

  it("rate-limits one IP trying many emails", async () => {
    const { limit } = RATE_LIMIT_POLICIES["sign-in:ip"];
    const results = await Promise.allSettled(
      Array.from({ length: limit + 5 }, (_, i) => authenticate({ email: `probe${i}@example.test`, password: "guess guess" }, "10.4.0.1")),
    );
    const codes = results.map((r) => (r.status === "rejected" ? (r.reason as { code: string }).code : "OK"));
    expect(codes.filter((c) => c === "RATE_LIMITED")).toHaveLength(5);
    expect(codes.filter((c) => c === "UNAUTHENTICATED")).toHaveLength(limit);
  });

  it("rejects malformed input with field errors before touching the rate limiter", async () => {
    const before = await db.rateLimitBucket.count();
    await expect(authenticate({ email: "not-an-email", password: "" }, "10.5.0.1")).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { email: ["email"], password: ["required"] },
    });
    await expect(authenticate("just a string", "10.5.0.1")).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    expect(await db.rateLimitBucket.count()).toBe(before);
  });
});

describe("sessions", () => {
  it("a sign-in ticket is bound to its signature and expires", () => {
    const ticket = createSignInTicket("usr_X", 3);
    expect(readSignInTicket(ticket)).toEqual({ userId: "usr_X", tokenVersion: 3 });
    expect(readSignInTicket(ticket, Date.now() + 61_000)).toBeNull();
    const [payload, mac] = ticket.split(".");
    const forged = Buffer.from(JSON.stringify({ u: "usr_ADMIN", v: 0, e: Date.now() + 60_000 })).toString("base64url");
    expect(readSignInTicket(`${forged}.${mac}`)).toBeNull();
    expect(readSignInTicket(`${payload}.${mac}x`)).toBeNull();
    expect(readSignInTicket(42)).toBeNull();
  });

  it("sign out everywhere invalidates every token carrying the old version", async () => {
    const user = await createUser();
    expect(await getSessionUserById(user.id, 0)).toMatchObject({ id: user.id });
    await signOutEverywhere(user.id, "10.6.0.1");
    expect(await getSessionUserById(user.id, 0)).toBeNull();
    expect(await getSessionUserById(user.id, 1)).toMatchObject({ id: user.id });
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: user.id } });
    expect(audit.action).toBe("user.sign_out_everywhere");
  });

  it("a session of a suspended or deleted user is refused", async () => {
    const user = await createUser();
    await db.user.update({ where: { id: user.id }, data: { suspendedAt: new Date() } });
    expect(await getSessionUserById(user.id, 0)).toBeNull();
    expect(await getSessionUserById("usr_00000000000000000000000000", 0)).toBeNull();
  });
});
