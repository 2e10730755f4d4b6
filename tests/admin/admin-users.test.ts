import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setUserRole, setUserSuspended } from "@/lib/users/admin-update-user";
import { getSessionUserById } from "@/lib/auth/session-user";
import { createUser, viewerOf } from "../support/factories";

describe("admin user actions", () => {
  it.each(["CUSTOMER", "SUPPORT"] as const)("refuse a %s and change nothing", async (role) => {
    const actor = viewerOf(await createUser({ role }));
    const target = await createUser();
    const auditBefore = await db.auditLog.count();
    await expect(setUserSuspended(actor, { userId: target.id, suspended: "true" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setUserRole(actor, { userId: actor.id, role: "ADMIN" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ suspendedAt: null, role: "CUSTOMER" });
    expect((await db.user.findUniqueOrThrow({ where: { id: actor.id } })).role).toBe(role);
    expect(await db.auditLog.count()).toBe(auditBefore);
  });

  it("refuse an anonymous caller", async () => {
    const target = await createUser();
    await expect(setUserSuspended(null, { userId: target.id, suspended: "true" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("let an admin suspend (ending the user's sessions) and reinstate, each audited", async () => {
    const admin = viewerOf(await createUser({ role: "ADMIN" }));
    const target = await createUser();
    await setUserSuspended(admin, { userId: target.id, suspended: "true" }, { ip: "10.9.0.1", requestId: "req-1" });
    const suspended = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(suspended.suspendedAt).not.toBeNull();
    expect(await getSessionUserById(target.id, target.tokenVersion)).toBeNull();
    await setUserSuspended(admin, { userId: target.id, suspended: "false" });
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).suspendedAt).toBeNull();
    const entries = await db.auditLog.findMany({ where: { targetId: target.id }, orderBy: { createdAt: "asc" } });
    expect(entries.map((e) => e.action)).toEqual(["user.suspend", "user.reinstate"]);
    expect(entries[0]).toMatchObject({ actorId: admin.id, actorType: "USER", ip: "10.9.0.1", requestId: "req-1" });
  });

  it("let an admin change a role, audited with before and after", async () => {
    const admin = viewerOf(await createUser({ role: "ADMIN" }));
    const target = await createUser();
    await setUserRole(admin, { userId: target.id, role: "SUPPORT" });
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("SUPPORT");
    const entry = await db.auditLog.findFirstOrThrow({ where: { targetId: target.id, action: "user.role_change" } });
    expect(entry.data).toEqual({ from: "CUSTOMER", to: "SUPPORT" });
  });

  it("refuse changes to the admin's own account and bad input, writing nothing", async () => {
    const adminUser = await createUser({ role: "ADMIN" });
    const admin = viewerOf(adminUser);
    const auditBefore = await db.auditLog.count();
    await expect(setUserRole(admin, { userId: admin.id, role: "CUSTOMER" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setUserRole(admin, { userId: "usr_'; DROP TABLE", role: "ADMIN" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(setUserRole(admin, { userId: adminUser.id.replace("usr_", "usr_"), role: "ROOT" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(setUserSuspended(admin, { userId: "usr_00000000000000000000000000", suspended: "true" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setUserSuspended(admin, { userId: admin.id, suspended: "maybe" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    expect(await db.auditLog.count()).toBe(auditBefore);
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");
  });
});
