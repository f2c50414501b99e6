"use client";

import { useTranslations } from "next-intl";
import { useRef } from "react";

import { ConfirmAction } from "../../../_components/confirm-action";
import { Alert, Card } from "../../../_components/ui";
import type { ConsoleSnapshot } from "../../_lib/live-types";
import { useTimeOfDay } from "./console-words";

type Person = ConsoleSnapshot["people"][number];

/** Who joined, who is connected right now, and a way to remove someone who shouldn't be here. */
export function PeopleList({
  people,
  onlineCount,
  ended,
  pendingId,
  error,
  onRemove,
}: {
  people: Person[];
  onlineCount: number;
  ended: boolean;
  pendingId: string | undefined;
  error: string | undefined;
  onRemove: (person: Person) => void;
}) {
  const t = useTranslations("facilitate.people");
  const timeOfDay = useTimeOfDay();
  const heading = useRef<HTMLHeadingElement>(null);
  const scrolls = people.length > 10;

  return (
    <Card className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold">
          {t("heading")}
        </h2>
        <p className="text-sm text-muted">
          {t.rich("counts", {
            online: onlineCount,
            joined: people.length,
            strong: (chunks) => <strong className="text-fg">{chunks}</strong>,
          })}
        </p>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      {people.length === 0 ? (
        <p className="text-muted">{t("none")}</p>
      ) : (
        <ul
          aria-label={t("listLabel")}
          className={`-mx-2 flex flex-col divide-y divide-line ${
            scrolls ? "max-h-[36rem] overflow-y-auto" : ""
          }`}
          // A scrolling list must be reachable by keyboard to scroll it.
          tabIndex={scrolls ? 0 : undefined}
        >
          {people.map((person) => (
            <li
              key={person.id}
              className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 rounded-lg px-2 py-2"
            >
              <div className="flex min-w-0 flex-1 items-center gap-2.5">
                <span
                  aria-hidden="true"
                  className={`size-3 shrink-0 rounded-full ${
                    person.online ? "bg-ok" : "border-2 border-muted"
                  }`}
                />
                <div className="flex min-w-0 flex-col">
                  <span className="truncate font-medium">
                    {person.displayName}
                    {person.signedIn && (
                      <span className="ml-2 rounded bg-raised px-1.5 py-0.5 text-xs font-normal text-muted">
                        {t("account")}
                      </span>
                    )}
                  </span>
                  <span className={`text-sm ${person.online ? "text-ok" : "text-muted"}`}>
                    {person.online
                      ? t("onlineNow")
                      : t("offline", { time: timeOfDay(person.joinedAt) })}
                  </span>
                </div>
              </div>
              {!ended && (
                <ConfirmAction
                  label={t("remove")}
                  triggerAriaLabel={t("removeLabel", { name: person.displayName })}
                  // Quiet until pointed at: one per person, it mustn't shout. It asks before it acts.
                  triggerClassName="inline-flex min-h-11 items-center rounded-lg border border-line px-3 text-sm font-medium text-muted transition-colors hover:border-danger hover:bg-danger-soft hover:text-danger focus-visible:text-danger disabled:opacity-60 sm:min-h-9"
                  question={t("removeQuestion", { name: person.displayName })}
                  confirmLabel={t("remove")}
                  pending={pendingId === person.id}
                  onConfirm={() => {
                    heading.current?.focus();
                    onRemove(person);
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
