"use client";

import { useEffect } from "react";
import { clearPurchasedAction } from "@/app/[locale]/(storefront)/checkout/actions";

/** Once the order is paid, takes what was bought out of the cart (the cookie is the server's to write). */
export function ClearPurchasedLines({ orderId }: { orderId: string }) {
  useEffect(() => {
    void clearPurchasedAction(orderId);
  }, [orderId]);
  return null;
}
