import { randomBytes } from "node:crypto";
import { newId } from "../lib/ids";
import { expect, test } from "./support/test";
import { signIn } from "./support/auth";
import { createUser, sql } from "./support/db";

// An admin imports an Easy Digital Downloads export: check, map the product, check again, import;
// the old key then validates on the licensing API.
test("an admin imports an EDD export and the old key keeps working", async ({ page }) => {
  const admin = await createUser({ role: "ADMIN" });
  const productId = newId("product");
  const planId = newId("plan");
  const productName = `Imported Site Kit ${randomBytes(2).toString("hex")}`;
  await sql().query(`INSERT INTO "Product" (id, slug, name, "licenseType", "updatedAt") VALUES ($1, $2, $3, 'SITE', now())`, [productId, `e2e-${productId.toLowerCase()}`, productName]);
  await sql().query(`INSERT INTO "Plan" (id, "productId", slug, name, "activationLimit", "updatedAt") VALUES ($1, $2, 'agency', 'Agency', 5, now())`, [planId, productId]);
  const key = randomBytes(16).toString("hex");
  const customer = `imported-${randomBytes(3).toString("hex")}@example.test`;
  const csv = [
    "License ID,License Key,License Status,Customer ID,Customer Email,Customer Name,User ID,Product Name,Price ID,Purchase Date,Expiration Date,Activation Limit,Activation Count,Activated URLs",
    `7,${key},active,1,${customer},"Ada Lovelace",0,Old Plugin,,2023-01-15 10:20:30,0,3,1,https://ada.example.org`,
    `8,,active,1,${customer},"Ada Lovelace",0,Old Plugin,,2023-01-15 10:20:30,0,3,0,`,
  ].join("\r\n");

  await signIn(page, admin.email);
  await page.goto("/en/admin/licenses");
  await page.getByRole("link", { name: "Import licenses" }).click();
  await expect(page).toHaveURL(/\/en\/admin\/licenses\/import$/);
  await page.getByLabel("Export format").selectOption("edd-csv");
  await page.getByLabel("Export file").setInputFiles({ name: "edd-export-licenses.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Check the file" }).click();

  await expect(page.getByRole("heading", { name: "Products in the file" })).toBeVisible();
  // Row 2 names a product not mapped yet; row 3 has no key.
  await expect(page.getByTestId("import-error")).toHaveCount(2);
  await expect(page.getByTestId("import-error").nth(0)).toContainText("Old Plugin");
  await expect(page.getByTestId("import-error").nth(1)).toContainText("key");
  await page.getByLabel("Keyfront product and plan: Old Plugin").selectOption(`${productId}|${planId}`);
  await expect(page.getByText("You changed the file or a choice since this check.")).toBeVisible();
  await expect(page.getByTestId("confirm-import")).toBeDisabled();

  // One row has no key: strict mode blocks the import until it is turned off.
  await page.getByRole("button", { name: "Check again" }).click();
  await expect(page.getByText("Nothing can be imported while rows have problems.")).toBeVisible();
  await page.getByLabel("Import nothing if any row has a problem").uncheck();
  await page.getByRole("button", { name: "Check again" }).click();
  await expect(page.getByTestId("import-row-2")).toContainText("New");
  await page.screenshot({ path: "test-results/screens/license-import-preview.png", fullPage: true });
  await page.getByTestId("confirm-import").click();
  await expect(page.getByText("The licenses were imported.")).toBeVisible();

  const validate = await page.request.post("/api/v1/licenses/validate", { data: { key, domain: "ada.example.org" } });
  expect(await validate.json()).toMatchObject({ valid: true, code: "VALID", license: { activationsUsed: 1, activationsLimit: 3 } });
  const { rows } = await sql().query(`SELECT "passwordHash", "emailVerifiedAt" FROM "User" WHERE email = $1`, [customer]);
  expect(rows).toEqual([{ passwordHash: "!imported", emailVerifiedAt: null }]);
});

test("support staff cannot open the import page", async ({ page }) => {
  const support = await createUser({ role: "SUPPORT" });
  await signIn(page, support.email);
  await page.goto("/en/admin/licenses");
  await expect(page.getByRole("link", { name: "Import licenses" })).toHaveCount(0);
  await page.goto("/en/admin/licenses/import");
  await expect(page).toHaveURL(/\/en\/forbidden$/);
  await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
});
