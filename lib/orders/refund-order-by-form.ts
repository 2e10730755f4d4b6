import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ADMIN_ROLES, assertRole, type Viewer } from "@/lib/auth/roles";
import { parseInput } from "@/lib/http/parse-input";
import { parseMinorUnits } from "@/lib/catalog/decimal";
import { orderIdField } from "@/lib/checkout/schemas";
import { adminRefundKey, refundOrder, type RefundOrderResult } from "./refund-order";

type Ctx = { ip?: string | null; requestId?: string | null };

/**
 * The admin order page's refund form: the amount as a decimal in the order's currency, a reason,
 * the form's nonce (fresh per rendered form, so a double submit refunds once) and, when the amount
 * is everything still refundable, the confirmation that the order's licenses will be revoked.
 * Messages are keys under `AdminOrders.refundErrors`, then `AdminCatalog.errors`, then `Validation`.
 */
export const refundOrderFormSchema = z.object({
  orderId: orderIdField,
  amount: z.string({ error: "required" }).trim().min(1, { error: "required", abort: true }).regex(/^\+?\d{1,15}(?:\.\d{1,4})?$/, "amountInvalid"),
  reason: z.string({ error: "reasonRequired" }).trim().min(3, { error: "reasonRequired", abort: true }).max(500, "tooLong"),
  nonce: z.string({ error: "invalid" }).regex(/^[A-Za-z0-9_-]{16,64}$/, "invalid"),
  confirmFull: z.literal("on").optional().catch(undefined),
});

function fieldError(field: string, key: string): AppError {
  return new AppError("VALIDATION_FAILED", "Some fields are invalid.", { fields: { [field]: [key] } });
}

/** Turns refundOrder's codes into the form's field errors; anything else passes through. */
function toFormError(err: unknown): unknown {
  if (!(err instanceof AppError)) return err;
  const fields = err.fields ?? {};
  if (fields.amount?.includes("EXCEEDS_REFUNDABLE")) return fieldError("amount", "exceedsRefundable");
  if (fields.amount || fields.amountMinor) return fieldError("amount", "amountInvalid");
  if (fields.reason) return fieldError("reason", fields.reason.includes("TOO_LONG") ? "tooLong" : "reasonRequired");
  if (fields.status || fields.orderId?.includes("TOP_UP")) return fieldError("_form", "notRefundable");
  if (fields.confirmFull) return fieldError("confirmFull", "confirmFull");
  if (fields.idempotencyKey) return fieldError("_form", "alreadySubmitted");
  if (err.code === "UNAVAILABLE") return fieldError("_form", "providerRefused");
  return err;
}

/**
 * Refunds (part of) an order from the admin form. Admins only; a malformed amount, more than is
 * left, a missing reason or an unconfirmed full refund are field errors and write nothing. The
 * refund itself (gateway or wallet, licenses revoked on a full refund, audit) is refundOrder's.
 */
export async function refundOrderByForm(viewer: Viewer | null, input: unknown, ctx: Ctx = {}): Promise<RefundOrderResult> {
  assertRole(viewer, ADMIN_ROLES);
  const v = parseInput(refundOrderFormSchema, input);
  const order = await db.order.findUnique({ where: { id: v.orderId }, select: { currency: true, totalMinor: true, refundedMinor: true } });
  if (!order) throw new AppError("NOT_FOUND", "Order not found.");
  const parsed = parseMinorUnits(v.amount, order.currency);
  if (!parsed.ok) throw fieldError("amount", parsed.problem);
  if (parsed.value === 0n) throw fieldError("amount", "zeroAmount");
  // A resubmitted form replays its refund as it was: the checks below are for new refunds only.
  const idempotencyKey = `form:${v.nonce}`;
  const replay = await db.orderRefund.findUnique({ where: { idempotencyKey: adminRefundKey(idempotencyKey) }, select: { id: true } });
  if (!replay) {
    const left = order.totalMinor - order.refundedMinor;
    if (parsed.value > left) throw fieldError("amount", "exceedsRefundable");
    // Read before the order's lock, for a quick answer; refundOrder checks both again under it.
    if (parsed.value === left && v.confirmFull !== "on") throw fieldError("confirmFull", "confirmFull");
  }
  try {
    return await refundOrder(viewer, { orderId: v.orderId, amountMinor: parsed.value, reason: v.reason, idempotencyKey, allowFull: v.confirmFull === "on" }, ctx);
  } catch (err) {
    throw toFormError(err);
  }
}
