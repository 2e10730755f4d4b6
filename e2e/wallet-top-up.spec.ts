import { expect, test } from "./support/test";
import { createUser, sql } from "./support/db";
import { signIn } from "./support/auth";
import { walletBalance } from "./support/checkout-seed";

async function topUpOrdersOf(userId: string) {
  const { rows } = await sql().query(`SELECT id, status, currency, "totalMinor"::text AS total FROM "Order" WHERE "userId" = $1 AND kind = 'TOP_UP'`, [userId]);
  return rows as { id: string; status: string; currency: string; total: string }[];
}

test("a customer tops up 20.00 through the sandbox page and sees the balance in the wallet", async ({ page }) => {
  const user = await createUser();
  await signIn(page, user.email);
  await page.goto("/en/account/wallet");
  await expect(page.getByRole("heading", { name: "Top-up" })).toBeVisible();
  await expect(page.getByTestId("wallet-balances")).toHaveCount(0);
  const form = page.getByTestId("top-up-form");
  await form.getByLabel("Currency").selectOption("USD");
  await expect(form.getByText("The smallest top-up is $1.00.")).toBeVisible();
  await form.getByLabel("Test payment (sandbox)").check();

  // Too little, then too many decimals: refused on the field, no order.
  await form.getByLabel("Amount", { exact: true }).fill("0.50");
  await page.getByTestId("top-up-submit").click();
  await expect(form.getByText("This is below the minimum top-up.")).toBeVisible();
  await form.getByLabel("Amount", { exact: true }).fill("20.005");
  await page.getByTestId("top-up-submit").click();
  await expect(form.getByText("This currency has fewer decimal places.")).toBeVisible();
  expect(await topUpOrdersOf(user.id)).toEqual([]);
  await page.screenshot({ path: "test-results/screens/wallet-top-up-error.png", fullPage: true });

  await form.getByLabel("Amount", { exact: true }).fill("20.00");
  await page.getByTestId("top-up-submit").click();
  await expect(page).toHaveURL(/\/sandbox\/pay\//);
  await expect(page.locator("body")).toContainText("20.00");
  await page.locator('button[value="pay"]').click();

  await expect(page).toHaveURL(/\/en\/checkout\/complete\?order=ord_/);
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "PAID", { timeout: 20_000 });
  await expect(page.getByTestId("order-status")).toHaveText("Wallet topped up");
  await expect(page.getByTestId("top-up-credited")).toHaveText("Your wallet was credited with $20.00.");
  await expect(page.getByTestId("view-licenses")).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/wallet-top-up-complete.png", fullPage: true });
  expect(await topUpOrdersOf(user.id)).toEqual([expect.objectContaining({ status: "PAID", currency: "USD", total: "2000" })]);
  expect(await walletBalance(user.id)).toBe(2000n);

  await page.getByTestId("view-wallet").click();
  await expect(page).toHaveURL(/\/en\/account\/wallet$/);
  await expect(page.getByTestId("balance-USD")).toContainText("$20.00");
  await expect(page.locator("table")).toContainText("Top-up");
  await expect(page.locator("table")).toContainText("$20.00");
  await page.screenshot({ path: "test-results/screens/wallet-top-up.png", fullPage: true });
});
