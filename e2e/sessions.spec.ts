import { expect, newContext, test } from "./support/test";
import { signIn } from "./support/auth";
import { createLicense, createUser } from "./support/db";

test("sign out everywhere ends the session in a second browser", async ({ browser }) => {
  const user = await createUser({ name: "Two Devices" });
  const laptop = await newContext(browser);
  const phone = await newContext(browser);
  const laptopPage = await laptop.newPage();
  const phonePage = await phone.newPage();
  await signIn(laptopPage, user.email);
  await signIn(phonePage, user.email);

  await laptopPage.goto("/en/account/settings");
  await laptopPage.getByRole("button", { name: "Sign out of all sessions" }).click();
  await expect(laptopPage).toHaveURL(/\/en\/sign-in/);

  await phonePage.goto("/en/account");
  await expect(phonePage).toHaveURL(/\/en\/sign-in/);
  const api = await phonePage.request.get("/api/account");
  expect(api.status()).toBe(401);
  await Promise.all([laptop.close(), phone.close()]);
});

test("the account API never shows one customer's data to another", async ({ browser }) => {
  const alice = await createUser({ name: "Alice" });
  const bob = await createUser({ name: "Bob" });
  const aliceLicense = await createLicense(alice.id);

  const aliceContext = await newContext(browser);
  const alicePage = await aliceContext.newPage();
  await signIn(alicePage, alice.email);
  const own = await alicePage.request.get(`/api/account/licenses/${aliceLicense}`);
  expect(own.status()).toBe(200);
  expect((await own.json()).data.id).toBe(aliceLicense);

  const bobContext = await newContext(browser);
  const bobPage = await bobContext.newPage();
  await signIn(bobPage, bob.email);
  const stolen = await bobPage.request.get(`/api/account/licenses/${aliceLicense}`);
  expect(stolen.status()).toBe(404);
  expect(await stolen.json()).toEqual({ error: { code: "NOT_FOUND", message: "License not found." } });
  const list = await bobPage.request.get("/api/account/licenses");
  expect((await list.json()).data).toEqual([]);
  const me = await bobPage.request.get("/api/account");
  expect((await me.json()).data.email).toBe(bob.email);

  const anonymous = await newContext(browser);
  const anon = await anonymous.request.get(`/api/account/licenses/${aliceLicense}`);
  expect(anon.status()).toBe(401);
  expect((await anon.json()).error.code).toBe("UNAUTHENTICATED");
  await Promise.all([aliceContext.close(), bobContext.close(), anonymous.close()]);
});
