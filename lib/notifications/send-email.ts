import { Resend } from "resend";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { newId } from "@/lib/ids";
import { logger } from "@/lib/logger";

export type OutgoingEmail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  template: string;
  locale: string;
};

let resend: Resend | undefined;
function resendClient(): Resend | undefined {
  const env = getEnv();
  if (!env.RESEND_API_KEY) return undefined;
  resend ??= new Resend(env.RESEND_API_KEY, env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : undefined);
  return resend;
}

/**
 * Records the email and delivers it through Resend when configured; without Resend the row in
 * the Email table is the delivery (the local outbox). Returns the email id.
 */
export async function sendEmail(email: OutgoingEmail): Promise<string> {
  const id = newId("email");
  const client = resendClient();
  await db.email.create({ data: { id, ...email, status: "OUTBOX" } });
  if (!client) return id;
  try {
    const { data, error } = await client.emails.send({
      from: getEnv().EMAIL_FROM,
      to: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
    }, { idempotencyKey: id });
    if (error) throw new Error(error.message);
    await db.email.update({ where: { id }, data: { status: "SENT", providerId: data?.id, sentAt: new Date() } });
  } catch (err) {
    logger.error("email delivery failed", { emailId: id, err });
    await db.email.update({ where: { id }, data: { status: "FAILED", error: String(err).slice(0, 500) } });
  }
  return id;
}
