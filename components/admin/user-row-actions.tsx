"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { setUserRoleAction, setUserSuspendedAction } from "@/app/[locale]/(admin)/admin/users/actions";
import { initialActionState } from "@/lib/http/action-state";
import { ROLES } from "@/lib/auth/roles";
import { Button } from "@/components/ui/button";

type Props = { userId: string; role: string; suspended: boolean; labels: Record<"suspend" | "reinstate" | "changeRole" | "forbidden", string> & Record<string, string> };

export function UserRowActions({ userId, role, suspended, labels }: Props) {
  const t = useTranslations("Errors");
  const [suspendState, suspendAction, suspending] = useActionState(setUserSuspendedAction, initialActionState);
  const [roleState, roleAction, changing] = useActionState(setUserRoleAction, initialActionState);
  const error = [suspendState, roleState].find((s) => !s.ok && s.code);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={suspendAction}>
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="suspended" value={suspended ? "false" : "true"} />
        <Button type="submit" variant={suspended ? "secondary" : "danger"} disabled={suspending} className="px-3 py-1 text-xs">
          {suspended ? labels.reinstate : labels.suspend}
        </Button>
      </form>
      <form action={roleAction} className="flex items-center gap-1">
        <input type="hidden" name="userId" value={userId} />
        <label className="sr-only" htmlFor={`role-${userId}`}>{labels.changeRole}</label>
        <select id={`role-${userId}`} name="role" defaultValue={role} className="rounded-md border-0 py-1 ps-2 pe-7 text-xs ring-1 ring-inset ring-slate-300">
          {ROLES.map((r) => <option key={r} value={r}>{labels[`role${r}`]}</option>)}
        </select>
        <Button type="submit" variant="secondary" disabled={changing} className="px-3 py-1 text-xs">{labels.changeRole}</Button>
      </form>
      {error?.code ? <p role="alert" className="w-full text-xs text-red-600">{error.code === "FORBIDDEN" ? labels.forbidden : t(error.code as "INTERNAL")}</p> : null}
    </div>
  );
}
