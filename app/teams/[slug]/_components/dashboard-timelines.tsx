import Link from "next/link";

import { DashboardHeading, formatDate, type Dashboard } from "./dashboard-shared";

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

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

/** The sessions the team held, newest first, each with what it decided; titles open summaries. */
export function SessionTimeline({ sessions }: { sessions: Dashboard["sessions"] }) {
  return (
    <>
      <DashboardHeading id="sessions-held-heading">Sessions held</DashboardHeading>
      <Timeline label="Sessions held, newest first">
        {[...sessions].reverse().map((session) => (
          <TimelineEntry key={session.id} tone="accent">
            <p className="text-sm text-muted">
              <time dateTime={session.createdAt.toISOString()}>
                {formatDate(session.createdAt)}
              </time>
              {session.endedAt === null && (
                <span className="ml-2 rounded-full bg-ok-soft px-2 py-0.5 text-xs font-semibold text-ok">
                  Live
                </span>
              )}
            </p>
            <p className="font-medium break-words">
              <Link
                href={`/sessions/${session.id}/summary`}
                className="text-accent underline underline-offset-4"
              >
                {session.title}
              </Link>
            </p>
            <p className="text-sm text-muted">
              {plural(session.participants, "person", "people")} took part ·{" "}
              {plural(session.practicesAdopted, "practice")} adopted ·{" "}
              {plural(session.actionsKept, "action")} kept
            </p>
          </TimelineEntry>
        ))}
      </Timeline>
    </>
  );
}

/** Each practice the team adopted, in the order it was first adopted, with every time it was. */
export function AdoptionTimeline({ adoptions }: { adoptions: Dashboard["adoptions"] }) {
  const byPractice = new Map<string, { title: string; when: Dashboard["adoptions"] }>();
  for (const adoption of adoptions) {
    const entry = byPractice.get(adoption.practiceId) ?? { title: adoption.title, when: [] };
    entry.when.push(adoption);
    byPractice.set(adoption.practiceId, entry);
  }
  return (
    <>
      <DashboardHeading id="adopted-heading">Practices adopted</DashboardHeading>
      {byPractice.size === 0 ? (
        <p className="text-muted">
          No practices adopted yet — once a round&apos;s results are revealed, the facilitator picks
          the practices the team adopts, and they show up here with the date.
        </p>
      ) : (
        <Timeline label="Practices adopted, in the order first adopted">
          {[...byPractice].map(([practiceId, { title, when }]) => (
            <TimelineEntry key={practiceId} tone="ok">
              <p className="font-medium break-words">{title}</p>
              <p className="text-sm text-muted">
                {when.map((adoption, index) => (
                  <span key={adoption.sessionId}>
                    {index === 0 ? "Adopted " : "; again "}
                    <time dateTime={adoption.adoptedAt.toISOString()}>
                      {formatDate(adoption.adoptedAt)}
                    </time>{" "}
                    in{" "}
                    <Link
                      href={`/sessions/${adoption.sessionId}/summary`}
                      className="underline underline-offset-4"
                    >
                      {adoption.sessionTitle}
                    </Link>
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
