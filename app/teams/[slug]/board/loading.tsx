import { getTranslations } from "next-intl/server";

import { columns } from "./_lib/board-words";

/** The board's shape while the team and its actions load: title, filters, four columns. */
export default async function BoardLoading() {
  const t = await getTranslations("teams.board");
  return (
    <div aria-busy="true" aria-label={t("loading")} className="flex flex-col gap-6">
      <div className="flex flex-col gap-3">
        <div className="h-4 w-40 animate-pulse rounded bg-raised" />
        <div className="h-9 w-56 animate-pulse rounded-lg bg-raised" />
        <div className="h-5 w-full max-w-xl animate-pulse rounded bg-raised" />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <div key={i} className="h-11 animate-pulse rounded-lg bg-raised" />
        ))}
      </div>
      <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-4">
        {columns.map((column, index) => (
          <div
            key={column.status}
            className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-3"
          >
            <div className="h-6 w-24 animate-pulse rounded bg-raised" />
            {Array.from({ length: index < 2 ? 2 : 1 }, (_, i) => (
              <div key={i} className="h-28 animate-pulse rounded-xl bg-raised" />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
