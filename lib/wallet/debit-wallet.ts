import type { DbOrTx } from "@/lib/db";
import { parseInput } from "@/lib/http/parse-input";
import { postWalletEntry, type WalletPosting } from "./post-wallet-entry";
import { debitWalletSchema, type DebitWalletInput } from "./schemas";

/**
 * Takes money from a customer's wallet, e.g. inside the checkout's order transaction. Throws
 * CONFLICT (field `amountMinor`) and writes nothing when the balance is too low; the balance can
 * never go negative, however many debits race. Replaying the idempotency key changes nothing.
 */
export async function debitWallet(client: DbOrTx, input: DebitWalletInput): Promise<WalletPosting> {
  const v = parseInput(debitWalletSchema, input);
  return postWalletEntry(client, {
    userId: v.userId, currency: v.currency, amountMinor: -v.amountMinor, kind: "PURCHASE",
    idempotencyKey: v.idempotencyKey, orderId: v.orderId, reason: v.reason || null,
  });
}
