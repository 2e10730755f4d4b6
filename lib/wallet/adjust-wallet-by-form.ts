import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ADMIN_ROLES, assertRole, type Viewer } from "@/lib/auth/roles";
import { parseInput } from "@/lib/http/parse-input";
import { parseMinorUnits } from "@/lib/catalog/decimal";
import { adjustWallet } from "./adjust-wallet";
import { adjustWalletFormSchema, MAX_ENTRY_MINOR } from "./schemas";

type Ctx = { ip?: string | null; requestId?: string | null };

function fieldError(field: string, key: string): AppError {
  return new AppError("VALIDATION_FAILED", "Some fields are invalid.", { fields: { [field]: [key] } });
}

/**
 * The admin form's wallet adjustment: parses the decimal amount in the currency's decimals and
 * posts one ADJUSTMENT entry keyed by the form's nonce, so submitting the same form twice (a
 * double click, a retried request) records it once. A deduction below zero is a field error.
 */
export async function adjustWalletByForm(viewer: Viewer | null, input: unknown, ctx: Ctx = {}): Promise<{ replayed: boolean; balanceMinor: bigint }> {
  assertRole(viewer, ADMIN_ROLES);
  const v = parseInput(adjustWalletFormSchema, input);
  const parsed = parseMinorUnits(v.digits, v.currency);
  if (!parsed.ok) throw fieldError("amount", parsed.problem);
  if (parsed.value === 0n) throw fieldError("amount", "zeroAmount");
  if (parsed.value > MAX_ENTRY_MINOR) throw fieldError("amount", "outOfRange");
  try {
    const posting = await adjustWallet(db, viewer, {
      userId: v.userId, currency: v.currency, amountMinor: v.sign * parsed.value, reason: v.reason, idempotencyKey: `admin-adjust:${v.nonce}`,
    }, ctx);
    return { replayed: posting.replayed, balanceMinor: posting.balanceMinor };
  } catch (err) {
    if (err instanceof AppError && err.fields?.amountMinor) throw fieldError("amount", "wouldGoNegative");
    if (err instanceof AppError && err.fields?.idempotencyKey) throw fieldError("_form", "alreadySubmitted");
    if (err instanceof AppError && err.fields?.userId) throw new AppError("NOT_FOUND", "User not found.");
    throw err;
  }
}
