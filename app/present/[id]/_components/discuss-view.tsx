"use client";

import { useTranslations } from "next-intl";

import {
  groupNotesByPractice,
  type LiveNote,
  type NoteGroup,
  type SessionDetails,
} from "../../../facilitate/_lib/live-types";
import { CardGrid } from "./card-grid";
import { SlideNav } from "./slide-nav";
import { useFittingCount } from "./use-fitting-count";
import { clampedText, useLinesThatFit } from "./use-lines-that-fit";
import { useSlides } from "./use-slides";

type Content = SessionDetails["content"];

/** A card never tries more than this many notes; how many of them fit is measured. */
const maxPerCard = 4;

function NoteMeta({ note }: { note: LiveNote }) {
  const t = useTranslations("present");
  return (
    <p className="flex shrink-0 items-center justify-between gap-[1vw] text-[0.8em] text-muted">
      <span className={`truncate ${note.author ? "" : "italic"}`}>
        {note.author ?? t("discuss.anonymous")}
      </span>
      <span className="shrink-0 rounded-full bg-raised px-[0.6em] py-[0.1em] font-semibold text-fg tabular-nums">
        <span className="sr-only">{t("discuss.upvotes", { count: note.upvotes })}</span>
        <span aria-hidden="true">▲ {note.upvotes}</span>
      </span>
    </p>
  );
}

