// Idempotent demo data: products, plans, prices, a demo customer with a license, and an admin.
// Run by the launcher on every start; creates only what is missing.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { hashPassword } from "@/lib/auth/password";
import { newKeyMaterial } from "@/lib/licensing/key-material";
import type { BillingInterval, LicenseType } from "@/lib/generated/prisma/enums";

type PlanSeed = { slug: string; name: string; interval: BillingInterval; seats: number; durationDays?: number; usd: number; eur: number; gbp: number; entitlements: string[] };
type ProductSeed = { slug: string; name: string; tagline: string; type: LicenseType; plans: PlanSeed[]; tiers: [number, number][]; de: { name: string; tagline: string } };

const PRODUCTS: ProductSeed[] = [
  {
    slug: "pixel-forge", name: "Pixel Forge", type: "SOFTWARE",
    tagline: "A fast, non-destructive photo editor for macOS, Windows and Linux.",
    de: { name: "Pixel Forge", tagline: "Ein schneller, nicht-destruktiver Fotoeditor für macOS, Windows und Linux." },
    tiers: [[5, 1000], [20, 2000]],
    plans: [
      { slug: "personal", name: "Personal", interval: "ONE_TIME", seats: 1, usd: 4900, eur: 4500, gbp: 3900, entitlements: ["editor"] },
      { slug: "pro", name: "Pro", interval: "ONE_TIME", seats: 3, usd: 9900, eur: 9200, gbp: 7900, entitlements: ["editor", "raw", "batch"] },
      { slug: "team", name: "Team", interval: "YEAR", seats: 10, usd: 24900, eur: 22900, gbp: 19900, entitlements: ["editor", "raw", "batch", "sso"] },
    ],
  },
  {
    slug: "siteshield", name: "SiteShield for WordPress", type: "SITE",
    tagline: "Firewall, malware scan and uptime alerts for WordPress sites.",
    de: { name: "SiteShield für WordPress", tagline: "Firewall, Malware-Scan und Ausfallwarnungen für WordPress-Websites." },
    tiers: [],
    plans: [
      { slug: "single", name: "Single site", interval: "YEAR", seats: 1, usd: 3900, eur: 3600, gbp: 3100, entitlements: ["firewall", "scan"] },
      { slug: "agency", name: "Agency (25 sites)", interval: "YEAR", seats: 25, usd: 19900, eur: 18400, gbp: 15900, entitlements: ["firewall", "scan", "white-label"] },
    ],
  },
  {
    slug: "datapipe-cli", name: "DataPipe CLI", type: "SOFTWARE",
    tagline: "Move data between databases and warehouses from your terminal.",
    de: { name: "DataPipe CLI", tagline: "Daten zwischen Datenbanken und Warehouses direkt im Terminal bewegen." },
    tiers: [[10, 1500]],
    plans: [
      { slug: "monthly", name: "Monthly", interval: "MONTH", seats: 2, usd: 900, eur: 900, gbp: 800, entitlements: ["sync"] },
      { slug: "yearly", name: "Yearly", interval: "YEAR", seats: 2, usd: 9000, eur: 8500, gbp: 7500, entitlements: ["sync", "schedules"] },
    ],
  },
];

async function seedCatalog() {
  for (const [index, p] of PRODUCTS.entries()) {
    const product = await db.product.upsert({
      where: { slug: p.slug },
      update: {},
      create: { id: newId("product"), slug: p.slug, name: p.name, tagline: p.tagline, licenseType: p.type, sortOrder: index },
    });
    await db.productTranslation.upsert({
      where: { productId_locale: { productId: product.id, locale: "de" } },
      update: {},
      create: { productId: product.id, locale: "de", name: p.de.name, tagline: p.de.tagline },
    });
    for (const [minQuantity, discountBp] of p.tiers) {
      await db.volumeTier.upsert({
        where: { productId_minQuantity: { productId: product.id, minQuantity } },
        update: {},
        create: { id: newId("tier"), productId: product.id, minQuantity, discountBp },
      });
    }
    for (const [sortOrder, plan] of p.plans.entries()) {
      const row = await db.plan.upsert({
        where: { productId_slug: { productId: product.id, slug: plan.slug } },
        update: {},
        create: {
          id: newId("plan"), productId: product.id, slug: plan.slug, name: plan.name, billingInterval: plan.interval,
          activationLimit: plan.seats, entitlements: plan.entitlements, sortOrder, gracePeriodDays: plan.interval === "ONE_TIME" ? 0 : 7,
          // The CLI is licensed per running machine (floating): machines check in hourly.
          ...(p.slug === "datapipe-cli" ? { heartbeatIntervalSec: 3600, heartbeatGraceSec: 600 } : {}),
          reassignmentCooldownSec: 3600,
        },
      });
      for (const [currency, amount] of [["USD", plan.usd], ["EUR", plan.eur], ["GBP", plan.gbp]] as const) {
        await db.price.upsert({
          where: { planId_currency: { planId: row.id, currency } },
          update: {},
          create: { id: newId("price"), planId: row.id, currency, amountMinor: BigInt(amount) },
        });
      }
    }
  }
}

