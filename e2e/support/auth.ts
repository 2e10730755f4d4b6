import { expect, type Page } from "@playwright/test";
import { PASSWORD } from "./db";

export async function signIn(page: Page, email: string, password = PASSWORD, locale = "en") {
  await page.goto(`/${locale}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/account`));
}
