import type { Metadata } from "next";
import Link from "next/link";

import { serverCaller } from "../_trpc/server";
import { Card, PageTitle } from "../_components/ui";

export const metadata: Metadata = { title: "Library" };

export default async function LibraryPage() {
  const essays = await (await serverCaller()).content.list();
  return (
    <>
      <PageTitle lead="The essays workshops are built from. Each one names practices a team can vote to adopt.">
        Library
      </PageTitle>
      {essays.length === 0 ? (
        <Card>
          <p className="text-muted">No workshop has been published yet.</p>
        </Card>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {essays.map((essay) => (
            <li key={essay.slug}>
              <Card className="h-full">
                <h2 className="text-lg font-semibold">
                  <Link href={`/library/${essay.slug}`} className="hover:underline">
                    {essay.title}
                  </Link>
                </h2>
                <p className="mt-1 text-sm text-muted">
                  {essay.practiceCount} practices · version {essay.versionNumber}, published{" "}
                  {essay.publishedAt.toLocaleDateString("en", { dateStyle: "medium" })}
                </p>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