async function seedUser(email: string, name: string, role: "ADMIN" | "CUSTOMER", password: string): Promise<{ id: string; created: boolean }> {
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  const id = newId("user");
  await db.user.create({ data: { id, email, name, role, passwordHash: await hashPassword(password), emailVerifiedAt: new Date() } });
  return { id, created: true };
}

async function seedDemoLicense(userId: string) {
  if (await db.license.count({ where: { userId } })) return;
  const plan = await db.plan.findFirstOrThrow({ where: { slug: "pro", product: { slug: "pixel-forge" } }, include: { prices: { where: { currency: "USD" } } } });
  const price = plan.prices[0]!.amountMinor;
  const orderId = newId("order");
  const itemId = newId("orderItem");
  const licenseId = newId("license");
  const material = newKeyMaterial(licenseId);
  await db.$transaction(async (tx) => {
    await tx.order.create({
      data: {
        id: orderId, userId, status: "PAID", currency: "USD", subtotalMinor: price, totalMinor: price, paidAt: new Date(),
        gateway: "sandbox", gatewayPaymentId: `seed_${orderId}`, quote: { lines: [{ planId: plan.id, quantity: 1, unitMinor: price.toString() }], totalMinor: price.toString() },
        items: { create: { id: itemId, planId: plan.id, quantity: 1, unitPriceMinor: price, totalMinor: price } },
      },
    });
    await tx.license.create({
      data: {
        id: licenseId, keyHash: material.keyHash, keyCiphertext: material.keyCiphertext, keyHint: material.keyHint,
        userId, productId: plan.productId, planId: plan.id, orderItemId: itemId, seats: plan.activationLimit, entitlements: plan.entitlements,
      },
    });
  });
}

export async function seed(): Promise<{ adminPassword?: string; customerPassword?: string }> {
  await seedCatalog();
  const adminPassword = randomBytes(12).toString("base64url");
  const admin = await seedUser("admin@keyfront.local", "Keyfront Admin", "ADMIN", adminPassword);
  const customerPassword = "demo-customer-2026";
  const customer = await seedUser("customer@keyfront.local", "Demo Customer", "CUSTOMER", customerPassword);
  await seedDemoLicense(customer.id);
  return { adminPassword: admin.created ? adminPassword : undefined, customerPassword: customer.created ? customerPassword : undefined };
}

const isMain = process.argv[1]?.endsWith("seed.ts");
if (isMain) {
  seed()
    .then(({ adminPassword, customerPassword }) => {
      const line = "─".repeat(60);
      if (adminPassword) {
        process.stdout.write(`\n${line}\n Keyfront admin account (shown once — save it now)\n   email:    admin@keyfront.local\n   password: ${adminPassword}\n`);
        if (customerPassword) process.stdout.write(` Demo customer\n   email:    customer@keyfront.local\n   password: ${customerPassword}\n`);
        process.stdout.write(`${line}\n\n`);
      } else {
        process.stdout.write("Demo data present; the admin account was created on the first start (reset its password with \"Forgot your password?\").\n");
      }
      process.exit(0);
    })
    .catch((err) => {
      process.stderr.write(`Seeding failed: ${err instanceof Error ? err.stack : err}\n`);
      process.exit(1);
    });
}
