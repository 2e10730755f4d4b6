import type { ReactNode } from "react";
import { SectionNav, type SectionNavItem } from "./section-nav";

export function SectionShell({ navLabel, title, items, children }: { navLabel: string; title: string; items: SectionNavItem[]; children: ReactNode }) {
  return (
    <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 lg:grid-cols-[14rem_1fr]">
      <aside>
        <p className="mb-3 px-3 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</p>
        <SectionNav label={navLabel} items={items} />
      </aside>
      <div className="min-w-0">{children}</div>
    </div>
  );
}
