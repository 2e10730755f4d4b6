// Requests as the other platforms' clients send them (form-encoded POST, GET query string, JSON),
// and a license seeded with a customer and an order so every answer field has a value.
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { createLicensedPlan, createUser } from "../support/factories";

export type Answer = { status: number; headers: Headers; body: any };

async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, headers: res.headers, body };
}

/** A form-encoded POST, as WordPress's wp_remote_post and Lemon Squeezy's curl examples send. */
export async function postForm(base: string, path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Answer> {
  return answer(await fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json", ...headers },
    body: new URLSearchParams(fields).toString(),
  }));
}

export async function postJson(base: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return answer(await fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json", accept: "application/json", ...headers }, body: JSON.stringify(body) }));
}

/** A GET with the fields in the query string, as add_query_arg + wp_remote_get builds it. */
export async function getQuery(base: string, path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Answer> {
  return answer(await fetch(`${base}${path}?${new URLSearchParams(fields).toString()}`, { headers }));
}

type SeedOptions = Parameters<typeof createLicensedPlan>[0];

/** A license bought by a named customer in a paid order. */
export async function seedPurchasedLicense(options: SeedOptions = {}) {
  const user = await createUser({ name: "Ada Lovelace" });
  const seeded = await createLicensedPlan({ ...options, userId: user.id });
  const order = await db.order.create({
    data: {
      id: newId("order"), userId: user.id, status: "PAID", currency: "USD", subtotalMinor: 4900n, totalMinor: 4900n, quote: {},
      items: { create: { id: newId("orderItem"), planId: seeded.plan.id, quantity: 1, unitPriceMinor: 4900n, totalMinor: 4900n } },
    },
    include: { items: true },
  });
  const orderItem = order.items[0]!;
  await db.license.update({ where: { id: seeded.license.id }, data: { orderItemId: orderItem.id } });
  return { ...seeded, user, order, orderItem };
}

export const SYSTEM = { type: "SYSTEM" as const };
