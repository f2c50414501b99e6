"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect } from "react";

import { buttonClass, Card, PageTitle } from "../../_components/ui";

/** Sends a signed-out visitor to sign in, and back to this address afterwards. */
export function SignInRedirect() {
  const pathname = usePathname();
  const router = useRouter();
  const href = `/sign-in?next=${encodeURIComponent(pathname)}`;
  useEffect(() => router.replace(href), [router, href]);
  return (
    <Card className="mx-auto max-w-xl">
      <PageTitle lead="This part of Practica is for admins.">Sign in to continue</PageTitle>
      <Link href={href} className={buttonClass()}>
        Sign in
      </Link>
    </Card>
  );
}
