import { expect, newContext, test } from "./support/test";
import fs from "node:fs";

const ar = JSON.parse(fs.readFileSync("messages/ar.json", "utf8"));
const de = JSON.parse(fs.readFileSync("messages/de.json", "utf8"));

test("switching to Arabic keeps the page and renders right-to-left Arabic", async ({ page }) => {
  await page.goto("/en/sign-in?next=%2Fen%2Faccount");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await page.getByTestId("locale-switcher").selectOption("ar");
  await expect(page).toHaveURL(/\/ar\/sign-in\?next=%2Fen%2Faccount$/);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.getByRole("heading", { name: ar.Auth.signInTitle })).toBeVisible();
  await page.goto("/ar");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ar.Home.heroTitle);
  await page.screenshot({ path: "test-results/screens/home-ar.png", fullPage: true });
});

test("the root redirects by Accept-Language and unknown pages are localized 404s", async ({ browser }) => {
  const context = await newContext(browser, { locale: "de-DE" });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page).toHaveURL(/\/de$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(de.Home.heroTitle);
  const missing = await page.goto("/de/does-not-exist");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: de.Errors.notFoundTitle })).toBeVisible();
  await context.close();
});
