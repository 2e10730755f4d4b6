import { expect, test } from "./support/test";
import { signIn } from "./support/auth";
import { createUser, sql } from "./support/db";

test("an admin creates a product with a plan, a EUR price and a volume tier, and sees it listed", async ({ page }) => {
  const admin = await createUser({ role: "ADMIN" });
  const slug = `e2e-app-${Date.now().toString(36)}`;
  await signIn(page, admin.email);

  await page.goto("/en/admin/products");
  await page.getByRole("link", { name: "New product" }).click();
  await expect(page).toHaveURL(/\/en\/admin\/products\/new$/);
  const productForm = page.getByTestId("product-form");
  // A bad slug is reported beside its field and nothing is created.
  await productForm.getByLabel("Display name").fill("E2E Photo Sorter");
  await productForm.getByLabel("URL slug").fill("Not A Slug");
  await productForm.getByRole("button", { name: "Create product" }).click();
  await expect(productForm.getByText("Use at least two lowercase letters, digits or hyphens.")).toBeVisible();
  await expect(productForm.getByLabel("Display name")).toHaveValue("E2E Photo Sorter");
  await productForm.getByLabel("URL slug").fill(slug);
  await productForm.getByLabel("Tagline").fill("Sorts photos in seconds");
  await productForm.getByRole("button", { name: "Create product" }).click();
  await expect(page).toHaveURL(/\/en\/admin\/products\/prd_[0-9A-Z]{26}$/);
  await expect(page.getByRole("heading", { name: "E2E Photo Sorter", level: 1 })).toBeVisible();

  const newPlan = page.getByTestId("new-plan");
  await newPlan.getByLabel("Display name").fill("Pro");
  await newPlan.getByLabel("URL slug").fill("pro");
  await newPlan.getByLabel("Activation limit").fill("3");
  await newPlan.getByLabel("Entitlements").fill("export, sync");
  await newPlan.getByRole("button", { name: "Create plan" }).click();
  const plan = page.getByTestId("plan-pro");
  await expect(plan).toBeVisible();

  const priceForm = plan.locator("form[data-testid^='price-']");
  await priceForm.getByLabel("Currency").fill("EUR");
  await priceForm.getByLabel("Amount").fill("19.999");
  await priceForm.getByRole("button", { name: "Set price" }).click();
  await expect(priceForm.getByText("This currency has fewer decimal places.")).toBeVisible();
  await priceForm.getByLabel("Amount").fill("19.99");
  await priceForm.getByRole("button", { name: "Set price" }).click();
  await expect(plan.locator("[data-testid^='prices-']")).toContainText("€19.99 19.99 EUR");

  const tiers = page.getByTestId("tiers-form");
  await tiers.getByLabel("From seats").first().fill("5");
  await tiers.getByLabel("Discount in basis points").first().fill("1000");
  await tiers.getByRole("button", { name: "Save discounts" }).click();
  await expect(tiers.getByRole("status")).toHaveText("Saved.");
  await page.screenshot({ path: "test-results/screens/admin-catalog-product.png", fullPage: true });

  const product = (await sql().query(`SELECT id FROM "Product" WHERE slug = $1`, [slug])).rows[0] as { id: string };
  const prices = await sql().query(`SELECT pr.currency, pr."amountMinor"::text AS amount FROM "Price" pr JOIN "Plan" p ON p.id = pr."planId" WHERE p."productId" = $1`, [product.id]);
  expect(prices.rows).toEqual([{ currency: "EUR", amount: "1999" }]);
  const tierRows = await sql().query(`SELECT "minQuantity", "discountBp" FROM "VolumeTier" WHERE "productId" = $1`, [product.id]);
  expect(tierRows.rows).toEqual([{ minQuantity: 5, discountBp: 1000 }]);
  const audit = await sql().query(`SELECT action FROM "AuditLog" WHERE "actorId" = $1 ORDER BY id`, [admin.id]);
  expect(audit.rows.map((r: { action: string }) => r.action)).toEqual(["product.created", "plan.created", "price.set", "product.volume_tiers_set"]);

  await page.getByRole("link", { name: "Back to products" }).click();
  const row = page.getByTestId(`product-row-${slug}`);
  await expect(row).toContainText("E2E Photo Sorter");
  await expect(row).toContainText("On sale");

  await page.goto("/en/admin/exchange-rates");
  const newRate = page.getByTestId("new-rate");
  await newRate.getByLabel("Currency").fill("EUR");
  await newRate.getByLabel("Rate").fill("0.92");
  await newRate.getByRole("button", { name: "Save rate" }).click();
  await expect(page.getByTestId("rate-row-EUR")).toContainText("0.92 EUR per USD");
  await page.screenshot({ path: "test-results/screens/admin-exchange-rates.png", fullPage: true });
});

test("support staff see the catalog read-only and cannot open the new-product form", async ({ page }) => {
  const support = await createUser({ role: "SUPPORT" });
  const slug = `e2e-ro-${Date.now().toString(36)}`;
  const id = `prd_${Date.now().toString(36).toUpperCase().padStart(26, "0")}`;
  await sql().query(`INSERT INTO "Product" (id, slug, name, "updatedAt") VALUES ($1, $2, 'Read Only App', now())`, [id, slug]);
  await signIn(page, support.email);

  await page.goto("/en/admin/products");
  await expect(page.getByRole("link", { name: "New product" })).toHaveCount(0);
  await page.getByTestId(`product-row-${slug}`).getByRole("link", { name: "Read Only App" }).click();
  await expect(page.getByText("Support staff can view the catalog but not change it.")).toBeVisible();
  await expect(page.getByTestId("product-form").getByLabel("Display name")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await expect(page.getByTestId("new-plan")).toHaveCount(0);

  await page.goto("/en/admin/products/new");
  await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
});
