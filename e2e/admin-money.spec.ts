import { expect, newContext, test } from "./support/test";
import { signIn } from "./support/auth";
import { createUser, sql } from "./support/db";
import { newId } from "../lib/ids";

test("an admin creates a promo code, with a field error first, and sees it listed", async ({ page }) => {
  const admin = await createUser({ role: "ADMIN" });
  const code = `e2e-${Date.now().toString(36)}`;
  await signIn(page, admin.email);

  await page.goto("/en/admin/promo-codes");
  await page.getByRole("link", { name: "New promo code" }).click();
  await expect(page).toHaveURL(/\/en\/admin\/promo-codes\/new$/);
  const form = page.getByTestId("promo-form");
  await form.getByLabel("Code", { exact: true }).fill(code);
  await form.getByRole("button", { name: "Create promo code" }).click();
  await expect(form.getByText("Enter the percentage in basis points.")).toBeVisible();
  await expect(form.getByLabel("Code", { exact: true })).toHaveValue(code);
  await form.getByLabel("Percentage in basis points").fill("1500");
  await form.getByLabel("Total redemptions").fill("100");
  await form.getByRole("button", { name: "Create promo code" }).click();
  await expect(page).toHaveURL(/\/en\/admin\/promo-codes\/prm_[0-9A-Z]{26}$/);
  await expect(page.getByRole("heading", { name: code.toUpperCase(), level: 1 })).toBeVisible();
  await expect(page.getByTestId("promo-usage")).toContainText("0 of 100");
  await page.screenshot({ path: "test-results/screens/admin-promo-code.png", fullPage: true });

  const rows = await sql().query(`SELECT code, kind, "percentBp", "maxRedemptions" FROM "PromoCode" WHERE code = $1`, [code.toUpperCase()]);
  expect(rows.rows).toEqual([{ code: code.toUpperCase(), kind: "PERCENT", percentBp: 1500, maxRedemptions: 100 }]);
  const audit = await sql().query(`SELECT action FROM "AuditLog" WHERE "actorId" = $1`, [admin.id]);
  expect(audit.rows.map((r: { action: string }) => r.action)).toEqual(["promo.created"]);

  await page.getByRole("link", { name: "Back to promo codes" }).click();
  const row = page.getByTestId(`promo-row-${code.toUpperCase()}`);
  await expect(row).toContainText("15%");
  await expect(row).toContainText("0 of 100");
  await expect(row).toContainText("Active");
  await page.screenshot({ path: "test-results/screens/admin-promo-list.png", fullPage: true });
});

test("an admin adjusts a customer's wallet once per form, and the customer sees the balance", async ({ page, browser }) => {
  const admin = await createUser({ role: "ADMIN" });
  const customer = await createUser({ name: "Wallet Customer" });
  await signIn(page, admin.email);

  await page.goto("/en/admin/users");
  await page.getByTestId(`user-row-${customer.email}`).getByRole("link", { name: customer.email }).click();
  await expect(page).toHaveURL(new RegExp(`/en/admin/users/${customer.id}$`));
  const form = page.getByTestId("wallet-adjust");
  await form.getByLabel("Currency").fill("USD");
  await form.getByLabel("Amount").fill("25.00");
  await form.getByLabel("Reason").fill("Welcome credit");
  // A double submit of the same form: both posts carry the same nonce, so one entry is written.
  await form.evaluate((f: HTMLFormElement) => {
    f.requestSubmit();
    f.requestSubmit();
  });
  await expect(page.getByTestId("balance-USD")).toContainText("$25.00");
  const entries = await sql().query(`SELECT "amountMinor"::text AS amount, kind, reason FROM "WalletEntry" WHERE "userId" = $1`, [customer.id]);
  expect(entries.rows).toEqual([{ amount: "2500", kind: "ADJUSTMENT", reason: "Welcome credit" }]);

  // A deduction below zero is refused beside the amount, and nothing is written.
  await form.getByLabel("Currency").fill("USD");
  await form.getByLabel("Amount").fill("-30");
  await form.getByLabel("Reason").fill("Too much");
  await form.getByRole("button", { name: "Adjust wallet" }).click();
  await expect(form.getByText("The balance is too low for this deduction.")).toBeVisible();
  expect((await sql().query(`SELECT count(*)::int AS n FROM "WalletEntry" WHERE "userId" = $1`, [customer.id])).rows[0]).toEqual({ n: 1 });
  await page.screenshot({ path: "test-results/screens/admin-user-wallet.png", fullPage: true });

  const context = await newContext(browser);
  const customerPage = await context.newPage();
  await signIn(customerPage, customer.email);
  await customerPage.getByRole("link", { name: "Wallet" }).click();
  await expect(customerPage).toHaveURL(/\/en\/account\/wallet$/);
  await expect(customerPage.getByTestId("balance-USD")).toContainText("$25.00");
  await expect(customerPage.getByRole("table")).toContainText("Welcome credit");
  await expect(customerPage.getByRole("table")).toContainText("Adjustment");
  await customerPage.screenshot({ path: "test-results/screens/portal-wallet.png", fullPage: true });
  await context.close();
});

