"use client";

import type { SessionDetails } from "../../../facilitate/_lib/live-types";
import { SlideNav } from "./slide-nav";
import { useSlides } from "./use-slides";

type Content = SessionDetails["content"];

function Overview({ content }: { content: Content }) {
  return (
    <div className="flex h-full min-h-0 flex-col justify-center gap-[3vh]">
      <p className="text-[length:clamp(1rem,2.6vh,2rem)] font-semibold tracking-wide text-muted uppercase">
        Read
      </p>
      <h2 className="text-[length:clamp(2rem,min(5.5vw,9vh),6rem)] leading-[1.05] font-bold tracking-tight">
        {content.title}
      </h2>
      <p className="text-[length:clamp(1.125rem,min(2.4vw,3.6vh),2.5rem)] text-muted">
        Read the essay on your phone. Then we go through its {content.practices.length} practices
        here, one by one.
      </p>
      <ol className="grid grid-cols-2 gap-x-[4vw] gap-y-[1.2vh] text-[length:clamp(1rem,min(1.9vw,3vh),2rem)] portrait:grid-cols-1">
        {content.practices.map((practice, i) => (
          <li key={practice.id} className="flex gap-[1vw]">
            <span className="w-[2ch] shrink-0 text-right text-muted tabular-nums">{i + 1}</span>
            <span className="font-medium">{practice.title}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

function PracticeSlide({ content, index }: { content: Content; index: number }) {
  const practice = content.practices[index]!;
  const prompts = content.prompts.filter((prompt) => prompt.practiceId === practice.id);
  return (
    <div className="flex h-full min-h-0 flex-col justify-center gap-[4vh]">
      <p className="text-[length:clamp(1rem,2.6vh,2rem)] font-semibold tracking-wide text-muted uppercase">
        Practice {index + 1} of {content.practices.length}
      </p>
      <h2 className="text-[length:clamp(2.5rem,min(7vw,12vh),8rem)] leading-[1.02] font-bold tracking-tight">
        {practice.title}
      </h2>
      <p className="max-w-[40ch] text-[length:clamp(1.5rem,min(3.6vw,6vh),4rem)] leading-snug">
        {practice.description}
      </p>
      {prompts.length > 0 && (
        <div className="flex flex-col gap-[1vh] border-l-[0.6vh] border-accent pl-[2vw]">
          <p className="text-[length:clamp(0.875rem,2.2vh,1.75rem)] font-semibold text-muted">
            To talk about
          </p>
          {prompts.map((prompt) => (
            <p
              key={prompt.id}
              className="line-clamp-3 text-[length:clamp(1.125rem,min(2.4vw,3.8vh),2.75rem)] leading-snug"
            >
              {prompt.text}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}

/** The read stage: an overview of the essay, then each practice as its own large slide. */
export function ReadView({ content }: { content: Content }) {
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
        <p className="text-[length:clamp(0.75rem,1.8vh,1.25rem)] text-muted">
          ← → to step through the practices
        </p>
        <SlideNav
          index={slides.index}
          count={count}
          label="slide"
          onPrevious={slides.previous}
          onNext={slides.next}
        />
      </div>
    </div>
  );
}
