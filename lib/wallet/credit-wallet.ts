import type { DbOrTx } from "@/lib/db";
import { parseInput } from "@/lib/http/parse-input";
import { postWalletEntry, type WalletPosting } from "./post-wallet-entry";
import { creditWalletSchema, type CreditWalletInput } from "./schemas";

/**
 * Adds money to a customer's wallet (a gateway top-up, an affiliate payout). Replaying the same
 * idempotency key returns the original entry and changes nothing.
 */
export async function creditWallet(client: DbOrTx, input: CreditWalletInput): Promise<WalletPosting> {
  const v = parseInput(creditWalletSchema, input);
  return postWalletEntry(client, {
    userId: v.userId, currency: v.currency, amountMinor: v.amountMinor, kind: v.kind,
    idempotencyKey: v.idempotencyKey, orderId: v.orderId, reason: v.reason || null,
  });
}
