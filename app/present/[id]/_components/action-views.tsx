"use client";

import { useFormatter, useTranslations } from "next-intl";

import { dayOf, isOverdue } from "~/server/actions/follow-through";

import {
  actionCounts,
  dueDayFormat,
  groupActions,
  isKept,
  ownerAndDue,
  reviewProgress,
  type ActionGroup,
  type LiveAction,
  type ReviewItem,
} from "../../../facilitate/_lib/live-actions";
import type { RoomSnapshot, SessionDetails } from "../../../facilitate/_lib/live-types";
import { CardGrid } from "./card-grid";
import { useFittingCount } from "./use-fitting-count";

const heading = "text-[length:clamp(1.25rem,min(3.4vw,6vh),4rem)] leading-tight font-bold";
const lead = "text-[length:clamp(1rem,min(2vw,3.2vh),2.25rem)] text-muted";
const big =
  "text-[length:clamp(1.75rem,min(7vw,12vh),8rem)] leading-[1.05] font-bold tracking-tight";

/** The line under an action, "Lin · due Fri, Dec 4", in the screen's language. */
function useOwnerAndDue() {
  const t = useTranslations("present");
  const format = useFormatter();
  return (action: { ownerName: string | null; dueOn: string | null }) =>
    ownerAndDue(action, {
      noOwner: t("actions.noOwner"),
      withDue: (owner, date) => t("actions.ownerDue", { owner, date }),
      formatDay: (day) => format.dateTime(day, dueDayFormat),
    });
}

/** `groupActions`, naming the groups without an adopted practice in the screen's language. */
export function useGroupActions() {
  const t = useTranslations("present");
  return (
    adoptedPracticeIds: readonly string[],
    practices: readonly { id: string; title: string }[],
    actions: readonly LiveAction[],
  ) =>
    groupActions(adoptedPracticeIds, practices, actions, {
      another: t("actions.anotherPractice"),
      none: t("actions.noPractice"),
    });
}

function columnsFor(count: number) {
  return count <= 3 ? count : count === 4 ? 2 : 3;
}

/** A list that shows the items that fit whole, and counts the rest: a projector can't scroll. */
function FittingList<T extends { id: string }>({
  items,
  className,
  render,
  more,
}: {
  items: T[];
  className: string;
  render: (item: T) => React.ReactNode;
  more: (hidden: number) => string;
}) {
  const { ref, fitting } = useFittingCount<HTMLUListElement>();
  const hidden = items.length - Math.min(fitting, items.length);
  return (
    <>
      <ul ref={ref} className={`relative min-h-0 flex-1 overflow-hidden ${className}`}>
        {items.map((item, i) => (
          <li
            key={item.id}
            aria-hidden={i >= fitting ? true : undefined}
            className={`min-w-0 shrink-0 ${i >= fitting ? "invisible" : ""}`}
          >
            {render(item)}
          </li>
        ))}
      </ul>
      {hidden > 0 && <p className="shrink-0 text-[0.85em] text-muted">{more(hidden)}</p>}
    </>
  );
}

function ActionCard({ action, marked }: { action: LiveAction; marked: boolean }) {
  const t = useTranslations("present");
  const ownerAndDue = useOwnerAndDue();
  const kept = marked && isKept(action);
  return (
    <div
      className={`flex flex-col gap-[0.4vh] rounded-[1vh] border-l-[0.6vh] p-[1.2vh] ${
        kept ? "border-ok bg-ok-soft" : "border-line bg-canvas"
      }`}
    >
      <p className="line-clamp-2 leading-snug font-semibold">{action.title}</p>
      <p className="flex items-center justify-between gap-[1vw] text-[0.8em] text-muted">
        <span className="truncate">{ownerAndDue(action)}</span>
        {kept && <span className="shrink-0 font-bold text-ok">{t("actions.kept")}</span>}
      </p>
    </div>
  );
}