/** One practice's card in the overview: its most upvoted notes that fit, and how many more. */
function GroupCard({ group }: { group: NoteGroup }) {
  const t = useTranslations("present");
  const top = group.notes.slice(0, maxPerCard);
  const { ref, fitting } = useFittingCount<HTMLUListElement>();
  const more = group.notes.length - Math.min(fitting, top.length);
  return (
    <section className="flex min-h-0 flex-col gap-[1vh] overflow-hidden rounded-[1.5vh] border border-line bg-surface p-[1.6vh] text-[length:clamp(0.875rem,min(1.7vw,2.9vh),2rem)]">
      <h3 className="flex shrink-0 items-baseline justify-between gap-[1vw] text-[1.1em] leading-tight font-bold">
        <span className="truncate">{group.practice?.title ?? t("discuss.generalTitle")}</span>
        {/* The count sits beside the title so it takes no room from the notes. */}
        <span className="shrink-0 text-[0.8em] font-medium text-muted tabular-nums">
          {more > 0 && top.length > 0
            ? t("discuss.more", { count: more })
            : t("discuss.notes", { count: group.notes.length })}
        </span>
      </h3>
      {top.length === 0 ? (
        <p className="text-muted">{t("discuss.noNotes")}</p>
      ) : (
        <ul
          ref={ref}
          className="relative flex min-h-0 flex-1 flex-col gap-[0.8vh] overflow-hidden portrait:basis-auto"
        >
          {top.map((note, i) => (
            <li
              key={note.id}
              aria-hidden={i >= fitting ? true : undefined}
              className={`flex shrink-0 flex-col gap-[0.2vh] rounded-[1vh] bg-canvas px-[1vh] py-[0.7vh] ${
                i >= fitting ? "invisible" : ""
              }`}
            >
              <p className="line-clamp-2 leading-snug">{note.body}</p>
              <NoteMeta note={note} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The overview never shows more cards than this: smaller ones couldn't be read from the room. */
const overviewLimit = 9;

/**
 * With more practices than fit, the overview shows those with the most notes (in the essay's
 * order) and counts the rest; stepping through shows every one.
 */
export function overviewGroups(groups: NoteGroup[]) {
  if (groups.length <= overviewLimit) return { shown: groups, hidden: 0 };
  const busiest = new Set(
    groups
      .map((group, order) => ({ group, order }))
      .filter(({ group }) => group.notes.length > 0)
      .sort((a, b) => b.group.notes.length - a.group.notes.length || a.order - b.order)
      .slice(0, overviewLimit)
      .map(({ group }) => group),
  );
  const shown = groups.filter((group) => busiest.has(group));
  return { shown, hidden: groups.length - shown.length };
}

function Overview({ groups }: { groups: NoteGroup[] }) {
  const t = useTranslations("present");
  const { shown, hidden } = overviewGroups(groups);
  const fit = useFittingCount<HTMLDivElement>();
  if (shown.length === 0) {
    return (
      <div className="flex h-full flex-col items-center justify-center gap-[3vh] text-center">
        <p className="text-[length:clamp(1.75rem,min(7vw,12vh),8rem)] leading-[1.05] font-bold tracking-tight">
          {t("discuss.noNotesTitle")}
        </p>
        <p className="text-[length:clamp(1rem,min(2.6vw,4vh),3rem)] text-muted">
          {t("discuss.writeAboutAny", { count: groups.length })}
        </p>
      </div>
    );
  }
  // Cards left out: past the limit, and (stacked on a narrow screen) past the bottom.
  const more = hidden + shown.length - Math.min(fit.fitting, shown.length);
  return (
    <div className="flex h-full min-h-0 flex-col gap-[1.5vh]">
      <CardGrid
        listRef={fit.ref}
        fitting={fit.fitting}
        columns={shown.length <= 4 ? 2 : 3}
        cards={shown.map((group) => ({
          key: group.practice?.id ?? "general",
          card: <GroupCard group={group} />,
        }))}
      />
      {more > 0 && (
        <p className="shrink-0 text-[length:clamp(0.875rem,2.3vh,1.75rem)] text-muted">
          {t("discuss.morePractices", { count: more })}
        </p>
      )}
    </div>
  );
}

const focusLimit = 6;

/** A note up close: as many whole lines as its card has room for. */
function NoteBody({ body }: { body: string }) {
  const ref = useLinesThatFit<HTMLParagraphElement>();
  return (
    <div className="min-h-0 flex-1 overflow-hidden portrait:basis-auto">
      <p ref={ref} className={`leading-snug ${clampedText}`}>
        {body}
      </p>
    </div>
  );
}

/** One practice up close: its question to talk about and its top notes, large. */
function Focus({ group, content }: { group: NoteGroup; content: Content }) {
  const t = useTranslations("present");
  const prompts = content.prompts.filter(
    (prompt) => prompt.practiceId === (group.practice?.id ?? null),
  );
  const top = group.notes.slice(0, focusLimit);
  const fit = useFittingCount<HTMLDivElement>();
  // Notes left out: past the six shown, and (stacked on a narrow screen) past the bottom.
  const more = group.notes.length - Math.min(fit.fitting, top.length);
  return (
    <div className="flex h-full min-h-0 flex-col gap-[2.5vh]">
      <div className="flex shrink-0 flex-col gap-[1vh]">
        <h2
          className={`line-clamp-2 leading-tight font-bold tracking-tight ${
            (group.practice?.title.length ?? 0) <= 60
              ? "text-[length:clamp(1.5rem,min(4.5vw,8vh),5.5rem)]"
              : "text-[length:clamp(1.25rem,min(3vw,5.5vh),3.75rem)]"
          }`}
        >
          {group.practice?.title ?? t("discuss.generalTitle")}
        </h2>
        {prompts[0] && (
          <p className="line-clamp-2 text-[length:clamp(1rem,min(2.2vw,3.6vh),2.5rem)] text-muted">
            {prompts[0].text}
          </p>
        )}
      </div>
      {top.length === 0 ? (
        <p className="text-[length:clamp(1rem,3.5vh,2.5rem)] text-muted">
          {t("discuss.noNotesHere")}
        </p>
      ) : (
        <div className="flex min-h-0 flex-1 flex-col text-[length:clamp(1rem,min(1.8vw,3.2vh),2.25rem)]">
          <CardGrid
            listRef={fit.ref}
            fitting={fit.fitting}
            columns={3}
            rows={2}
            cards={top.map((note) => ({
              key: note.id,
              card: (
                <div className="flex min-h-0 flex-col justify-between gap-[1vh] overflow-hidden rounded-[1.5vh] border border-line bg-surface p-[2vh]">
                  <NoteBody body={note.body} />
                  <NoteMeta note={note} />
                </div>
              ),
            }))}
          />
        </div>
      )}
      {more > 0 && (
        <p className="shrink-0 text-[length:clamp(0.875rem,2.3vh,1.5rem)] text-muted">
          {t("discuss.moreNotes", { count: more })}
        </p>
      )}
    </div>
  );
}

/** The discuss stage: every practice's notes at a glance, or one practice up close. */
export function DiscussView({ content, notes }: { content: Content; notes: LiveNote[] }) {
  const t = useTranslations("present");
  const groups = groupNotesByPractice(content.practices, notes);
  const count = groups.length + 1;
  const slides = useSlides(count);
  const focused = slides.index > 0 ? groups[slides.index - 1] : undefined;
  return (
    <div className="flex h-full min-h-0 flex-col gap-[2vh]">
      <div className="min-h-0 flex-1 overflow-hidden">
        {focused ? <Focus group={focused} content={content} /> : <Overview groups={groups} />}
      </div>
      <div className="flex shrink-0 items-center justify-between gap-4">
        <p className="text-[length:clamp(0.875rem,2.3vh,1.75rem)] text-muted">
          {t("discuss.footer", { count: notes.length })}
        </p>
        <SlideNav
          index={slides.index}
          count={count}
          kind="practice"
          onPrevious={slides.previous}
          onNext={slides.next}
        />
      </div>
    </div>
  );
}
