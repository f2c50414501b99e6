"use client";

import {
  actionCounts,
  groupActions,
  isKept,
  outcomeLabels,
  ownerAndDue,
  reviewProgress,
  type ActionGroup,
  type LiveAction,
  type ReviewItem,
} from "../../../facilitate/_lib/live-actions";
import type { RoomSnapshot, SessionDetails } from "../../../facilitate/_lib/live-types";
import { useFittingCount } from "./use-fitting-count";

const heading = "text-[length:clamp(1.5rem,min(3.4vw,6vh),4rem)] leading-tight font-bold";
const lead = "text-[length:clamp(1rem,min(2vw,3.2vh),2.25rem)] text-muted";
const big =
  "text-[length:clamp(2.5rem,min(7vw,12vh),8rem)] leading-[1.05] font-bold tracking-tight";

function plural(n: number, one: string) {
  return `${n} ${one}${n === 1 ? "" : "s"}`;
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
            className={`shrink-0 ${i >= fitting ? "invisible" : ""}`}
          >
            {render(item)}
          </li>
        ))}
      </ul>
      {hidden > 0 && <p className="shrink-0 text-[0.85em] text-muted">+ {more(hidden)}</p>}
    </>
  );
}

function ActionCard({ action, marked }: { action: LiveAction; marked: boolean }) {
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
        {kept && <span className="shrink-0 font-bold text-ok">Kept ✓</span>}
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
          {hidden > 0 ? `+ ${hidden} more` : shown.length}
        </span>
      </h3>
      {shown.length === 0 ? (
        <p className="text-muted">
          {marked ? "No actions yet. Propose one on your phone." : "No actions kept."}
        </p>
      ) : (
        <ul ref={ref} className="relative flex min-h-0 flex-1 flex-col gap-[1vh] overflow-hidden">
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
  const groups = groupActions(
    snapshot.voting.adoptedPracticeIds,
    details.content.practices,
    snapshot.actions,
  ).filter((group) => group.practice.id !== "" || group.actions.length > 0);
  if (groups.length === 0) {
    return (
      <div className="flex h-full flex-col items-center justify-center gap-[3vh] text-center">
        <p className={big}>Actions are coming up.</p>
        <p className={lead}>First we adopt the practices we want to act on.</p>
      </div>
    );
  }
  const counts = actionCounts(snapshot.actions);
  return (
    <div className="flex h-full min-h-0 flex-col gap-[2vh]">
      <div className="flex shrink-0 flex-wrap items-baseline justify-between gap-x-[2vw]">
        <h2 className={heading}>What will we do?</h2>
        <p className={lead} aria-live="polite">
          {counts.proposed} proposed · {counts.kept} kept · propose yours on your phone
        </p>
      </div>
      <PracticeGrid groups={groups} marked />
    </div>
  );
}

function PracticeGrid({ groups, marked }: { groups: ActionGroup[]; marked: boolean }) {
  const columns = columnsFor(groups.length);
  const rows = Math.ceil(groups.length / columns);
  const size =
    columns === 1
      ? "text-[length:clamp(1rem,min(2.2vw,3.8vh),2.75rem)]"
      : columns === 2
        ? "text-[length:clamp(0.95rem,min(1.8vw,3.2vh),2.25rem)]"
        : "text-[length:clamp(0.875rem,min(1.4vw,2.6vh),1.75rem)]";
  return (
    <div
      className="grid min-h-0 flex-1 gap-[1.5vh] portrait:!grid-cols-1"
      style={{
        gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
        gridTemplateRows: `repeat(${rows}, minmax(0, 1fr))`,
      }}
    >
      {groups.map((group) => (
        <PracticeColumn key={group.practice.id} group={group} size={size} marked={marked} />
      ))}
    </div>
  );
}

/** Wrap-up: the kept actions under each adopted practice, what the room leaves with. */
export function AgreedActions({ groups }: { groups: ActionGroup[] }) {
  return (
    <section aria-labelledby="agreed-heading" className="flex min-h-0 flex-1 flex-col gap-[1.5vh]">
      <h3
        id="agreed-heading"
        className="shrink-0 text-[length:clamp(1.25rem,min(2.6vw,4.5vh),3rem)] font-bold"
      >
        What we agreed
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

function ReviewCard({ item }: { item: ReviewItem }) {
  return (
    <div className="flex items-center gap-[1.5vw] rounded-[1.2vh] border border-line bg-surface px-[1.5vw] py-[1.2vh]">
      <div className="flex min-w-0 flex-1 flex-col gap-[0.3vh]">
        <p className="line-clamp-2 leading-snug font-semibold">{item.title}</p>
        <p className="truncate text-[0.8em] text-muted">
          {ownerAndDue(item)}
          {item.practiceTitle && ` · ${item.practiceTitle}`}
        </p>
      </div>
      <span
        className={`shrink-0 rounded-full px-[0.8em] py-[0.2em] text-[0.85em] font-bold ${
          item.outcome ? outcomeLook[item.outcome] : "border border-line text-muted"
        }`}
      >
        {item.outcome ? outcomeLabels[item.outcome] : "Open"}
      </span>
    </div>
  );
}

/** Review on the big screen: last time's open actions, each outcome appearing as it is marked. */
export function ReviewView({ snapshot }: { snapshot: RoomSnapshot }) {
  const items = snapshot.review;
  const { reviewed, total } = reviewProgress(items);
  if (total === 0) {
    return (
      <div className="flex h-full flex-col items-center justify-center text-center">
        <p className={big}>No open actions to review.</p>
      </div>
    );
  }
  const twoColumns = items.length > 5;
  return (
    <div className="flex h-full min-h-0 flex-col gap-[2.5vh]">
      <div className="flex shrink-0 flex-wrap items-baseline justify-between gap-x-[2vw]">
        <h2 className={heading}>Since last time</h2>
        <p className={lead} aria-live="polite">
          {reviewed} of {total} reviewed
        </p>
      </div>
      <div className="flex min-h-0 flex-1 flex-col gap-[1vh] text-[length:clamp(1rem,min(1.9vw,3.3vh),2.5rem)]">
        <FittingList
          items={items}
          className={`grid content-start gap-[1.5vh] ${twoColumns ? "grid-cols-2 portrait:grid-cols-1" : ""}`}
          render={(item) => <ReviewCard item={item} />}
          more={(n) => `${plural(n, "more action")} on the facilitator's list`}
        />
      </div>
    </div>
  );
}
