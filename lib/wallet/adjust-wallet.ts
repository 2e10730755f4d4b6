import type { DbOrTx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { ADMIN_ROLES, assertRole, type Viewer } from "@/lib/auth/roles";
import { parseInput } from "@/lib/http/parse-input";
import { toDecimalString } from "@/lib/money";
import { postWalletEntry, type WalletPosting } from "./post-wallet-entry";
import { adjustWalletSchema, type AdjustWalletInput } from "./schemas";

type Ctx = { ip?: string | null; requestId?: string | null };

/**
 * An admin's correction of a wallet: a signed ADJUSTMENT entry with a required reason, audited in
 * the same transaction. A negative adjustment cannot take the balance below zero.
 */
export async function adjustWallet(client: DbOrTx, actor: Viewer | null, input: AdjustWalletInput, ctx: Ctx = {}): Promise<WalletPosting> {
  assertRole(actor, ADMIN_ROLES);
  const v = parseInput(adjustWalletSchema, input);
  return postWalletEntry(
    client,
    { userId: v.userId, currency: v.currency, amountMinor: v.amountMinor, kind: "ADJUSTMENT", idempotencyKey: v.idempotencyKey, reason: v.reason },
    async (tx, { entry, balanceMinor }) => {
      await recordAudit(tx, { type: "USER", id: actor.id, ...ctx }, "wallet.adjust", { type: "user", id: v.userId }, {
        entryId: entry.id,
        currency: v.currency,
        amount: toDecimalString(v.amountMinor, v.currency),
        balance: toDecimalString(balanceMinor, v.currency),
        reason: v.reason,
      });
    },
  );
}
