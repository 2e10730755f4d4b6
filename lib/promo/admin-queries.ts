import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/roles";
import { toDecimalString } from "@/lib/money";
import { assertPromoReader } from "./promo-access";
import { resolveResetPeriod } from "./reset-period";

// Staff reads of promo codes (admins and support): the list with usage, and one code with its
// recent redemptions. Only the fields the admin pages show.

const PAGE_SIZE = 50;
const RECENT_REDEMPTIONS = 20;

const PROMO_SELECT = {
  id: true, code: true, kind: true, percentBp: true, amounts: true, startsAt: true, endsAt: true, maxRedemptions: true,
  redemptionCount: true, perCustomerLimit: true, minOrderMinor: true, minOrderCurrency: true, firstPurchaseOnly: true,
  resetPeriod: true, periodStartedAt: true, active: true, createdAt: true,
} as const;

type UsageInput = { redemptionCount: number; resetPeriod: "NONE" | "DAILY" | "WEEKLY" | "MONTHLY"; periodStartedAt: Date | null };

/** Redemptions counted against the global cap right now: 0 when the stored period has ended. */
function usage(p: UsageInput, now: Date) {
  const period = resolveResetPeriod({ resetPeriod: p.resetPeriod, periodStartedAt: p.periodStartedAt, now });
  return { used: period.due ? 0 : p.redemptionCount, periodStart: period.due ? null : p.periodStartedAt, nextResetAt: period.nextResetAt };
}

/** Fixed amounts as exact decimal text per currency ({ USD: "5.00" }). */
function amountsOf(amounts: unknown): Record<string, string> | null {
  if (!amounts || typeof amounts !== "object") return null;
  const out: Record<string, string> = {};
  for (const [currency, v] of Object.entries(amounts as Record<string, unknown>)) {
    if ((typeof v === "number" && Number.isSafeInteger(v)) || (typeof v === "string" && /^\d{1,20}$/.test(v))) out[currency] = toDecimalString(BigInt(v), currency);
  }
  return out;
}

/** Promo codes newest first, a page at a time (cursor: the last id of the previous page). */
export async function listPromoCodesForAdmin(viewer: Viewer | null, input: { cursor?: string } = {}, now = new Date()) {
  assertPromoReader(viewer);
  const cursor = input.cursor && /^prm_[0-9A-Z]{26}$/.test(input.cursor) ? input.cursor : undefined;
  const rows = await db.promoCode.findMany({
    where: cursor ? { id: { lt: cursor } } : {},
    orderBy: { id: "desc" },
    take: PAGE_SIZE + 1,
    select: { ...PROMO_SELECT, _count: { select: { redemptions: true, products: true } } },
  });
  const page = rows.slice(0, PAGE_SIZE);
  return {
    items: page.map((p) => ({ ...p, amounts: amountsOf(p.amounts), usage: usage(p, now) })),
    nextCursor: rows.length > PAGE_SIZE ? page[page.length - 1]!.id : null,
    cursor: cursor ?? null,
  };
}

/** One promo code with its product restriction and recent redemptions, or null. */
export async function getPromoCodeForAdmin(viewer: Viewer | null, promoCodeId: string, now = new Date()) {
  assertPromoReader(viewer);
  if (!/^prm_[0-9A-Z]{26}$/.test(promoCodeId)) return null;
  const promo = await db.promoCode.findUnique({
    where: { id: promoCodeId },
    select: {
      ...PROMO_SELECT,
      products: { select: { product: { select: { id: true, name: true } } } },
      redemptions: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: RECENT_REDEMPTIONS,
        select: {
          id: true, createdAt: true, user: { select: { id: true, email: true } },
          order: { select: { id: true, status: true, currency: true, discountMinor: true, totalMinor: true } },
        },
      },
      _count: { select: { redemptions: true } },
    },
  });
  if (!promo) return null;
  return {
    ...promo,
    amounts: amountsOf(promo.amounts),
    minOrder: promo.minOrderMinor !== null && promo.minOrderCurrency ? toDecimalString(promo.minOrderMinor, promo.minOrderCurrency) : null,
    productIds: promo.products.map((p) => p.product.id),
    usage: usage(promo, now),
  };
}

export type AdminPromoCode = NonNullable<Awaited<ReturnType<typeof getPromoCodeForAdmin>>>;
