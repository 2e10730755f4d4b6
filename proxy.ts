import createIntlMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { auth } from "@/lib/auth/config";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { routing } from "@/lib/i18n/routing";
import { isLocale } from "@/lib/i18n/locales";
import { REQUEST_ID_HEADER } from "@/lib/http/request-id";
import { corsHeaders, preflight } from "@/lib/http/cors";

const intl = createIntlMiddleware(routing);

// Pages that need a session: /<locale>/account… for any user, /<locale>/admin… for staff. The pages
// and their actions check again on the server; this only turns strangers away early.
function protectedSection(pathname: string): { locale: string; section: "account" | "admin" } | null {
  const [, locale, section] = pathname.split("/");
  if (!isLocale(locale)) return null;
  return section === "account" || section === "admin" ? { locale, section } : null;
}

const gate = auth((req) => {
  const target = protectedSection(req.nextUrl.pathname)!;
  const user = req.auth?.user;
  if (!user) {
    const signIn = new URL(`/${target.locale}/sign-in`, req.url);
    signIn.searchParams.set("next", req.nextUrl.pathname + req.nextUrl.search);
    return NextResponse.redirect(signIn);
  }
  if (target.section === "admin" && !STAFF_ROLES.includes(user.role)) {
    return NextResponse.rewrite(new URL(`/${target.locale}/forbidden`, req.url), { status: 403 });
  }
  return intl(req);
});

export default async function proxy(req: NextRequest, ctx: { params: Promise<Record<string, string>> }) {
  const requestId = req.headers.get(REQUEST_ID_HEADER) ?? crypto.randomUUID();
  let res: Response;
  if (req.nextUrl.pathname.startsWith("/api/")) {
    const path = req.nextUrl.pathname;
    const pre = preflight(path, req.method, req.headers.get("access-control-request-method"));
    if (pre) return new NextResponse(null, { status: pre.status, headers: { ...pre.headers, [REQUEST_ID_HEADER]: requestId } });
    const headers = new Headers(req.headers);
    headers.set(REQUEST_ID_HEADER, requestId);
    res = NextResponse.next({ request: { headers } });
    for (const [name, value] of Object.entries(corsHeaders(path))) res.headers.set(name, value);
  } else if (protectedSection(req.nextUrl.pathname)) {
    // With a lazily built auth config, next-auth hands back the wrapped handler as a promise.
    const handler = await (gate as unknown as Promise<typeof gate>);
    res = (await handler(req, ctx)) ?? intl(req);
  } else {
    res = intl(req);
  }
  res.headers.set(REQUEST_ID_HEADER, requestId);
  return res;
}

export const config = {
  matcher: ["/((?!_next/|favicon.ico|robots.txt|.*\\.(?:png|svg|ico|jpg|webp|woff2?|txt|xml)$).*)"],
};
