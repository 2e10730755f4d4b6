import { describe, expect, it } from "vitest";
import { getLicenseForOwner, listLicensesForOwner } from "@/lib/licensing/queries";
import { getOrderForOwner, listOrdersForOwner } from "@/lib/orders/queries";
import { createLicenseFor, createPaidOrderFor, createUser } from "../support/factories";

describe("account data is scoped to its owner", () => {
  it("a customer sees their own licenses and orders, never another customer's", async () => {
    const alice = await createUser();
    const bob = await createUser();
    const { license, key } = await createLicenseFor(alice.id);
    const order = await createPaidOrderFor(alice.id);

    expect(await getLicenseForOwner(alice.id, license.id)).toMatchObject({ id: license.id, keyHint: license.keyHint });
    expect(await getLicenseForOwner(bob.id, license.id)).toBeNull();
    expect(await getOrderForOwner(alice.id, order.id)).toMatchObject({ id: order.id });
    expect(await getOrderForOwner(bob.id, order.id)).toBeNull();
    expect(await listLicensesForOwner(bob.id)).toEqual([]);
    expect(await listOrdersForOwner(bob.id)).toEqual([]);

    const listed = await listLicensesForOwner(alice.id);
    expect(listed.map((l) => l.id)).toEqual([license.id]);
    const serialized = JSON.stringify(listed);
    expect(serialized).not.toContain(key);
    expect(serialized).not.toContain(license.keyHash);
    expect(serialized).not.toContain(license.keyCiphertext);
  });
});
