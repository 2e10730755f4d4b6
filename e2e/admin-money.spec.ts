import { expect, newContext, test } from "./support/test";
import { signIn } from "./support/auth";
import { createUser, sql } from "./support/db";

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
