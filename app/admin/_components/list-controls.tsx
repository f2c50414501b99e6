import Link from "next/link";

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
  return (
    <form action={action} method="get" role="search" className="mb-4 flex flex-col gap-1.5">
      <label htmlFor="admin-search" className="font-medium">
        {label}
      </label>
      <div className="flex gap-2">
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
          Search
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
  if (page === 1 && !hasMore) return null;
  const href = (to: number) => {
    const query = new URLSearchParams({ ...params, ...(to > 1 ? { page: String(to) } : {}) });
    for (const [key, value] of [...query]) if (!value) query.delete(key);
    const text = query.toString();
    return text ? `${path}?${text}` : path;
  };
  return (
    <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center justify-between gap-2">
      {page > 1 ? (
        <Link href={href(page - 1)} className={buttonClass("secondary")}>
          Previous page
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-muted">Page {page}</span>
      {hasMore ? (
        <Link href={href(page + 1)} className={buttonClass("secondary")}>
          Next page
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
