"use client";

import { useTranslations } from "next-intl";

import type { SessionDetails } from "../../../facilitate/_lib/live-types";
import { SlideNav } from "./slide-nav";
import { useFittingCount } from "./use-fitting-count";
import { clampedText, useLinesThatFit } from "./use-lines-that-fit";
import { useSlides } from "./use-slides";

type Content = SessionDetails["content"];

/** A practice's title: as large as the screen allows for a short one, smaller for a long one. */
export function titleSize(title: string) {
  return title.length <= 60
    ? "text-[length:clamp(1.75rem,min(7vw,12vh),8rem)]"
    : title.length <= 120
      ? "text-[length:clamp(1.5rem,min(4.5vw,8vh),5.5rem)]"
      : "text-[length:clamp(1.25rem,min(3.4vw,6vh),4rem)]";
}

function descriptionSize(description: string) {
  return description.length <= 240
    ? "text-[length:clamp(1.125rem,min(3.6vw,6vh),4rem)]"
    : description.length <= 600
      ? "text-[length:clamp(1rem,min(2.8vw,4.5vh),3rem)]"
      : "text-[length:clamp(0.95rem,min(2vw,3.2vh),2.25rem)]";
}

function Overview({ content }: { content: Content }) {
  const t = useTranslations("present");
  const { ref, fitting } = useFittingCount<HTMLOListElement>();
  const hidden = content.practices.length - Math.min(fitting, content.practices.length);
  return (
    <div className="flex h-full min-h-0 flex-col justify-center gap-[3vh]">
      <p className="shrink-0 text-[length:clamp(1rem,2.6vh,2rem)] font-semibold tracking-wide text-muted uppercase">
        {t("read.label")}
      </p>
      <h2 className="line-clamp-2 shrink-0 text-[length:clamp(1.5rem,min(5.5vw,9vh),6rem)] leading-[1.05] font-bold tracking-tight">
        {content.title}
      </h2>
      <p className="shrink-0 text-[length:clamp(1rem,min(2.4vw,3.6vh),2.5rem)] text-muted">
        {t("read.intro", { count: content.practices.length })}
      </p>
      {/* One line per practice, as many as fit; the rest are counted (a projector can't scroll). */}
      <ol
        ref={ref}
        className="relative grid min-h-0 shrink grid-cols-2 content-start gap-x-[4vw] gap-y-[1.2vh] overflow-hidden text-[length:clamp(1rem,min(1.9vw,3vh),2rem)] portrait:grid-cols-1"
      >
        {content.practices.map((practice, i) => (
          <li
            key={practice.id}
            aria-hidden={i >= fitting ? true : undefined}
            className={`flex min-w-0 gap-[max(0.6em,1vw)] ${i >= fitting ? "invisible" : ""}`}
          >
            <span className="w-[2ch] shrink-0 text-right text-muted tabular-nums">{i + 1}</span>
            <span className="truncate font-medium">{practice.title}</span>
          </li>
        ))}
      </ol>
      {hidden > 0 && (
        <p className="shrink-0 text-[length:clamp(1rem,min(1.9vw,3vh),2rem)] text-muted">
          {t("read.more", { count: hidden })}
        </p>
      )}
    </div>
  );
}

function PracticeSlide({ content, index }: { content: Content; index: number }) {
  const t = useTranslations("present");
  const practice = content.practices[index]!;
  const prompts = content.prompts.filter((prompt) => prompt.practiceId === practice.id);
  const description = useLinesThatFit<HTMLParagraphElement>();
  return (
    <div className="flex h-full min-h-0 flex-col justify-center gap-[3vh]">
      <p className="shrink-0 text-[length:clamp(1rem,2.6vh,2rem)] font-semibold tracking-wide text-muted uppercase">
        {t("read.practiceOf", { index: index + 1, total: content.practices.length })}
      </p>
      <h2
        className={`line-clamp-3 shrink-0 leading-[1.05] font-bold tracking-tight ${titleSize(practice.title)}`}
      >
        {practice.title}
      </h2>
      {practice.description && (
        // The description takes the room left; a long one ends on a whole line with an ellipsis.
        <div className="flex min-h-0 flex-1 flex-col overflow-hidden">
          <p
            ref={description}
            className={`max-w-[60ch] leading-snug ${clampedText} ${descriptionSize(practice.description)}`}
          >
            {practice.description}
          </p>
        </div>
      )}
      {prompts[0] && (
        <div className="flex shrink-0 flex-col gap-[1vh] border-l-[0.6vh] border-accent pl-[2vw]">
          <p className="text-[length:clamp(0.875rem,2.3vh,1.75rem)] font-semibold text-muted">
            {prompts.length > 1
              ? t("read.toTalkAboutOf", { count: prompts.length })
              : t("read.toTalkAbout")}
          </p>
          <p className="line-clamp-2 text-[length:clamp(1rem,min(2.4vw,3.8vh),2.75rem)] leading-snug">
            {prompts[0].text}
          </p>
        </div>
      )}
    </div>
  );
}

/** The read stage: an overview of the essay, then each practice as its own large slide. */
export function ReadView({ content }: { content: Content }) {
  const t = useTranslations("present");
  const count = content.practices.length + 1;
  const slides = useSlides(count);
  return (
    <div className="flex h-full min-h-0 flex-col gap-[2vh]">
      <div className="min-h-0 flex-1 overflow-hidden">
        {slides.index === 0 ? (
          <Overview content={content} />
        ) : (
          <PracticeSlide content={content} index={slides.index - 1} />
        )}
      </div>
      <div className="flex shrink-0 items-center justify-between gap-4">
        {/* Keys are no help on a touch screen: the buttons beside it are. */}
        <p className="text-[length:clamp(0.875rem,2.3vh,1.75rem)] text-muted pointer-coarse:hidden">
          {t("read.hint")}
        </p>
        <div className="ml-auto">
          <SlideNav
            index={slides.index}
            count={count}
            kind="slide"
            onPrevious={slides.previous}
            onNext={slides.next}
          />
        </div>
      </div>
    </div>
  );
}
