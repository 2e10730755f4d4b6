import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { parseInput } from "@/lib/http/parse-input";
import { assertRateLimit } from "@/lib/http/rate-limit";
import { renderEmail } from "@/lib/notifications/email-templates";
import { sendEmail } from "@/lib/notifications/send-email";
import { hashPassword } from "./password";
import { signUpSchema } from "./schemas";
import { createUserToken } from "./user-tokens";

/**
 * Creates a customer account and mails a verification link. An address that already has an
 * account gets a "you already have an account" email instead, and the caller sees the same
 * result either way, so sign-up cannot be used to probe which emails are registered.
 */
export async function signUp(input: unknown, ip: string): Promise<void> {
  const data = parseInput(signUpSchema, input);
  await assertRateLimit("sign-up:ip", ip);
  const passwordHash = await hashPassword(data.password);
  const existing = await db.user.findUnique({ where: { email: data.email }, select: { name: true, locale: true } });
  if (existing) {
    await sendEmail(await renderEmail("accountExists", { to: data.email, locale: existing.locale, name: existing.name, path: "/forgot-password" }));
    return;
  }
  const id = newId("user");
  const token = await db.$transaction(async (tx) => {
    await tx.user.create({ data: { id, email: data.email, name: data.name, passwordHash, locale: data.locale } });
    return createUserToken(tx, id, "EMAIL_VERIFY");
  }).catch(async (err: unknown) => {
    // Two sign-ups racing for one email: the unique index lets one through.
    if ((err as { code?: string }).code === "P2002") return null;
    throw err;
  });
  if (!token) return;
  await sendEmail(await renderEmail("verifyEmail", { to: data.email, locale: data.locale, name: data.name, path: `/verify-email?token=${token}` }));
}
