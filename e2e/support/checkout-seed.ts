// Seeds for the checkout specs: a product on sale with a USD price, a promo code, and wallet
// credit posted through the app's own ledger code (lib/wallet), on the e2e server's database.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { newId } from "../../lib/ids";
import { E2E_DATABASE_URL, sql } from "./db";

export async function seedProductOnSale(options: { name?: string; planName?: string; priceMinor?: number; activationLimit?: number } = {}) {
  const productId = newId("product");
  const planId = newId("plan");
  const slug = `e2e-shop-${randomBytes(4).toString("hex")}`;
  const name = options.name ?? `Checkout Studio ${randomBytes(2).toString("hex")}`;
  await sql().query(`INSERT INTO "Product" (id, slug, name, tagline, "updatedAt") VALUES ($1, $2, $3, 'Edit faster with every update.', now())`, [productId, slug, name]);
  await sql().query(
    `INSERT INTO "Plan" (id, "productId", slug, name, "activationLimit", "updatedAt") VALUES ($1, $2, 'team', $3, $4, now())`,
    [planId, productId, options.planName ?? "Team", options.activationLimit ?? 2],
  );
  await sql().query(`INSERT INTO "Price" (id, "planId", currency, "amountMinor") VALUES ($1, $2, 'USD', $3)`, [newId("price"), planId, options.priceMinor ?? 2000]);
  return { productId, planId, slug, name };
}

export async function seedPromoCode(percentBp = 1000) {
  const code = `E2E-${randomBytes(3).toString("hex").toUpperCase()}`;
  await sql().query(`INSERT INTO "PromoCode" (id, code, kind, "percentBp", "updatedAt") VALUES ($1, $2, 'PERCENT', $3, now())`, [newId("promo"), code, percentBp]);
  return code;
}

/** Credits the customer's wallet through lib/wallet's creditWallet (the same ledger posting the app makes). */
export async function seedWalletCredit(userId: string, amountMinor: bigint, currency = "USD") {
  const script = path.resolve(__dirname, "credit-wallet-cli.ts");
  const key = `e2e-seed:${userId}:${randomBytes(4).toString("hex")}`;
  execFileSync(process.execPath, ["--import", "tsx", script, userId, amountMinor.toString(), currency, key, E2E_DATABASE_URL], {
    cwd: path.resolve(__dirname, "../.."), stdio: "pipe", timeout: 60_000,
  });
}

export async function walletBalance(userId: string, currency = "USD"): Promise<bigint> {
  const { rows } = await sql().query(`SELECT "balanceMinor"::text AS b FROM "Wallet" WHERE "userId" = $1 AND currency = $2`, [userId, currency]);
  return BigInt(rows[0]?.b ?? 0);
}
