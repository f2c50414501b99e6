import type { FollowThrough, FollowThroughKind } from "~/server/actions/follow-through";

import { DashboardHeading } from "./dashboard-shared";

/**
 * Each kind's colour, a token of the theme (or a light-dark() pair) so both themes read. Colour
 * is never the only carrier: the legend beside the bar names every kind with its count.
 */
const kinds: { kind: FollowThroughKind; label: string; hint: string; swatch: string }[] = [
  {
    kind: "doneOnTime",
    label: "Done on time",
    hint: "by the due date, or with none",
    swatch: "bg-ok",
  },
  {
    kind: "doneLate",
    label: "Done late",
    hint: "after the due date",
    swatch: "bg-[color:light-dark(#a15c07,#f0b429)]",
  },
  { kind: "open", label: "Open", hint: "to do or doing, not yet due", swatch: "bg-accent" },
  { kind: "overdue", label: "Overdue", hint: "open past the due date", swatch: "bg-danger" },
  {
    kind: "dropped",
    label: "Dropped",
    hint: "agreed, then let go",
    // Striped, so dropped stays apart from the greys of the page in both themes.
    swatch:
      "bg-[image:repeating-linear-gradient(135deg,var(--muted)_0_3px,transparent_3px_6px)] ring-1 ring-muted ring-inset",
  },
];

const percent = (part: number, total: number) =>
  total === 0 ? "0%" : `${Math.round((part / total) * 100)}%`;

/** The follow-through of the team's agreed actions as one stacked bar, with its numbers beside it. */
export function FollowThroughChart({ counts }: { counts: FollowThrough & { total: number } }) {
  const { total } = counts;
  const summary = kinds
    .map(({ kind, label }) => `${label.toLowerCase()} ${counts[kind]}`)
    .join(", ");
  return (
    <>
      <DashboardHeading id="follow-through-heading">Action follow-through</DashboardHeading>
      {total === 0 ? (
        <p className="text-muted">
          No actions agreed yet — actions kept in a session&apos;s actions stage land on the board
          and are counted here.
        </p>
      ) : (
        <div className="flex flex-col gap-4">
          <p className="text-sm text-muted">
            {total} {total === 1 ? "action" : "actions"} agreed in this team&apos;s sessions.
          </p>
          <div
            role="img"
            aria-label={`Follow-through of ${total} agreed actions: ${summary}.`}
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
            <caption className="sr-only">Agreed actions by how they went</caption>
            <thead className="sr-only">
              <tr>
                <th scope="col">How it went</th>
                <th scope="col">Actions</th>
                <th scope="col">Share</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {kinds.map(({ kind, label, hint, swatch }) => (
                <tr key={kind}>
                  <th scope="row" className="py-2 pr-2 text-left font-normal">
                    <span className="flex items-start gap-2">
                      <span
                        aria-hidden="true"
                        className={`mt-0.5 inline-block size-3.5 shrink-0 rounded-sm ${swatch}`}
                      />
                      <span>
                        <span className="font-medium">{label}</span>
                        <span className="block text-muted">{hint}</span>
                      </span>
                    </span>
                  </th>
                  <td className="py-2 text-right text-base font-semibold tabular-nums">
                    {counts[kind]}
                  </td>
                  <td className="w-14 py-2 text-right text-muted tabular-nums">
                    {percent(counts[kind], total)}
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
