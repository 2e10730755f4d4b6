"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";

/** Re-renders the (read-only) return page every few seconds while the order waits for its webhook. */
export function OrderAutoRefresh({ everyMs = 2000, forMs = 10 * 60_000 }: { everyMs?: number; forMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (Date.now() - started > forMs) clearInterval(timer);
      else router.refresh();
    }, everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs, forMs]);
  return null;
}
