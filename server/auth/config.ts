import "server-only";

import { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";

import { checkPassword } from "../accounts/sign-in";
import { getDatabase } from "../db";
import { env } from "../env";
import { clientKeyFromHeaders } from "../http/client-key";

export class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}

export class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}

const credentialsInput = z.object({
  email: z.string().trim().max(254),
  password: z.string().max(200),
});

export const authConfig = {
  secret: env.AUTH_SECRET,
  // Self-hosted behind whatever proxy the team runs: the Host header is the address people use.
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  logger: {
    // A wrong password is an everyday event, answered on the form; not an error for the log.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsInput.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const result = await checkPassword(getDatabase().db, {
          ...parsed.data,
          clientKey: clientKeyFromHeaders(request.headers),
        });
        if (result.ok) return result.user;
        if (result.reason === "rate_limited") throw new TooManyAttempts();
        throw new InvalidCredentials();
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      // Only the account id travels in the token; role and status are read fresh per request
      // (see current-user.ts) so a role change or deactivation takes effect at once.
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
} satisfies NextAuthConfig;
