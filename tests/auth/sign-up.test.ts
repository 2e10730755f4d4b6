import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { signUp } from "@/lib/auth/sign-up";
import { verifyEmail } from "@/lib/auth/verify-email";
import { authenticate } from "@/lib/auth/authenticate";
import { createUser, tableCounts, uniqueEmail } from "../support/factories";
import de from "@/messages/de.json";
import en from "@/messages/en.json";

async function expectValidationError(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe("VALIDATION_FAILED");
  return err as AppError;
}

describe("signUp", () => {
  it("creates an unverified customer and mails a verification link that lets them sign in", async () => {
    const email = uniqueEmail("new");
    await signUp({ name: "Ada", email: email.toUpperCase(), password: "a long password", locale: "de" }, "10.0.0.1");
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ name: "Ada", role: "CUSTOMER", locale: "de", emailVerifiedAt: null, tokenVersion: 0 });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    await expect(authenticate({ email, password: "a long password" }, "10.0.0.1")).rejects.toMatchObject({ code: "FORBIDDEN" });

    const mail = await db.email.findFirstOrThrow({ where: { to: email } });
    expect(mail.template).toBe("verifyEmail");
    expect(mail.locale).toBe("de");
    expect(mail.subject).toBe(de.Email.verifyEmail.subject);
    expect(mail.subject).not.toBe(en.Email.verifyEmail.subject);
    const token = /verify-email\?token=([\w-]+)/.exec(mail.text)![1]!;
    expect(await verifyEmail(token)).toBe(true);
    expect(await verifyEmail(token)).toBe(false);
    await expect(authenticate({ email, password: "a long password" }, "10.0.0.1")).resolves.toMatchObject({ id: user.id, role: "CUSTOMER" });
  });

  it.each([
    ["empty", {}, ["name", "email", "password"]],
    ["empty strings", { name: "", email: "", password: "" }, ["name", "email", "password"]],
    ["wrong types", { name: 42, email: ["a@b.c"], password: { x: 1 } }, ["name", "email", "password"]],
    ["huge values", { name: "x".repeat(10_000), email: `${"a".repeat(300)}@x.io`, password: "p".repeat(100_000) }, ["name", "email", "password"]],
    ["SQL payload", { name: "Robert'); DROP TABLE \"User\";--", email: "' OR 1=1 --", password: "short" }, ["email", "password"]],
    ["HTML payload", { name: "<script>alert(1)</script>", email: "<b>@x", password: "1234567890" }, ["name", "email"]],
  ])("rejects %s with field errors and writes nothing", async (_label, input, fields) => {
    const before = await tableCounts();
    const err = await expectValidationError(signUp(input, "10.0.0.2"));
    expect(Object.keys(err.fields ?? {}).sort()).toEqual([...fields].sort());
    expect(await tableCounts()).toEqual(before);
    expect(await db.user.count({ where: { name: { contains: "DROP TABLE" } } })).toBe(0);
  });

  it("does not reveal an existing account: same result, no new user, a notice to the owner", async () => {
    const existing = await createUser();
    const before = await db.user.count();
    await expect(signUp({ name: "Mallory", email: existing.email, password: "another password" }, "10.0.0.3")).resolves.toBeUndefined();
    expect(await db.user.count()).toBe(before);
    const notice = await db.email.findFirstOrThrow({ where: { to: existing.email } });
    expect(notice.template).toBe("accountExists");
    const unchanged = await db.user.findUniqueOrThrow({ where: { id: existing.id } });
    expect(unchanged.passwordHash).toBe(existing.passwordHash);
  });

  it("creates exactly one account when the same email signs up many times at once", async () => {
    const email = uniqueEmail("race");
    await Promise.all(Array.from({ length: 8 }, (_, i) => signUp({ name: `Racer ${i}`, email, password: "a long password" }, `10.1.0.${i}`)));
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});
