import Link from "next/link";
import { useTranslations } from "next-intl";

import { DashboardHeading, useDashboardFormat, type Dashboard } from "./dashboard-shared";

/** A vertical timeline: a line down the left with a dot per entry. */
function Timeline({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <ol aria-label={label} className="ml-1.5 flex flex-col border-l-2 border-line">
      {children}
    </ol>
  );
}

function TimelineEntry({ children, tone }: { children: React.ReactNode; tone: "accent" | "ok" }) {
  return (
    <li className="relative pb-4 pl-5 last:pb-0">
      <span
        aria-hidden="true"
        className={`absolute top-1.5 -left-[7px] size-3 rounded-full ring-4 ring-surface ${tone === "ok" ? "bg-ok" : "bg-accent"}`}
      />
      {children}
    </li>
  );
}

/** Each practice the team adopted, in the order it was first adopted, with every time it was. */
export function AdoptionTimeline({ adoptions }: { adoptions: Dashboard["adoptions"] }) {
  const t = useTranslations("teams.timelines");
  const format = useDashboardFormat();
  const byPractice = new Map<string, { title: string; when: Dashboard["adoptions"] }>();
  for (const adoption of adoptions) {
    const entry = byPractice.get(adoption.practiceId) ?? { title: adoption.title, when: [] };
    entry.when.push(adoption);
    byPractice.set(adoption.practiceId, entry);
  }
  return (
    <>
      <DashboardHeading id="adopted-heading">{t("practicesAdopted")}</DashboardHeading>
      {byPractice.size === 0 ? (
        <p className="text-muted">{t("noAdoptions")}</p>
      ) : (
        <Timeline label={t("adoptionsLabel")}>
          {[...byPractice].map(([practiceId, { title, when }]) => (
            <TimelineEntry key={practiceId} tone="ok">
              <p className="font-medium break-words">{title}</p>
              <p className="text-sm text-muted">
                {when.map((adoption, index) => (
                  <span key={adoption.sessionId}>
                    {t.rich(index === 0 ? "adoptedFirst" : "adoptedAgain", {
                      date: format.date(adoption.adoptedAt),
                      session: adoption.sessionTitle,
                      time: (chunks) => (
                        <time dateTime={adoption.adoptedAt.toISOString()}>{chunks}</time>
                      ),
                      link: (chunks) => (
                        <Link
                          href={`/sessions/${adoption.sessionId}/summary`}
                          className="underline underline-offset-4"
                        >
                          {chunks}
                        </Link>
                      ),
                    })}
                  </span>
                ))}
              </p>
            </TimelineEntry>
          ))}
        </Timeline>
      )}
    </>
  );
}
