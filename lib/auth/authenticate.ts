import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";
import { hitRateLimit } from "@/lib/http/rate-limit";
import type { Role } from "@/lib/generated/prisma/enums";
import { dummyPasswordHash, verifyPassword } from "./password";
import { signInSchema } from "./schemas";

export type AuthenticatedUser = { id: string; email: string; name: string | null; role: Role; tokenVersion: number; locale: string };

/**
 * Checks an email and password. Throttled per IP and per email before the password is looked at;
 * unknown emails cost the same time as wrong passwords.
 */
export async function authenticate(input: unknown, ip: string): Promise<AuthenticatedUser> {
  const { email, password } = parseInput(signInSchema, input);
  const [byIp, byEmail] = await Promise.all([hitRateLimit("sign-in:ip", ip), hitRateLimit("sign-in:email", email)]);
  if (!byIp.allowed || !byEmail.allowed) {
    throw new AppError("RATE_LIMITED", "Too many sign-in attempts. Try again later.", {
      retryAfterSec: Math.max(byIp.allowed ? 0 : byIp.resetSec, byEmail.allowed ? 0 : byEmail.resetSec),
    });
  }
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, tokenVersion: true, locale: true, passwordHash: true, emailVerifiedAt: true, suspendedAt: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !ok) throw new AppError("UNAUTHENTICATED", "Wrong email or password.");
  if (user.suspendedAt) throw new AppError("FORBIDDEN", "This account is suspended.");
  if (!user.emailVerifiedAt) throw new AppError("FORBIDDEN", "Verify your email address first.", { fields: { email: ["emailNotVerified"] } });
  const { passwordHash: _p, emailVerifiedAt: _v, suspendedAt: _s, ...safe } = user;
  return safe;
}
