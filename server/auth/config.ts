import "server-only";

import { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";

import { checkPassword } from "../accounts/sign-in";
import { getDatabase } from "../db";
import { env } from "../env";
import { clientKeyFromHeaders } from "../http/client-key";
import { servedOverHttps } from "../http/cookies";
import { textInput } from "../text-input";
import { endAccountSession, startAccountSession } from "./account-sessions";

declare module "@auth/core/types" {
  interface Session {
    /** The sign-in (account_sessions row) the token names; checked on every request. */
    accountSessionId?: string;
  }
}

export class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}

export class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}

const credentialsInput = z.object({
  // A NUL character would fail the rate-limit and account queries: refused as a wrong password.
  email: textInput().trim().max(254),
  password: z.string().max(200),
});

export const authConfig = {
  secret: env.AUTH_SECRET,
  // Self-hosted behind whatever proxy the team runs: the Host header is the address people use.
  trustHost: true,
  // Behind an https PUBLIC_URL the session cookie is always `__Secure-` and Secure, even when the
  // proxy in front forgets X-Forwarded-Proto; otherwise Auth.js decides from the request's scheme.
  // (httpOnly and SameSite=Lax are Auth.js's defaults.)
  useSecureCookies: servedOverHttps(env.PUBLIC_URL) ? true : undefined,
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
    async jwt({ token, user }) {
      // Only the account id and the sign-in's id travel in the token; role, status and whether
      // the sign-in is still open are read fresh per request (see current-user.ts), so a role
      // change, a deactivation or a sign-out takes effect at once.
      if (user?.id) {
        token.sub = user.id;
        token.sid = await startAccountSession(getDatabase().db, user.id);
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (typeof token.sid === "string") session.accountSessionId = token.sid;
      return session;
    },
  },
  events: {
    // Clearing the cookie is not enough with JWTs: a copy taken earlier would still verify.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await endAccountSession(getDatabase().db, sid);
    },
  },
} satisfies NextAuthConfig;
