import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getEnv } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/enums";
import { readSignInTicket } from "./sign-in-ticket";
import { getSessionUserById } from "./session-user";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string | null; role: Role; locale: string };
  }
  interface User {
    tokenVersion?: number;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: getEnv().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/en/sign-in" },
  logger: { error: () => {}, warn: () => {} },
  providers: [
    Credentials({
      credentials: { ticket: {} },
      // The password was checked by `authenticate` before the ticket was minted.
      async authorize(credentials) {
        const ticket = readSignInTicket(credentials?.ticket);
        if (!ticket) return null;
        const user = await getSessionUserById(ticket.userId, ticket.tokenVersion);
        return user ? { id: user.id, email: user.email, name: user.name, tokenVersion: ticket.tokenVersion } : null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.tv = user.tokenVersion ?? 0;
      }
      if (typeof token.uid !== "string" || typeof token.tv !== "number") return null;
      const current = await getSessionUserById(token.uid, token.tv);
      if (!current) return null;
      token.role = current.role;
      token.email = current.email;
      token.name = current.name;
      token.locale = current.locale;
      return token;
    },
    session({ session, token }) {
      session.user = {
        ...session.user,
        id: token.uid as string,
        email: token.email as string,
        name: (token.name as string | null) ?? null,
        role: token.role as Role,
        locale: token.locale as string,
      };
      return session;
    },
  },
}));
