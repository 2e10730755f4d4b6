import { expect, newContext, test } from "./support/test";
import { PASSWORD, sql, uniqueEmail } from "./support/db";

test("sign up, confirm the email from the outbox, sign in and reach the dashboard", async ({ page }) => {
  const email = uniqueEmail("signup");
  await page.goto("/en/sign-up");
  await page.getByLabel("Name").fill("Grace Hopper");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/en\/check-email/);
  await expect(page.getByText(`We sent a confirmation link to ${email}`)).toBeVisible();

  // Signing in before confirming is refused with a clear message.
  await page.goto("/en/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText("Confirm your email address first");

  await page.goto("/en/dev/outbox");
  const row = page.getByTestId("outbox-row").filter({ hasText: email });
  await expect(row).toContainText("Confirm your email address");
  await row.getByRole("link", { name: "Open" }).click();
  await page.getByTestId("email-link").click();
  await expect(page).toHaveURL(/\/en\/verify-email\?token=/);
  await page.getByRole("button", { name: "Email confirmation" }).click();
  await expect(page.getByRole("status")).toContainText("Your email address is confirmed");

  await page.getByRole("link", { name: "Sign in" }).last().click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/en\/account$/);
  await expect(page.getByRole("heading", { name: "Welcome back, Grace Hopper" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/dashboard.png", fullPage: true });
});

test("bad sign-up input shows field errors and creates nothing", async ({ page }) => {
  const { rows: before } = await sql().query(`SELECT count(*)::int AS n FROM "User"`);
  await page.goto("/en/sign-up");
  await page.getByLabel("Name").fill("<script>alert(1)</script>");
  await page.getByLabel("Email").fill("' OR 1=1 --");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("This value contains characters that are not allowed.")).toBeVisible();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveValue("");
  const { rows: after } = await sql().query(`SELECT count(*)::int AS n FROM "User"`);
  expect(after[0].n).toBe(before[0].n);
});

test("repeated failed sign-ins are rate limited", async ({ page }) => {
  const email = uniqueEmail("brute");
  await page.goto("/en/sign-in");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`wrong password ${i}`);
    // Each attempt must reach the server before the next one is made.
    const answered = page.waitForResponse((response) => response.request().method() === "POST");
    await page.getByRole("button", { name: "Sign in" }).click();
    await answered;
    await expect(page.locator("main").getByRole("alert")).toContainText("Wrong email or password.");
  }
  await page.getByLabel("Password").fill("another guess");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText("Too many attempts");
});
