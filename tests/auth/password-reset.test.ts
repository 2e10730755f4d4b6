import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { authenticate } from "@/lib/auth/authenticate";
import { createUserToken, consumeUserToken } from "@/lib/auth/user-tokens";
import { PASSWORD, createUser, uniqueEmail } from "../support/factories";

function tokenFrom(text: string): string {
  return /reset-password\?token=([\w-]+)/.exec(text)![1]!;
}

describe("password reset", () => {
  it("mails a link; the new password works, the old one not, and old sessions end", async () => {
    const user = await createUser();
    await requestPasswordReset({ email: user.email }, "10.7.0.1");
    const mail = await db.email.findFirstOrThrow({ where: { to: user.email, template: "passwordReset" } });
    await resetPassword({ token: tokenFrom(mail.text), password: "a brand new password" });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.tokenVersion).toBe(user.tokenVersion + 1);
    await expect(authenticate({ email: user.email, password: PASSWORD }, "10.7.0.2")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(authenticate({ email: user.email, password: "a brand new password" }, "10.7.0.2")).resolves.toMatchObject({ id: user.id });
    await expect(resetPassword({ token: tokenFrom(mail.text), password: "yet another password" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });

  it("answers the same for unknown emails and sends nothing", async () => {
    const before = await db.email.count();
    await expect(requestPasswordReset({ email: uniqueEmail("nobody") }, "10.7.0.3")).resolves.toBeUndefined();
    expect(await db.email.count()).toBe(before);
  });

  it("a token can be used once, even by concurrent requests", async () => {
    const user = await createUser();
    const token = await createUserToken(db, user.id, "PASSWORD_RESET");
    const results = await Promise.all(Array.from({ length: 10 }, () => consumeUserToken(db, token, "PASSWORD_RESET")));
    expect(results.filter(Boolean)).toEqual([user.id]);
  });

  it("refuses expired tokens and tokens of another purpose", async () => {
    const user = await createUser();
    const verifyToken = await createUserToken(db, user.id, "EMAIL_VERIFY");
    expect(await consumeUserToken(db, verifyToken, "PASSWORD_RESET")).toBeNull();
    const token = await createUserToken(db, user.id, "PASSWORD_RESET");
    await db.userToken.updateMany({ where: { userId: user.id, purpose: "PASSWORD_RESET" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(resetPassword({ token, password: "a brand new password" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);
  });

  it("rejects a weak new password without using up the token", async () => {
    const user = await createUser();
    const token = await createUserToken(db, user.id, "PASSWORD_RESET");
    await expect(resetPassword({ token, password: "short" })).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { password: ["passwordTooShort"] } });
    await expect(resetPassword({ token, password: "long enough now" })).resolves.toBeUndefined();
  });
});