test("gateways are for admins only; orders open read-only for support", async ({ page, browser }) => {
  const admin = await createUser({ role: "ADMIN" });
  await signIn(page, admin.email);
  await page.goto("/en/admin/gateways");
  await expect(page.getByRole("heading", { name: "Payment gateways", level: 1 })).toBeVisible();
  await expect(page.getByTestId("webhook-stripe")).toHaveText(/\/api\/webhooks\/stripe$/);
  await expect(page.getByTestId("gateway-stripe-card")).toContainText("Not configured");
  await expect(page.getByTestId("gateway-stripe").getByLabel("Secret key", { exact: true })).toHaveAttribute("type", "password");
  await page.screenshot({ path: "test-results/screens/admin-gateways.png", fullPage: true });
  await page.goto("/en/admin/orders");
  await expect(page.getByRole("heading", { name: "Orders", level: 1 })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/admin-orders.png", fullPage: true });

  const support = await createUser({ role: "SUPPORT" });
  const context = await newContext(browser);
  const supportPage = await context.newPage();
  await signIn(supportPage, support.email);
  await supportPage.goto("/en/admin/gateways");
  await expect(supportPage.getByRole("heading", { name: "Access denied" })).toBeVisible();
  await supportPage.goto("/en/admin/orders");
  await expect(supportPage.getByRole("heading", { name: "Orders", level: 1 })).toBeVisible();
  await context.close();
});

/** A customer's purchase of one license for $40.00, paid from the wallet; returns the ids. */
async function walletPaidOrder(customerId: string) {
  const productId = newId("product");
  const planId = newId("plan");
  const orderId = newId("order");
  const itemId = newId("orderItem");
  await sql().query(`INSERT INTO "Product" (id, slug, name, "updatedAt") VALUES ($1, $2, 'Refund Studio', now())`, [productId, `e2e-${productId.toLowerCase()}`]);
  await sql().query(`INSERT INTO "Plan" (id, "productId", slug, name, "updatedAt") VALUES ($1, $2, 'pro', 'Pro', now())`, [planId, productId]);
  const totals = { subtotalMinor: "4000", volumeDiscountMinor: "0", promoDiscountMinor: "0", discountMinor: "0", taxMinor: "0", totalMinor: "4000", walletMinor: "4000", dueMinor: "0" };
  await sql().query(
    `INSERT INTO "Order" (id, "userId", status, currency, "subtotalMinor", "walletMinor", "totalMinor", quote, gateway, "paidAt", "updatedAt")
     VALUES ($1, $2, 'PAID', 'USD', 4000, 4000, 4000, $3, 'wallet', now(), now())`,
    [orderId, customerId, JSON.stringify({ version: 1, totals, promo: null })],
  );
  await sql().query(`INSERT INTO "OrderItem" (id, "orderId", "planId", quantity, "unitPriceMinor", "totalMinor") VALUES ($1, $2, $3, 1, 4000, 4000)`, [itemId, orderId, planId]);
  return { orderId };
}

test("an admin refunds part of an order to the wallet; a full refund asks first; support sees no form", async ({ page, browser }) => {
  const admin = await createUser({ role: "ADMIN" });
  const customer = await createUser();
  const { orderId } = await walletPaidOrder(customer.id);
  await signIn(page, admin.email);
  await page.goto(`/en/admin/orders/${orderId}`);
  const form = page.getByTestId("order-refund");
  await expect(form.getByLabel("Amount (USD)")).toHaveValue("40.00");
  await expect(page.getByTestId("order-refunds")).toContainText("No refunds for this order.");

  await form.getByLabel("Amount (USD)").fill("15.00");
  await form.getByLabel("Reason").fill("Goodwill for the outage");
  await form.getByRole("button", { name: "Issue refund" }).click();
  await expect(page.getByText("Partially refunded").first()).toBeVisible();
  const refunds = page.getByTestId("order-refunds");
  await expect(refunds).toContainText("Goodwill for the outage");
  await expect(refunds).toContainText("$15.00");
  await expect(refunds).toContainText(admin.email);
  // The form is fresh again, prefilled with what is left.
  await expect(form.getByLabel("Amount (USD)")).toHaveValue("25.00");
  const rows = await sql().query(`SELECT "amountMinor"::text AS amount, "walletMinor"::text AS wallet, reason FROM "OrderRefund" WHERE "orderId" = $1`, [orderId]);
  expect(rows.rows).toEqual([{ amount: "1500", wallet: "1500", reason: "Goodwill for the outage" }]);

  // The rest without the confirmation: refused beside the box, nothing written.
  await form.getByLabel("Reason").fill("Cancelled");
  await form.getByRole("button", { name: "Issue refund" }).click();
  await expect(form.getByText("A full refund revokes the licenses: tick the box to confirm.")).toBeVisible();
  expect((await sql().query(`SELECT count(*)::int AS n FROM "OrderRefund" WHERE "orderId" = $1`, [orderId])).rows[0]).toEqual({ n: 1 });
  await page.screenshot({ path: "test-results/screens/admin-order-refund.png", fullPage: true });

  const support = await createUser({ role: "SUPPORT" });
  const context = await newContext(browser);
  const supportPage = await context.newPage();
  await signIn(supportPage, support.email);
  await supportPage.goto(`/en/admin/orders/${orderId}`);
  await expect(supportPage.getByTestId("order-refunds")).toContainText("Goodwill for the outage");
  await expect(supportPage.getByTestId("order-refund")).toHaveCount(0);
  await context.close();
});
