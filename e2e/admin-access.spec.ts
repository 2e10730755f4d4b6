import { expect, newContext, test } from "./support/test";
import { signIn } from "./support/auth";
import { createUser, userRow } from "./support/db";

test("a customer opening /admin gets 403", async ({ page }) => {
  const customer = await createUser();
  await signIn(page, customer.email);
  const response = await page.goto("/en/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
});

test("an anonymous visitor is sent to sign-in", async ({ page }) => {
  await page.goto("/en/admin");
  await expect(page).toHaveURL(/\/en\/sign-in\?next=%2Fen%2Fadmin/);
});

test("an admin server action replayed with a customer's session is refused", async ({ browser }) => {
  const admin = await createUser({ role: "ADMIN" });
  const customer = await createUser();
  const victim = await createUser({ name: "Victim" });

  // The admin suspends the victim; the action request is recorded.
  const adminContext = await newContext(browser);
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, admin.email);
  await adminPage.goto(`/en/admin/users?q=${encodeURIComponent(victim.email)}`);
  const requestPromise = adminPage.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await adminPage.getByTestId(`user-row-${victim.email}`).getByRole("button", { name: "Suspend" }).click();
  const recorded = await requestPromise;
  await expect(adminPage.getByTestId(`user-row-${victim.email}`)).toContainText("Suspended");
  await adminPage.screenshot({ path: "test-results/screens/admin-users.png", fullPage: true });
  expect((await userRow(victim.id)).suspendedAt).not.toBeNull();

  // Reinstate through the admin UI so the replay has something to change.
  await adminPage.getByTestId(`user-row-${victim.email}`).getByRole("button", { name: "Reinstate" }).click();
  await expect(adminPage.getByTestId(`user-row-${victim.email}`)).toContainText("Active");
  expect((await userRow(victim.id)).suspendedAt).toBeNull();

  // A customer replays the exact action request with their own session cookie.
  const customerContext = await newContext(browser);
  const customerPage = await customerContext.newPage();
  await signIn(customerPage, customer.email);
  const headers = { ...recorded.headers() };
  delete headers.cookie;
  const replay = await customerPage.request.fetch(recorded.url(), { method: "POST", headers, data: recorded.postDataBuffer() ?? undefined });
  expect(replay.status()).toBe(403);
  expect((await userRow(victim.id)).suspendedAt).toBeNull();
  // Sent to a page the customer may open instead, the action still changes nothing.
  const sideDoor = await customerPage.request.fetch(new URL("/en/account", recorded.url()).toString(), { method: "POST", headers, data: recorded.postDataBuffer() ?? undefined });
  expect(sideDoor.status()).toBeLessThan(500);
  expect((await userRow(victim.id)).suspendedAt).toBeNull();

  // And so is a replay with no session at all.
  const anonymous = await newContext(browser);
  const anonReplay = await anonymous.request.fetch(recorded.url(), { method: "POST", headers, data: recorded.postDataBuffer() ?? undefined, maxRedirects: 0 });
  expect(anonReplay.status()).toBe(307);
  expect(anonReplay.headers().location).toContain("/en/sign-in");
  expect((await userRow(victim.id)).suspendedAt).toBeNull();
  await Promise.all([adminContext.close(), customerContext.close(), anonymous.close()]);
});
