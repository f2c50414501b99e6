import Link from "next/link";
import { useTranslations } from "next-intl";

import { buttonClass, inputClass } from "../../_components/ui";

/**
 * A search box that changes the page's address (?q=), so results can be bookmarked and the
 * back button works; it needs no JavaScript.
 */
export function SearchForm({
  action,
  label,
  value,
  placeholder,
}: {
  action: string;
  label: string;
  value: string;
  placeholder?: string;
}) {
  const t = useTranslations("admin.list");
  return (
    <form action={action} method="get" role="search" className="mb-4 flex flex-col gap-1.5">
      <label htmlFor="admin-search" className="font-medium">
        {label}
      </label>
      {/* On a phone the field takes the whole width, so its placeholder shows in full. */}
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id="admin-search"
          name="q"
          type="search"
          defaultValue={value}
          maxLength={100}
          placeholder={placeholder}
          className={`${inputClass} min-w-0`}
        />
        <button type="submit" className={`${buttonClass("secondary")} shrink-0`}>
          {t("search")}
        </button>
      </div>
    </form>
  );
}

/** Previous/next links of a paged admin list, keeping the other parameters of the address. */
export function Pager({
  path,
  params,
  page,
  hasMore,
}: {
  path: string;
  params: Record<string, string>;
  page: number;
  hasMore: boolean;
}) {
  const t = useTranslations("admin.list");
  if (page === 1 && !hasMore) return null;
  const href = (to: number) => {
    const query = new URLSearchParams({ ...params, ...(to > 1 ? { page: String(to) } : {}) });
    for (const [key, value] of [...query]) if (!value) query.delete(key);
    const text = query.toString();
    return text ? `${path}?${text}` : path;
  };
  return (
    <nav aria-label={t("pages")} className="mt-4 flex flex-wrap items-center justify-between gap-2">
      {page > 1 ? (
        <Link href={href(page - 1)} className={buttonClass("secondary")}>
          {t("previousPage")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-muted">{t("page", { page })}</span>
      {hasMore ? (
        <Link href={href(page + 1)} className={buttonClass("secondary")}>
          {t("nextPage")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
