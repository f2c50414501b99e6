"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

const sections = [
  { href: "/admin", label: "overview" },
  { href: "/admin/content", label: "content" },
  { href: "/admin/users", label: "users" },
  { href: "/admin/teams", label: "teams" },
  { href: "/admin/audit", label: "audit" },
] as const;

/** The admin area's sections; the current one is marked for screen readers and by look. */
export function AdminNav() {
  const t = useTranslations("admin.nav");
  const pathname = usePathname();
  const current = (href: string) =>
    href === "/admin" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    // Wraps rather than scrolls: on a narrow phone every section stays in sight.
    <nav aria-label={t("label")} className="-mx-1">
      <ul className="flex flex-wrap gap-1 px-1 pb-1">
        {sections.map((section) => (
          <li key={section.href}>
            <Link
              href={section.href}
              aria-current={current(section.href) ? "page" : undefined}
              className="inline-flex min-h-11 items-center rounded-lg border border-transparent px-3 font-semibold text-muted hover:bg-raised hover:text-fg aria-[current=page]:border-line aria-[current=page]:bg-surface aria-[current=page]:text-fg"
            >
              {t(section.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
