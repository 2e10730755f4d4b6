import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

export function AuthCard({ title, intro, children, footer }: { title: string; intro?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <Card className="space-y-6 p-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
        {intro ? <p className="mt-2 text-sm text-slate-600">{intro}</p> : null}
      </div>
      {children}
      {footer ? <div className="border-t border-slate-100 pt-4 text-center text-sm text-slate-600">{footer}</div> : null}
    </Card>
  );
}
