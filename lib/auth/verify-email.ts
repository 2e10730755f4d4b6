import { z } from "zod";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/http/parse-input";
import { assertRateLimit } from "@/lib/http/rate-limit";
import { renderEmail } from "@/lib/notifications/email-templates";
import { sendEmail } from "@/lib/notifications/send-email";
import { createUserToken, consumeUserToken } from "./user-tokens";

/** Confirms an email address from a mailed token. Returns false for an invalid or used token. */
export async function verifyEmail(token: string): Promise<boolean> {
  if (typeof token !== "string" || token.length < 20 || token.length > 200) return false;
  return db.$transaction(async (tx) => {
    const userId = await consumeUserToken(tx, token, "EMAIL_VERIFY");
    if (!userId) return false;
    await tx.user.updateMany({ where: { id: userId, emailVerifiedAt: null }, data: { emailVerifiedAt: new Date() } });
    return true;
  });
}

const resendSchema = z.object({ email: z.string().trim().toLowerCase().email("email").max(254, "tooLong") });

/** Mails a new verification link to an unverified account; silent for unknown or verified emails. */
export async function resendVerification(input: unknown): Promise<void> {
  const { email } = parseInput(resendSchema, input);
  await assertRateLimit("verify-resend:email", email);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, locale: true, emailVerifiedAt: true } });
  if (!user || user.emailVerifiedAt) return;
  const token = await createUserToken(db, user.id, "EMAIL_VERIFY");
  await sendEmail(await renderEmail("verifyEmail", { to: email, locale: user.locale, name: user.name, path: `/verify-email?token=${token}` }));
}
