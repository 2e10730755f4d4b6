import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { PASSWORD, createUser, sql, uniqueEmail } from "./support/db";
import { signIn } from "./support/auth";
import { seedProductOnSale, seedPromoCode, seedWalletCredit, walletBalance } from "./support/checkout-seed";

async function signUpAndConfirm(page: Page, email: string) {
  await page.goto("/en/sign-up");
  await page.getByLabel("Name").fill("Ada Buyer");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/en\/check-email/);
  await page.goto("/en/dev/outbox");
  const row = page.getByTestId("outbox-row").filter({ hasText: email }).filter({ hasText: "Confirm your email address" });
  await row.getByRole("link", { name: "Open" }).click();
  await page.getByTestId("email-link").click();
  await page.getByRole("button", { name: "Email confirmation" }).click();
  await expect(page.getByRole("status")).toContainText("Your email address is confirmed");
}

async function addToCart(page: Page, locale: string, slug: string, seats: number) {
  await page.goto(`/${locale}/products/${slug}`);
  const plan = page.getByTestId("plan").first();
  await plan.getByRole("spinbutton").fill(String(seats));
  await plan.getByRole("button").click();
  await expect(plan.getByRole("status")).toBeVisible();
}

async function ordersOf(email: string) {
  const { rows } = await sql().query(
    `SELECT o.id, o.status, o."totalMinor"::text AS total, o."walletMinor"::text AS wallet FROM "Order" o JOIN "User" u ON u.id = o."userId" WHERE u.email = $1 ORDER BY o."createdAt"`,
    [email],
  );
  return rows as { id: string; status: string; total: string; wallet: string }[];
}

test("a new customer buys a 3-seat license with a promo code through the sandbox gateway", async ({ page }) => {
  const product = await seedProductOnSale({ priceMinor: 2000 });
  const promo = await seedPromoCode(1000);
  const email = uniqueEmail("buyer");
  await signUpAndConfirm(page, email);
  await page.context().clearCookies(); // shop as a visitor first

  await page.goto("/en/products");
  await page.getByRole("link", { name: "View plans" }).and(page.locator(`[href$="/products/${product.slug}"]`)).click();
  await expect(page.getByRole("heading", { name: product.name })).toBeVisible();
  await expect(page.getByTestId("plan-price").first()).toHaveText("$20.00 one-time");
  await addToCart(page, "en", product.slug, 3);

  await page.getByRole("link", { name: "View cart" }).click();
  await expect(page).toHaveURL(/\/en\/cart$/);
  await expect(page.getByTestId("summary-total")).toHaveText("$60.00");
  // A code that does not exist is refused with its reason; nothing changes.
  await page.getByLabel("Promo code").fill("NOPE-NOPE");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("promo-error")).toHaveText("This promo code does not exist.");
  await expect(page.getByTestId("summary-total")).toHaveText("$60.00");
  await page.getByLabel("Promo code").fill(promo.toLowerCase());
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("promo-applied")).toContainText(promo);
  await expect(page.getByTestId("summary-promo")).toHaveText("−$6.00");
  await expect(page.getByTestId("summary-total")).toHaveText("$54.00");
  await page.screenshot({ path: "test-results/screens/cart.png", fullPage: true });

  // Checkout asks a visitor to sign in and comes back.
  await page.getByTestId("to-checkout").click();
  await expect(page).toHaveURL(/\/en\/sign-in\?next=/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/en\/checkout$/);
  await expect(page.getByTestId("summary-total")).toHaveText("$54.00");
  await page.getByLabel("Test payment (sandbox)").check();
  await page.screenshot({ path: "test-results/screens/checkout.png", fullPage: true });
  await page.getByTestId("pay").click();

  await expect(page).toHaveURL(/\/sandbox\/pay\//);
  await page.locator('button[value="pay"]').click();
  await expect(page).toHaveURL(/\/en\/checkout\/complete\?order=ord_/);
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "PAID", { timeout: 20_000 });
  // Once paid, the bought plan leaves the cart.
  await expect(page.getByTestId("cart-link")).toHaveText("Cart");
  await page.screenshot({ path: "test-results/screens/checkout-complete.png", fullPage: true });
  expect(await ordersOf(email)).toEqual([expect.objectContaining({ status: "PAID", total: "5400", wallet: "0" })]);

  await page.getByTestId("view-licenses").click();
  await expect(page).toHaveURL(/\/en\/account\/licenses$/);
  await expect(page.locator("main")).toContainText(product.name);

  await page.goto("/en/dev/outbox");
  await expect(page.getByTestId("outbox-row").filter({ hasText: email }).filter({ hasText: `Your license for ${product.name}` })).toHaveCount(1);
});

test("a purchase paid from the wallet finishes at once", async ({ page }) => {
  const product = await seedProductOnSale({ priceMinor: 1500 });
  const user = await createUser();
  await seedWalletCredit(user.id, 10_000n);
  await signIn(page, user.email);
  await addToCart(page, "en", product.slug, 2);
  await page.goto("/en/cart");
  await expect(page.getByTestId("summary-total")).toHaveText("$30.00");
  await page.getByTestId("use-wallet").check();
  await expect(page.getByTestId("summary-wallet")).toHaveText("−$30.00");
  await expect(page.getByTestId("summary-due")).toHaveText("$0.00");
  await page.getByTestId("to-checkout").click();
  await expect(page).toHaveURL(/\/en\/checkout$/);
  await expect(page.getByRole("group", { name: "Payment method" })).toHaveCount(0);
  await page.getByRole("button", { name: "Place order, paid from wallet" }).click();
  await expect(page).toHaveURL(/\/en\/checkout\/complete\?order=ord_/);
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "PAID");
  expect(await ordersOf(user.email)).toEqual([expect.objectContaining({ status: "PAID", total: "3000", wallet: "3000" })]);
  expect(await walletBalance(user.id)).toBe(7000n);
  await page.getByTestId("view-licenses").click();
  await expect(page.locator("main")).toContainText(product.name);
});

test("the Arabic storefront runs right-to-left through checkout", async ({ page }) => {
  const product = await seedProductOnSale({ priceMinor: 999 });
  const user = await createUser();
  await signIn(page, user.email);
  await addToCart(page, "ar", product.slug, 1);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await page.goto("/ar/cart");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { name: "سلتك" })).toBeVisible();
  await page.getByTestId("to-checkout").click();
  await expect(page).toHaveURL(/\/ar\/checkout$/);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { name: "إتمام الشراء" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/checkout-ar.png", fullPage: true });
  await page.getByLabel("دفع تجريبي (بيئة اختبار)").check();
  await page.getByTestId("pay").click();
  await expect(page).toHaveURL(/\/sandbox\/pay\//);
  await page.locator('button[value="pay"]').click();
  await expect(page).toHaveURL(/\/ar\/checkout\/complete\?order=ord_/);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "PAID", { timeout: 20_000 });
  await expect(page.getByTestId("order-status")).toHaveText("تم استلام الدفعة");
  await page.screenshot({ path: "test-results/screens/checkout-complete-ar.png", fullPage: true });
  expect(await ordersOf(user.email)).toEqual([expect.objectContaining({ status: "PAID" })]);
});
