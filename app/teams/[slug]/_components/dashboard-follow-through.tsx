import { useTranslations } from "next-intl";

import type { FollowThrough, FollowThroughKind } from "~/server/actions/follow-through";

import { DashboardHeading, useDashboardFormat } from "./dashboard-shared";

/**
 * Each kind's colour, a token of the theme (or a light-dark() pair) so both themes read. Colour
 * is never the only carrier: the legend beside the bar names every kind with its count. Each
 * kind's words are `teams.followThrough.kinds.<kind>`.
 */
const kinds: { kind: FollowThroughKind; swatch: string }[] = [
  { kind: "doneOnTime", swatch: "bg-ok" },
  { kind: "doneLate", swatch: "bg-[color:light-dark(#a15c07,#f0b429)]" },
  { kind: "open", swatch: "bg-accent" },
  { kind: "overdue", swatch: "bg-danger" },
  {
    kind: "dropped",
    // Striped, so dropped stays apart from the greys of the page in both themes.
    swatch:
      "bg-[image:repeating-linear-gradient(135deg,var(--muted)_0_3px,transparent_3px_6px)] ring-1 ring-muted ring-inset",
  },
];

/** The follow-through of the team's agreed actions as one stacked bar, with its numbers beside it. */
export function FollowThroughChart({ counts }: { counts: FollowThrough & { total: number } }) {
  const t = useTranslations("teams.followThrough");
  const format = useDashboardFormat();
  const { total } = counts;
  const summary = kinds
    .map(({ kind }) => `${t(`kinds.${kind}.short`)} ${format.number(counts[kind])}`)
    .join(", ");
  return (
    <>
      <DashboardHeading id="follow-through-heading">{t("title")}</DashboardHeading>
      {total === 0 ? (
        <p className="text-muted">{t("empty")}</p>
      ) : (
        <div className="flex flex-col gap-4">
          <p className="text-sm text-muted">{t("agreed", { count: total })}</p>
          <div
            role="img"
            aria-label={t("chartLabel", { total, summary })}
            className="flex h-6 w-full gap-0.5 overflow-hidden rounded-full bg-raised"
          >
            {kinds
              .filter(({ kind }) => counts[kind] > 0)
              .map(({ kind, swatch }) => (
                <div
                  key={kind}
                  className={`h-full ${swatch}`}
                  style={{ width: `${(counts[kind] / total) * 100}%` }}
                />
              ))}
          </div>
          <table className="w-full text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="sr-only">
              <tr>
                <th scope="col">{t("howItWent")}</th>
                <th scope="col">{t("actions")}</th>
                <th scope="col">{t("share")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {kinds.map(({ kind, swatch }) => (
                <tr key={kind}>
                  <th scope="row" className="py-2 pr-2 text-left font-normal">
                    <span className="flex items-start gap-2">
                      <span
                        aria-hidden="true"
                        className={`mt-0.5 inline-block size-3.5 shrink-0 rounded-sm ${swatch}`}
                      />
                      <span>
                        <span className="font-medium">{t(`kinds.${kind}.label`)}</span>
                        <span className="block text-muted">{t(`kinds.${kind}.hint`)}</span>
                      </span>
                    </span>
                  </th>
                  <td className="py-2 text-right text-base font-semibold tabular-nums">
                    {format.number(counts[kind])}
                  </td>
                  <td className="w-14 py-2 text-right text-muted tabular-nums">
                    {format.percent(counts[kind], total)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
