import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";
import { getWalletBalance } from "@/lib/wallet/queries";
import { useWalletSchema, type Cart } from "./schemas";

/**
 * Turns "pay with my wallet balance" on or off. On needs a signed-in customer with a balance in
 * the cart's currency (UNAUTHENTICATED, or VALIDATION_FAILED `useWallet: NO_WALLET_BALANCE`);
 * the amount taken is the quote's, held when the order is created.
 */
export async function setCartWallet(input: { cart: Cart; userId: string | null; currency: string; useWallet: unknown }): Promise<Cart> {
  const { useWallet } = parseInput(useWalletSchema, { useWallet: input.useWallet });
  if (!useWallet) return { ...input.cart, useWallet: false };
  if (!input.userId) throw new AppError("UNAUTHENTICATED", "Sign in to use your wallet balance.");
  const balance = await getWalletBalance(input.userId, input.currency);
  if (balance <= 0n) throw new AppError("VALIDATION_FAILED", "Your wallet has no balance in this currency.", { fields: { useWallet: ["NO_WALLET_BALANCE"] } });
  return { ...input.cart, useWallet: true };
}
