import type { Metadata } from "next";
import Link from "next/link";

import { Card, PageTitle } from "../_components/ui";
import { requireAdmin } from "./_components/require-admin";

export const metadata: Metadata = { title: "Admin" };

const sections = [
  {
    href: "/admin/content",
    title: "Content",
    text: "Edit workshops: the essay, its practices and prompts. Publish new versions without changing what past sessions saw.",
  },
  {
    href: "/admin/users",
    title: "Users",
    text: "Find people, change their role, deactivate accounts, create accounts and sign-up links.",
  },
  {
    href: "/admin/teams",
    title: "Teams",
    text: "See every team with its facilitators and members; add, remove and move people.",
  },
  {
    href: "/admin/audit",
    title: "Audit log",
    text: "Every change made here, with who made it and when.",
  },
] as const;

export default async function AdminPage() {
  const admin = await requireAdmin("/admin");
  return (
    <>
      <PageTitle lead={`Signed in as ${admin.email}. Changes you make here are logged.`}>
        Admin
      </PageTitle>
      <ul className="grid gap-4 sm:grid-cols-2">
        {sections.map((section) => (
          <li key={section.href}>
            <Card className="h-full">
              <h2 className="text-lg font-semibold">
                <Link href={section.href} className="underline-offset-4 hover:underline">
                  {section.title}
                </Link>
              </h2>
              <p className="mt-1 text-muted">{section.text}</p>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
