"use client";

import { Link, usePathname } from "@/lib/i18n/navigation";

export type SectionNavItem = { href: string; label: string };

/** Side navigation of the account and admin areas; marks the current section. On narrow screens it
 *  scrolls sideways inside the page (inline-size containment keeps it from widening the page). */
export function SectionNav({ label, items }: { label: string; items: SectionNavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="flex gap-1 overflow-x-auto [contain:inline-size] lg:flex-col">
      {items.map((item) => {
        const root = item.href.split("/").length <= 2;
        const current = root ? pathname === item.href : pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={current ? "page" : undefined}
            className={`whitespace-nowrap rounded-lg px-3 py-2 text-sm font-medium ${current ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"}`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
