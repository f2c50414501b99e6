"use client";

import { buttonClass, Card, PageTitle } from "./_components/ui";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <Card className="mx-auto max-w-xl">
      <PageTitle lead="Something went wrong on our side. Your data is safe; try again.">
        This page failed to load
      </PageTitle>
      <button type="button" onClick={reset} className={buttonClass()}>
        Try again
      </button>
    </Card>
  );
}
