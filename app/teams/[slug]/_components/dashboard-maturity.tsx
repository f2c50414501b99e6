import { useTranslations } from "next-intl";

import type { MaturityTrend, PracticeTrend, TrendSession } from "~/server/dashboard/trend";
import { ratingMax, ratingMin } from "~/server/voting/ballot-rules";

import { DashboardHeading, useDashboardFormat, type DashboardFormat } from "./dashboard-shared";

type MaturityTranslator = ReturnType<typeof useTranslations<"teams.maturity">>;

// Geometry of one small chart, in viewBox units. Narrow enough that its text stays readable when
// a 320 px phone draws it at about the same size.
const width = 264;
const height = 150;
const margin = { top: 14, right: 14, bottom: 28, left: 26 };
// Axis text in viewBox units: at least 12 px where a phone draws the chart smallest.
const axisFontSize = 14;
/** The chart's two disclosures ("show the others", "show as table") look alike. */
const toggleClass =
  "inline-flex min-h-11 cursor-pointer items-center font-medium text-accent underline-offset-4 hover:underline";
const plotWidth = width - margin.left - margin.right;
const plotHeight = height - margin.top - margin.bottom;

const yOf = (rating: number) =>
  margin.top + plotHeight - ((rating - ratingMin) / (ratingMax - ratingMin)) * plotHeight;

function xScale(count: number) {
  // One session sits in the middle; more spread over the width with a little room at the ends.
  return (index: number) =>
    count <= 1
      ? margin.left + plotWidth / 2
      : margin.left + 8 + (index * (plotWidth - 16)) / (count - 1);
}

/** Which sessions get a date under the axis: all of a few; first, last and some between of many. */
function labelledIndexes(count: number) {
  if (count <= 4) return new Set(Array.from({ length: count }, (_, i) => i));
  const step = Math.ceil((count - 1) / 3);
  const shown = new Set<number>([0, count - 1]);
  for (let i = step; i < count - 1; i += step) if (count - 1 - i >= step / 2) shown.add(i);
  return shown;
}

/** One sentence with every number of a practice's chart, for screen readers. */
export function describeTrend(
  practice: PracticeTrend,
  sessions: readonly TrendSession[],
  t: MaturityTranslator,
  format: DashboardFormat,
) {
  const titleOf = new Map(sessions.map((s) => [s.id, s.title]));
  const ratings = (values: number[]) => values.map((v) => format.average(v)).join(t("thenJoiner"));
  const over = practice.points.map((p) => titleOf.get(p.sessionId) ?? t("aSession")).join(", ");
  const adopted = practice.adoptedIn.map((id) => titleOf.get(id) ?? t("aSession"));
  const sentence = t("describe", {
    title: practice.title,
    count: practice.points.length,
    sessions: over,
    today: ratings(practice.points.map((p) => p.today)),
    importance: ratings(practice.points.map((p) => p.importance)),
  });
  return adopted.length > 0
    ? `${sentence} ${t("describeAdopted", { sessions: adopted.join(t("andJoiner")) })}`
    : sentence;
}

function linePath(points: { x: number; y: number }[]) {
  return points
    .map((p, i) => `${i === 0 ? "M" : "L"}${p.x.toFixed(1)},${p.y.toFixed(1)}`)
    .join(" ");
}

