import Link from "next/link";

import { JoinCodeForm } from "./_components/join-code-form";
import { buttonClass, Card } from "./_components/ui";

export default function LandingPage() {
  return (
    <div className="flex flex-col gap-8">
      <Card className="mx-auto w-full max-w-xl shadow-sm">
        <JoinCodeForm />
      </Card>
      <section className="mx-auto flex w-full max-w-xl flex-col gap-3 text-center sm:text-left">
        <h1 className="text-2xl font-bold tracking-tight">
          Workshops on engineering practices, and the follow-through after them
        </h1>
        <p className="text-muted">
          Read and discuss an essay together, vote on the practices to adopt, turn them into actions
          with owners and dates, and keep them in front of the team until they are done.
        </p>
        <div className="flex flex-wrap justify-center gap-3 sm:justify-start">
          <Link href="/sign-in" className={buttonClass("secondary")}>
            Sign in to run a workshop
          </Link>
          <Link href="/library" className={buttonClass("ghost")}>
            Browse the library
          </Link>
        </div>
      </section>
    </div>
  );
}