function PracticeColumn({
  group,
  size,
  marked = true,
}: {
  group: ActionGroup;
  size: string;
  /** Whether kept actions stand out (not where every action shown is kept). */
  marked?: boolean;
}) {
  const t = useTranslations("present");
  const shown = group.actions.filter((action) => action.status !== "dropped");
  const { ref, fitting } = useFittingCount<HTMLUListElement>();
  const hidden = shown.length - Math.min(fitting, shown.length);
  return (
    <section
      className={`flex min-h-0 flex-col gap-[1.2vh] overflow-hidden rounded-[1.5vh] border border-line bg-surface p-[1.8vh] ${size}`}
    >
      <h3 className="flex shrink-0 items-baseline justify-between gap-[1vw] text-[1.15em] leading-tight font-bold">
        <span className="truncate">{group.practice.title}</span>
        {/* The count sits beside the title so that it takes no room from the actions. */}
        <span className="shrink-0 text-[0.8em] font-medium text-muted tabular-nums">
          {hidden > 0 ? t("actions.more", { count: hidden }) : shown.length}
        </span>
      </h3>
      {shown.length === 0 ? (
        <p className="text-muted">{marked ? t("actions.noneYet") : t("actions.noneKept")}</p>
      ) : (
        <ul
          ref={ref}
          className="relative flex min-h-0 flex-1 flex-col gap-[1vh] overflow-hidden portrait:basis-auto"
        >
          {shown.map((action, i) => (
            <li
              key={action.id}
              aria-hidden={i >= fitting ? true : undefined}
              className={`shrink-0 ${i >= fitting ? "invisible" : ""}`}
            >
              <ActionCard action={action} marked={marked} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Actions on the big screen: the list building up under each adopted practice. */
export function ActionsView({
  details,
  snapshot,
}: {
  details: SessionDetails;
  snapshot: RoomSnapshot;
}) {
  const t = useTranslations("present");
  const groupActions = useGroupActions();
  const groups = groupActions(
    snapshot.voting.adoptedPracticeIds,
    details.content.practices,
    snapshot.actions,
  ).filter((group) => group.practice.id !== "" || group.actions.length > 0);
  if (groups.length === 0) {
    return (
      <div className="flex h-full flex-col items-center justify-center gap-[3vh] text-center">
        <p className={big}>{t("actions.comingUp")}</p>
        <p className={lead}>{t("actions.adoptFirst")}</p>
      </div>
    );
  }
  const counts = actionCounts(snapshot.actions);
  return (
    <div className="flex h-full min-h-0 flex-col gap-[2vh]">
      <div className="flex shrink-0 flex-wrap items-baseline justify-between gap-x-[2vw]">
        <h2 className={heading}>{t("actions.heading")}</h2>
        <p className={lead} aria-live="polite">
          {t("actions.counts", { proposed: counts.proposed, kept: counts.kept })}
        </p>
      </div>
      <PracticeGrid groups={groups} marked />
    </div>
  );
}

function PracticeGrid({ groups, marked }: { groups: ActionGroup[]; marked: boolean }) {
  const t = useTranslations("present");
  const fit = useFittingCount<HTMLDivElement>();
  const hidden = groups.length - Math.min(fit.fitting, groups.length);
  const columns = columnsFor(groups.length);
  const size =
    columns === 1
      ? "text-[length:clamp(1rem,min(2.2vw,3.8vh),2.75rem)]"
      : columns === 2
        ? "text-[length:clamp(0.95rem,min(1.8vw,3.2vh),2.25rem)]"
        : "text-[length:clamp(0.875rem,min(1.4vw,2.6vh),1.75rem)]";
  return (
    <>
      <CardGrid
        listRef={fit.ref}
        fitting={fit.fitting}
        columns={columns}
        cards={groups.map((group) => ({
          key: group.practice.id,
          card: <PracticeColumn group={group} size={size} marked={marked} />,
        }))}
      />
      {/* Only where the practices are stacked (portrait) can some be left out. */}
      {hidden > 0 && (
        <p className="shrink-0 text-[length:clamp(0.875rem,2.3vh,1.5rem)] text-muted">
          {t("actions.morePractices", { count: hidden })}
        </p>
      )}
    </>
  );
}

/** Wrap-up: the kept actions under each adopted practice, what the room leaves with. */
export function AgreedActions({ groups }: { groups: ActionGroup[] }) {
  const t = useTranslations("present");
  return (
    <section aria-labelledby="agreed-heading" className="flex min-h-0 flex-1 flex-col gap-[1.5vh]">
      <h3
        id="agreed-heading"
        className="shrink-0 text-[length:clamp(1.25rem,min(2.6vw,4.5vh),3rem)] font-bold"
      >
        {t("actions.agreed")}
      </h3>
      <PracticeGrid groups={groups.filter((g) => g.practice.id !== "")} marked={false} />
    </section>
  );
}

const outcomeLook = {
  done: "bg-ok text-on-accent",
  carried: "bg-accent text-on-accent",
  dropped: "bg-raised text-muted line-through",
} as const;

function ReviewCard({ item, today }: { item: ReviewItem; today: string }) {
  const t = useTranslations("present");
  const ownerAndDue = useOwnerAndDue();
  // As on the team's board: still open and past its due day (an outcome settles it).
  const overdue =
    !item.outcome &&
    isOverdue({ status: item.status, dueOn: item.dueOn, completedAt: null }, today);
  return (
    <div
      className={`flex max-w-full min-w-0 items-center gap-[1.5vw] rounded-[1.2vh] border bg-surface px-[1.5vw] py-[1.2vh] max-sm:gap-3 max-sm:px-3 ${
        overdue ? "border-l-[0.6vh] border-danger max-sm:border-l-4" : "border-line"
      }`}
    >
      <div className="flex min-w-0 flex-1 flex-col gap-[0.3vh]">
        <p className="line-clamp-2 leading-snug font-semibold break-words">{item.title}</p>
        {/* Wraps rather than cuts: who, when and which practice are all worth reading. */}
        <p className="line-clamp-2 text-[0.8em] text-muted [overflow-wrap:anywhere]">
          {overdue && (
            <span className="mr-[0.5em] inline-block rounded-full bg-danger-soft px-[0.5em] text-[0.9em] font-bold tracking-wide text-danger uppercase">
              <span aria-hidden="true">!</span> {t("review.overdue")}
            </span>
          )}
          <span className={overdue ? "font-semibold text-danger" : ""}>{ownerAndDue(item)}</span>
          {item.practiceTitle && ` · ${item.practiceTitle}`}
        </p>
      </div>
      <span
        className={`shrink-0 rounded-full px-[0.8em] py-[0.2em] text-[0.85em] font-bold ${
          // Still open: a status, drawn without a button's outline.
          item.outcome ? outcomeLook[item.outcome] : "bg-raised text-muted"
        }`}
      >
        {item.outcome ? t(`review.outcomes.${item.outcome}`) : t("review.open")}
      </span>
    </div>
  );
}

/** Review on the big screen: last time's open actions, each outcome appearing as it is marked. */
export function ReviewView({ snapshot }: { snapshot: RoomSnapshot }) {
  const t = useTranslations("present");
  const items = snapshot.review;
  const { reviewed, total } = reviewProgress(items);
  if (total === 0) {
    return (
      <div className="flex h-full flex-col items-center justify-center text-center">
        <p className={big}>{t("review.nothingToReview")}</p>
      </div>
    );
  }
  const twoColumns = items.length > 5;
  // The team's board and the summary speak in UTC days too.
  const today = dayOf(new Date());
  return (
    <div className="flex h-full min-h-0 flex-col gap-[2.5vh]">
      <div className="flex shrink-0 flex-wrap items-baseline justify-between gap-x-[2vw]">
        <h2 className={heading}>{t("review.heading")}</h2>
        <p className={lead} aria-live="polite">
          {t("review.progress", { reviewed, total })}
        </p>
      </div>
      <div className="flex min-h-0 flex-1 flex-col gap-[1vh] text-[length:clamp(1rem,min(1.9vw,3.3vh),2.5rem)]">
        <FittingList
          items={items}
          className={`grid content-start gap-[1.5vh] ${twoColumns ? "grid-cols-2 portrait:grid-cols-1" : "grid-cols-1"}`}
          render={(item) => <ReviewCard item={item} today={today} />}
          more={(count) => t("review.moreActions", { count })}
        />
      </div>
    </div>
  );
}