/** One practice's ratings across sessions: today (solid, dots) and importance (dashed, squares). */
function PracticeChart({
  practice,
  sessions,
}: {
  practice: PracticeTrend;
  sessions: readonly TrendSession[];
}) {
  const t = useTranslations("teams.maturity");
  const format = useDashboardFormat();
  // The x axis is the sessions this practice was rated in, so each chart reads on its own.
  const own = sessions.filter((s) => practice.points.some((p) => p.sessionId === s.id));
  const xOf = xScale(own.length);
  const index = new Map(own.map((s, i) => [s.id, i]));
  const today = practice.points.map((p) => ({ x: xOf(index.get(p.sessionId)!), y: yOf(p.today) }));
  const importance = practice.points.map((p) => ({
    x: xOf(index.get(p.sessionId)!),
    y: yOf(p.importance),
  }));
  const labelled = labelledIndexes(own.length);
  const first = practice.points[0]!;
  const last = practice.points.at(-1)!;
  const change = practice.points.length > 1 ? last.today - first.today : null;
  const adopted = practice.adoptedIn.length > 0;

  return (
    <figure className="flex min-w-0 flex-col gap-2 rounded-xl border border-line p-3">
      <figcaption className="flex flex-col gap-0.5">
        <span className="flex flex-wrap items-center gap-2">
          <span className="font-semibold break-words">{practice.title}</span>
          {adopted && (
            <span className="rounded-full bg-ok-soft px-2 py-0.5 text-xs font-semibold text-ok">
              {t("adopted")}
            </span>
          )}
        </span>
        <span className="text-sm text-muted">
          {change !== null
            ? t("latestWithChange", {
                today: format.average(last.today),
                change: format.gap(change),
                importance: format.average(last.importance),
              })
            : t("latest", {
                today: format.average(last.today),
                importance: format.average(last.importance),
              })}
        </span>
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={describeTrend(practice, sessions, t, format)}
        className="h-auto w-full overflow-visible text-fg"
      >
        {[1, 2, 3, 4, 5].map((rating) => (
          <g key={rating}>
            <line
              x1={margin.left}
              x2={width - margin.right}
              y1={yOf(rating)}
              y2={yOf(rating)}
              className="stroke-line"
              strokeWidth={1}
            />
            <text
              x={margin.left - 6}
              y={yOf(rating)}
              dy="0.35em"
              textAnchor="end"
              fontSize={axisFontSize}
              className="fill-muted"
            >
              {format.number(rating)}
            </text>
          </g>
        ))}
        {practice.adoptedIn.map((sessionId) =>
          index.has(sessionId) ? (
            <g key={sessionId}>
              <line
                x1={xOf(index.get(sessionId)!)}
                x2={xOf(index.get(sessionId)!)}
                y1={margin.top - 6}
                y2={margin.top + plotHeight}
                className="stroke-ok"
                strokeWidth={1.5}
                strokeDasharray="2 3"
              />
              <path
                d={`M${xOf(index.get(sessionId)!) - 5},${margin.top - 12} h10 l-5,7 z`}
                className="fill-ok"
              />
            </g>
          ) : null,
        )}
        <path
          d={linePath(importance)}
          fill="none"
          className="stroke-muted"
          strokeWidth={2}
          strokeDasharray="5 4"
        />
        <path d={linePath(today)} fill="none" className="stroke-accent" strokeWidth={2.5} />
        {importance.map((p, i) => (
          <rect
            key={`i${i}`}
            x={p.x - 3.5}
            y={p.y - 3.5}
            width={7}
            height={7}
            className="fill-surface stroke-muted"
            strokeWidth={2}
          />
        ))}
        {today.map((p, i) => (
          <circle key={`t${i}`} cx={p.x} cy={p.y} r={4} className="fill-accent" />
        ))}
        {own.map((session, i) =>
          labelled.has(i) ? (
            <text
              key={session.id}
              x={xOf(i)}
              y={height - 6}
              textAnchor={
                own.length > 1 && i === 0
                  ? "start"
                  : own.length > 1 && i === own.length - 1
                    ? "end"
                    : "middle"
              }
              fontSize={axisFontSize}
              className="fill-muted"
            >
              {format.shortDate(session.at)}
            </text>
          ) : null,
        )}
      </svg>
    </figure>
  );
}

function Legend() {
  const t = useTranslations("teams.maturity");
  return (
    <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-muted" aria-label={t("legend")}>
      <li className="flex items-center gap-2">
        <svg aria-hidden="true" width="28" height="10" className="overflow-visible">
          <line x1="0" x2="28" y1="5" y2="5" className="stroke-accent" strokeWidth={2.5} />
          <circle cx="14" cy="5" r="4" className="fill-accent" />
        </svg>
        {t("legendToday")}
      </li>
      <li className="flex items-center gap-2">
        <svg aria-hidden="true" width="28" height="10" className="overflow-visible">
          <line
            x1="0"
            x2="28"
            y1="5"
            y2="5"
            className="stroke-muted"
            strokeWidth={2}
            strokeDasharray="5 4"
          />
          <rect
            x="10.5"
            y="1.5"
            width="7"
            height="7"
            className="fill-surface stroke-muted"
            strokeWidth={2}
          />
        </svg>
        {t("legendImportance")}
      </li>
      <li className="flex items-center gap-2">
        <svg aria-hidden="true" width="12" height="10">
          <path d="M1,1 h10 l-5,7 z" className="fill-ok" />
        </svg>
        {t("legendAdopted")}
      </li>
    </ul>
  );
}

