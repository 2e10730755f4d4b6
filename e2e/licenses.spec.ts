import { expect, newContext, test } from "./support/test";
import { signIn } from "./support/auth";
import { activationState, createKeyedLicense, createUser } from "./support/db";

const device = (n: number) => `e2e-device-fingerprint-${n}-${Date.now()}`;

test("a customer reveals and copies their key and deactivates a device", async ({ browser }) => {
  const alice = await createUser({ name: "Alice" });
  const license = await createKeyedLicense(alice.id, {
    productName: "Pixel Studio",
    devices: [{ fingerprint: device(1), label: "Studio laptop" }, { fingerprint: device(2), label: "Home desktop" }],
  });
  const context = await newContext(browser, { permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await signIn(page, alice.email);

  await page.goto("/en/account/licenses");
  await expect(page.getByTestId("license-list")).toContainText("2 of 3 seats in use");
  await page.getByRole("link", { name: "Pixel Studio" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/account/licenses/${license.licenseId}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Pixel Studio" })).toBeVisible();

  await page.getByRole("button", { name: "Reveal key" }).click();
  await expect(page.getByTestId("license-key")).toHaveText(license.key);
  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(license.key);

  const laptop = page.getByTestId(`activation-${license.activationIds[0]}`);
  await laptop.getByRole("button", { name: "Deactivate" }).click();
  await expect(laptop).toContainText("The activation was removed and its seat is free again.");
  await expect(laptop).toContainText("Deactivated");
  await expect(laptop.getByRole("button", { name: "Deactivate" })).toHaveCount(0);
  await expect(page.getByText("1 of 3 seats in use")).toBeVisible();
  expect((await activationState(license.licenseId)).map((a) => a.status)).toEqual(["RELEASED", "ACTIVE"]);
  await page.screenshot({ path: "test-results/screens/portal-license.png", fullPage: true });
  await context.close();
});

test("another customer gets a 404 and a forged deactivate changes nothing", async ({ browser }) => {
  const alice = await createUser({ name: "Alice" });
  const bob = await createUser({ name: "Bob" });
  const license = await createKeyedLicense(alice.id, {
    devices: [{ fingerprint: device(3), label: "Office PC" }, { fingerprint: device(4), label: "Render node" }],
  });
  const [first, second] = license.activationIds as [string, string];
  const url = `/en/account/licenses/${license.licenseId}`;

  // Alice deactivates her first device; the server action request is recorded.
  const aliceContext = await newContext(browser);
  const alicePage = await aliceContext.newPage();
  await signIn(alicePage, alice.email);
  await alicePage.goto(url);
  const requestPromise = alicePage.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await alicePage.getByTestId(`activation-${first}`).getByRole("button", { name: "Deactivate" }).click();
  const recorded = await requestPromise;
  await expect(alicePage.getByTestId(`activation-${first}`)).toContainText("Deactivated");
  const afterAlice = await activationState(license.licenseId);
  expect(afterAlice.map((a) => a.status)).toEqual(["RELEASED", "ACTIVE"]);

  // Bob cannot open Alice's license.
  const bobContext = await newContext(browser);
  const bobPage = await bobContext.newPage();
  await signIn(bobPage, bob.email);
  const response = await bobPage.goto(url);
  expect(response?.status()).toBe(404);
  await expect(bobPage.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(bobPage.getByText(license.licenseId)).toHaveCount(0);

  // Bob replays Alice's request, retargeted at her other (still active) device, with his session.
  const headers = { ...recorded.headers() };
  delete headers.cookie;
  const body = recorded.postDataBuffer()!;
  const forged = Buffer.from(body.toString("latin1").replaceAll(first, second), "latin1");
  expect(forged.equals(body)).toBe(false);
  for (const target of [recorded.url(), new URL("/en/account/licenses", recorded.url()).toString()]) {
    const replay = await bobPage.request.fetch(target, { method: "POST", headers, data: forged });
    expect(replay.status()).toBeLessThan(500);
    expect(await replay.text()).not.toContain("DEACTIVATED");
  }
  expect(await activationState(license.licenseId)).toEqual(afterAlice);

  // The same forged request is well-formed: with Alice's own session it does release the device.
  const own = await alicePage.request.fetch(recorded.url(), { method: "POST", headers, data: forged });
  expect(own.status()).toBe(200);
  expect((await activationState(license.licenseId)).map((a) => a.status)).toEqual(["RELEASED", "RELEASED"]);
  await Promise.all([aliceContext.close(), bobContext.close()]);
});
