import { z } from "zod";

// Input shapes of the wallet use cases. Amounts are integer minor units (bigint); numbers and
// digit strings are accepted and converted, fractions and floats are refused.

const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

/** Largest amount one entry may move: far below PostgreSQL's BIGINT limit, so sums never overflow. */
export const MAX_ENTRY_MINOR = 10n ** 15n;

export const userIdField = z.string().regex(/^usr_[0-9A-Z]{26}$/, "Not a valid user id.");
export const orderIdField = z.string().regex(/^ord_[0-9A-Z]{26}$/, "Not a valid order id.");

export const currencyField = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => /^[A-Z]{3}$/.test(v) && KNOWN_CURRENCIES.has(v), "Unknown currency.");

const minorUnits = z
  .union([z.bigint(), z.number().int("Must be a whole number of minor units."), z.string().trim().regex(/^-?\d{1,19}$/, "Must be a whole number of minor units.")])
  .transform((v) => BigInt(v));

export const positiveAmountField = minorUnits.refine((v) => v > 0n, "Must be greater than zero.").refine((v) => v <= MAX_ENTRY_MINOR, "Too large.");
export const signedAmountField = minorUnits
  .refine((v) => v !== 0n, "Must not be zero.")
  .refine((v) => v <= MAX_ENTRY_MINOR && v >= -MAX_ENTRY_MINOR, "Too large.");

export const idempotencyKeyField = z.string().trim().min(1, "Required.").max(200, "Too long.");
export const reasonField = z.string().trim().min(3, "Give a reason (at least 3 characters).").max(500, "Too long.");

const walletRef = { userId: userIdField, currency: currencyField };

export const creditWalletSchema = z.object({
  ...walletRef,
  amountMinor: positiveAmountField,
  idempotencyKey: idempotencyKeyField,
  kind: z.enum(["TOP_UP", "COMMISSION"]).default("TOP_UP"),
  orderId: orderIdField.optional(),
  reason: z.string().trim().max(500, "Too long.").optional(),
});

export const debitWalletSchema = z.object({
  ...walletRef,
  amountMinor: positiveAmountField,
  idempotencyKey: idempotencyKeyField,
  orderId: orderIdField.optional(),
  reason: z.string().trim().max(500, "Too long.").optional(),
});

export const adjustWalletSchema = z.object({
  ...walletRef,
  amountMinor: signedAmountField,
  reason: reasonField,
  idempotencyKey: idempotencyKeyField,
});

export const refundToWalletSchema = z.object({
  ...walletRef,
  amountMinor: positiveAmountField,
  orderId: orderIdField,
  idempotencyKey: idempotencyKeyField,
});

export const listWalletEntriesSchema = z.object({
  userId: userIdField,
  currency: currencyField.optional(),
  cursor: z.string().regex(/^wle_[0-9A-Z]{26}$/, "Not a valid cursor.").optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export type CreditWalletInput = z.input<typeof creditWalletSchema>;
export type DebitWalletInput = z.input<typeof debitWalletSchema>;
export type AdjustWalletInput = z.input<typeof adjustWalletSchema>;
export type RefundToWalletInput = z.input<typeof refundToWalletSchema>;
export type ListWalletEntriesInput = z.input<typeof listWalletEntriesSchema>;

/**
 * The admin "Adjust wallet" form: a signed decimal amount in the currency's own decimals, a
 * reason, and the form's nonce (fresh per rendered form) that makes a double submit post once.
 * Messages are keys under `AdminWallet.errors`, then `AdminCatalog.errors`, then `Validation`.
 */
export const adjustWalletFormSchema = z
  .object({
    userId: z.string().regex(/^usr_[0-9A-Z]{26}$/, "invalid"),
    currency: z.string().trim().toUpperCase().refine((v) => /^[A-Z]{3}$/.test(v) && KNOWN_CURRENCIES.has(v), "currencyUnknown"),
    amount: z.string({ error: "required" }).trim().min(1, "required").regex(/^[+-]?\d{1,15}(?:\.\d{1,4})?$/, "amountInvalid"),
    reason: z.string({ error: "reasonRequired" }).trim().min(3, "reasonRequired").max(500, "tooLong"),
    nonce: z.string({ error: "invalid" }).regex(/^[A-Za-z0-9_-]{16,64}$/, "invalid"),
  })
  .transform((v) => {
    const signed = v.amount.startsWith("-") || v.amount.startsWith("+");
    return { ...v, sign: v.amount.startsWith("-") ? -1n : 1n, digits: signed ? v.amount.slice(1) : v.amount };
  });
