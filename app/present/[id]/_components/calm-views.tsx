"use client";

import { useTranslations } from "next-intl";

import type { ActionGroup } from "../../../facilitate/_lib/live-actions";
import type { SessionTally } from "../../../facilitate/_lib/live-types";
import { AgreedActions } from "./action-views";
import { clampedText, useLinesThatFit } from "./use-lines-that-fit";

function Stat({ value, label, compact }: { value: number; label: string; compact: boolean }) {
  return (
    <div className="flex min-w-0 flex-col-reverse items-center gap-[0.5vh] text-center">
      <dt
        className={`${compact ? "text-[length:clamp(0.75rem,2.3vh,1.75rem)]" : "text-[length:clamp(0.875rem,2.8vh,2.25rem)]"} leading-tight text-muted`}
      >
        {label}
      </dt>
      <dd
        className={`${compact ? "text-[length:clamp(1.5rem,min(4vw,7vh),5rem)]" : "text-[length:clamp(1.75rem,min(7vw,12vh),8rem)]"} leading-none font-bold tabular-nums`}
      >
        {value}
      </dd>
    </div>
  );
}

/** The session in four numbers: one row on a wide screen, two rows on a narrow one. */
function Stats({ tally, compact = false }: { tally: SessionTally; compact?: boolean }) {
  const t = useTranslations("present");
  return (
    <dl
      className={`grid shrink-0 grid-cols-[repeat(4,minmax(0,auto))] justify-center gap-y-[3vh] portrait:grid-cols-[repeat(2,minmax(0,auto))] ${compact ? "gap-x-[4vw]" : "gap-x-[7vw]"}`}
    >
      <Stat
        compact={compact}
        value={tally.people}
        label={t("wrapup.stats.people", { count: tally.people })}
      />
      <Stat
        compact={compact}
        value={tally.notes}
        label={t("wrapup.stats.notes", { count: tally.notes })}
      />
      <Stat
        compact={compact}
        value={tally.practicesDiscussed}
        label={t("wrapup.stats.discussed", { count: tally.practicesDiscussed })}
      />
      <Stat
        compact={compact}
        value={tally.adopted}
        label={t("wrapup.stats.adopted", { count: tally.adopted })}
      />
    </dl>
  );
}

/** The practices adopted, as many whole lines as the screen has room for (many long titles end early). */
function AdoptedLine({ adopted }: { adopted: string[] }) {
  const t = useTranslations("present");
  const lines = useLinesThatFit<HTMLParagraphElement>();
  return (
    <div className="flex min-h-0 shrink flex-col overflow-hidden">
      <p
        ref={lines}
        className={`max-w-[50ch] text-[length:clamp(1rem,min(2.6vw,4vh),3rem)] leading-snug ${clampedText}`}
      >
        {t.rich("wrapup.adopted", {
          titles: adopted.join(", "),
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
      </p>
    </div>
  );
}

export function WrapupView({
  title,
  tally,
  adopted,
  agreed,
}: {
  title: string;
  tally: SessionTally;
  adopted: string[];
  /** Kept actions under the adopted practices. */
  agreed: ActionGroup[];
}) {
  const t = useTranslations("present");
  if (agreed.some((group) => group.actions.length > 0)) {
    // With actions to show, the thanks and numbers make room for what the team agreed.
    return (
      <div className="flex h-full min-h-0 flex-col gap-[3vh]">
        <div className="flex shrink-0 flex-wrap items-end justify-between gap-x-[4vw] gap-y-[2vh]">
          {/* The session's title is in the screen's header already: the room goes to the actions. */}
          <h2 className="text-[length:clamp(1.5rem,min(4.5vw,8vh),5rem)] leading-none font-bold tracking-tight">
            {t("wrapup.thankYou")}
          </h2>
          <Stats tally={tally} compact />
        </div>
        <AgreedActions groups={agreed} />
      </div>
    );
  }
  return (
    <div className="flex h-full min-h-0 flex-col items-center justify-center-safe gap-[6vh] text-center">
      <div className="flex shrink-0 flex-col gap-[2vh]">
        <h2 className="text-[length:clamp(2rem,min(9vw,16vh),10rem)] leading-none font-bold tracking-tight">
          {t("wrapup.thankYou")}
        </h2>
        <p className="line-clamp-2 text-[length:clamp(1rem,min(2.6vw,4vh),3rem)] text-muted">
          {title}
        </p>
      </div>
      <Stats tally={tally} />
      {adopted.length > 0 && <AdoptedLine adopted={adopted} />}
    </div>
  );
}

export function EndedView({ title, tally }: { title: string; tally: SessionTally }) {
  const t = useTranslations("present");
  return (
    <div className="flex h-full min-h-0 flex-col items-center justify-center-safe gap-[6vh] text-center">
      <div className="flex shrink-0 flex-col gap-[2vh]">
        <h2 className="text-[length:clamp(1.75rem,min(7vw,12vh),8rem)] leading-none font-bold tracking-tight">
          {t("wrapup.ended")}
        </h2>
        <p className="line-clamp-3 text-[length:clamp(1rem,min(2.6vw,4vh),3rem)] text-muted">
          {t("wrapup.endedLead", { title })}
        </p>
      </div>
      <Stats tally={tally} />
    </div>
  );
}
