// Run with `node --import tsx`: credits a wallet through lib/wallet's creditWallet on the e2e
// database (Playwright's loader cannot load the generated Prisma client, tsx can).
import { createDb } from "../../lib/db";
import { creditWallet } from "../../lib/wallet/credit-wallet";

const [userId, amount, currency, idempotencyKey, url] = process.argv.slice(2);
async function main() {
  const client = createDb(url!);
  try {
    await creditWallet(client, { userId: userId!, currency: currency!, amountMinor: BigInt(amount!), idempotencyKey: idempotencyKey!, reason: "E2E credit" });
  } finally {
    await client.$disconnect();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
