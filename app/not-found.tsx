import Link from "next/link";

import { buttonClass, Card, PageTitle } from "./_components/ui";

export default function NotFound() {
  return (
    <Card className="mx-auto max-w-xl">
      <PageTitle lead="There is nothing at this address, or it isn't yours to see.">
        Page not found
      </PageTitle>
      <Link href="/" className={buttonClass("secondary")}>
        Back to the start
      </Link>
    </Card>
  );
}
