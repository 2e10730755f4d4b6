import type { ReactNode } from "react";

export function MessagePage({ code, title, body, action }: { code: string; title: string; body: string; action?: ReactNode }) {
  return (
    <div className="mx-auto max-w-xl px-4 py-24 text-center">
      <p className="text-sm font-semibold text-brand-600">{code}</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">{title}</h1>
      <p className="mt-3 text-slate-600">{body}</p>
      {action ? <div className="mt-8">{action}</div> : null}
    </div>
  );
}
