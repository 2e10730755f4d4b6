"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { loadScript } from "@paypal/paypal-js";
import { capturePaypalAction } from "@/app/[locale]/(storefront)/checkout/actions";
import { useRouter } from "@/lib/i18n/navigation";
import { Alert } from "@/components/ui/card";

/** PayPal's buttons for an order the server already created at PayPal; capture happens on the server. */
export function PaypalButtons({ clientId, currency, orderId, paypalOrderId }: { clientId: string; currency: string; orderId: string; paypalOrderId: string }) {
  const t = useTranslations("Checkout");
  const router = useRouter();
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let closed = false;
    const complete = `/checkout/complete?order=${encodeURIComponent(orderId)}`;
    loadScript({ clientId, currency, intent: "capture" })
      .then((paypal) => {
        if (closed || !paypal?.Buttons || !container.current) return;
        return paypal.Buttons({
          createOrder: async () => paypalOrderId,
          onApprove: async () => {
            const result = await capturePaypalAction(orderId);
            if (!result.ok) setFailed(true);
            router.push(complete);
          },
          onError: () => setFailed(true),
        }).render(container.current);
      })
      .catch(() => setFailed(true));
    return () => { closed = true; };
  }, [clientId, currency, orderId, paypalOrderId, router]);
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">{t("paypalHint")}</p>
      <div ref={container} data-testid="paypal-buttons" />
      {failed ? <Alert>{t("paypalFailed")}</Alert> : null}
    </div>
  );
}