/** Every rating as a table: the same facts as the charts, for screen readers and for reading. */
function TrendTable({ trend }: { trend: MaturityTrend }) {
  const t = useTranslations("teams.maturity");
  const format = useDashboardFormat();
  const sessionOf = new Map(trend.sessions.map((s) => [s.id, s]));
  return (
    <details>
      <summary className={toggleClass}>{t("showTable")}</summary>
      <div className="overflow-x-auto text-sm">
        <table className="w-full min-w-[32rem] text-left">
          <caption className="sr-only">{t("tableCaption")}</caption>
          <thead className="border-b border-line text-muted">
            <tr>
              <th scope="col" className="py-2 pr-3 font-medium">
                {t("practice")}
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                {t("session")}
              </th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">
                {t("today")}
              </th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">
                {t("importance")}
              </th>
              <th scope="col" className="py-2 text-right font-medium">
                {t("ratings")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {trend.practices.flatMap((practice) =>
              practice.points.map((point, i) => {
                const session = sessionOf.get(point.sessionId);
                return (
                  <tr key={`${practice.practiceId}-${point.sessionId}`}>
                    <th scope="row" className="py-2 pr-3 font-normal">
                      {i === 0 ? practice.title : <span className="sr-only">{practice.title}</span>}
                    </th>
                    <td className="py-2 pr-3">
                      {session
                        ? t("sessionWithDate", {
                            title: session.title,
                            date: format.date(session.at),
                          })
                        : t("noSession")}
                      {practice.adoptedIn.includes(point.sessionId) && t("adoptedSuffix")}
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">
                      {format.average(point.today)}
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">
                      {format.average(point.importance)}
                    </td>
                    <td className="py-2 text-right tabular-nums">{format.number(point.ratings)}</td>
                  </tr>
                );
              }),
            )}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function ChartGrid({
  practices,
  sessions,
}: {
  practices: readonly PracticeTrend[];
  sessions: readonly TrendSession[];
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {practices.map((practice) => (
        <PracticeChart key={practice.practiceId} practice={practice} sessions={sessions} />
      ))}
    </div>
  );
}

/**
 * Maturity of each practice across sessions, as small multiples: one chart per practice. The
 * practices the team adopted come first, the rest fold away, so the team sees at once whether
 * what it adopted actually improved.
 */
export function MaturityTrendCharts({
  trend,
  adopted,
}: {
  trend: MaturityTrend;
  /** Every practice the team ever adopted. */
  adopted: ReadonlySet<string>;
}) {
  const t = useTranslations("teams.maturity");
  const chosen = trend.practices.filter((p) => adopted.has(p.practiceId));
  const others = trend.practices.filter((p) => !adopted.has(p.practiceId));
  return (
    <>
      <DashboardHeading id="maturity-heading">{t("title")}</DashboardHeading>
      {trend.practices.length === 0 ? (
        <p className="text-muted">{t.rich("empty", { em: (chunks) => <em>{chunks}</em> })}</p>
      ) : (
        <div className="flex flex-col gap-4">
          <p className="text-sm text-muted">
            {t("lead", { count: trend.sessions.length })}
            {chosen.length > 0 && others.length > 0 && <> {t("adoptedComeFirst")}</>}
          </p>
          <Legend />
          {chosen.length > 0 && others.length > 0 ? (
            <>
              <ChartGrid practices={chosen} sessions={trend.sessions} />
              <details className="group">
                <summary className={toggleClass}>
                  <span className="group-open:hidden">
                    {t("showOthers", { count: others.length })}
                  </span>
                  <span className="hidden group-open:inline">{t("hideOthers")}</span>
                </summary>
                <div className="mt-3">
                  <ChartGrid practices={others} sessions={trend.sessions} />
                </div>
              </details>
            </>
          ) : (
            <ChartGrid practices={trend.practices} sessions={trend.sessions} />
          )}
          <TrendTable trend={trend} />
        </div>
      )}
    </>
  );
}
