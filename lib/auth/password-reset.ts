import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";
import { assertRateLimit } from "@/lib/http/rate-limit";
import { renderEmail } from "@/lib/notifications/email-templates";
import { sendEmail } from "@/lib/notifications/send-email";
import { hashPassword } from "./password";
import { forgotPasswordSchema, resetPasswordSchema } from "./schemas";
import { consumeUserToken, createUserToken } from "./user-tokens";

/** Mails a reset link when the account exists; the caller's answer is the same either way. */
export async function requestPasswordReset(input: unknown, ip: string): Promise<void> {
  const { email } = parseInput(forgotPasswordSchema, input);
  await assertRateLimit("password-reset:ip", ip);
  await assertRateLimit("password-reset:email", email);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, locale: true } });
  if (!user) return;
  const token = await createUserToken(db, user.id, "PASSWORD_RESET");
  await sendEmail(await renderEmail("passwordReset", { to: email, locale: user.locale, name: user.name, path: `/reset-password?token=${token}` }));
}

/**
 * Sets a new password from a reset token. Signs the user out everywhere (token version bump) and
 * verifies the email, since the link proved the user reads that inbox.
 */
export async function resetPassword(input: unknown): Promise<void> {
  const data = parseInput(resetPasswordSchema, input);
  const passwordHash = await hashPassword(data.password);
  await db.$transaction(async (tx) => {
    const userId = await consumeUserToken(tx, data.token, "PASSWORD_RESET");
    if (!userId) throw new AppError("VALIDATION_FAILED", "This link is invalid or has expired.", { fields: { token: ["invalidToken"] } });
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { emailVerifiedAt: true } });
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, tokenVersion: { increment: 1 }, emailVerifiedAt: user.emailVerifiedAt ?? new Date() },
    });
    await tx.userToken.updateMany({ where: { userId, purpose: "PASSWORD_RESET", usedAt: null }, data: { usedAt: new Date() } });
  });
}
