// The fake answers the `resend` package the way Resend does, so delivery tests mean something.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Resend } from "resend";
import { startFakeResend, type FakeResend } from "../support/fake-resend";

let fake: FakeResend;
let resend: Resend;
const email = { from: "Keyfront <store@keyfront.test>", to: "buyer@example.test", subject: "Receipt", html: "<p>Receipt</p>", text: "Receipt" };

beforeAll(async () => {
  fake = await startFakeResend();
  resend = new Resend(fake.apiKey, { baseUrl: fake.url });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe("fake Resend", () => {
  it("accepts an email and answers its id; GET /emails/:id reads it back", async () => {
    const { data, error } = await resend.emails.send(email);
    expect(error).toBeNull();
    expect(data?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(fake.accepted).toMatchObject([{ id: data!.id, to: ["buyer@example.test"], subject: "Receipt" }]);
    const read = await resend.emails.get(data!.id);
    expect(read.data).toMatchObject({ object: "email", id: data!.id, subject: "Receipt", to: ["buyer@example.test"] });
  });

  it("the same idempotency key and payload answer the same id and send once", async () => {
    const first = await resend.emails.send(email, { idempotencyKey: "eml_1" });
    const second = await resend.emails.send(email, { idempotencyKey: "eml_1" });
    expect(second.data?.id).toBe(first.data?.id);
    expect(fake.accepted).toHaveLength(1);
    expect(fake.requests.map((r) => r.idempotencyKey)).toEqual(["eml_1", "eml_1"]);
  });

  it("the same key with another payload is refused with 409 invalid_idempotent_request", async () => {
    await resend.emails.send(email, { idempotencyKey: "eml_2" });
    const { error } = await resend.emails.send({ ...email, subject: "Other" }, { idempotencyKey: "eml_2" });
    expect(error).toEqual({ statusCode: 409, name: "invalid_idempotent_request", message: "Same idempotency key used with a different request payload." });
  });

  it("a second request while the first with its key is in flight gets 409 concurrent_idempotent_requests", async () => {
    fake.setLatency(100);
    const [a, b] = await Promise.all([resend.emails.send(email, { idempotencyKey: "eml_3" }), resend.emails.send(email, { idempotencyKey: "eml_3" })]);
    expect([a.error?.name, b.error?.name].filter(Boolean)).toEqual(["concurrent_idempotent_requests"]);
    expect(fake.accepted).toHaveLength(1);
  });

  it("a failed request is not remembered: a retry with its key can succeed", async () => {
    fake.failNext({ status: 500 });
    const failed = await resend.emails.send(email, { idempotencyKey: "eml_4" });
    expect(failed.error).toMatchObject({ statusCode: 500, name: "internal_server_error" });
    const retried = await resend.emails.send(email, { idempotencyKey: "eml_4" });
    expect(retried.data?.id).toBeTruthy();
  });

  it("checks the API key and required fields like Resend", async () => {
    const wrong = await new Resend("re_wrong", { baseUrl: fake.url }).emails.send(email);
    expect(wrong.error).toMatchObject({ statusCode: 403, name: "invalid_api_key" });
    const missing = await fetch(`${fake.url}/emails`, { method: "POST", body: JSON.stringify(email), headers: { "content-type": "application/json" } });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ statusCode: 401, name: "missing_api_key" });
    const noTo = await resend.emails.send({ ...email, to: "" });
    expect(noTo.error).toMatchObject({ statusCode: 422, name: "missing_required_field", message: "Missing `to` field." });
    const longKey = await resend.emails.send(email, { idempotencyKey: "k".repeat(257) });
    expect(longKey.error).toMatchObject({ statusCode: 400, name: "invalid_idempotency_key" });
    expect(fake.accepted).toHaveLength(0);
  });
});
