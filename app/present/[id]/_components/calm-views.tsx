import type { ActionGroup } from "../../../facilitate/_lib/live-actions";
import type { SessionTally } from "../../../facilitate/_lib/live-types";
import { AgreedActions } from "./action-views";

function Stat({ value, label, compact }: { value: number; label: string; compact: boolean }) {
  return (
    <div className="flex flex-col-reverse items-center gap-[0.5vh]">
      <dt
        className={`${compact ? "text-[length:clamp(0.875rem,2.3vh,1.75rem)]" : "text-[length:clamp(1rem,2.8vh,2.25rem)]"} text-muted`}
      >
        {label}
      </dt>
      <dd
        className={`${compact ? "text-[length:clamp(1.75rem,min(4vw,7vh),5rem)]" : "text-[length:clamp(2.5rem,min(7vw,12vh),8rem)]"} leading-none font-bold tabular-nums`}
      >
        {value}
      </dd>
    </div>
  );
}

function Stats({ tally, compact = false }: { tally: SessionTally; compact?: boolean }) {
  return (
    <dl
      className={`flex flex-wrap justify-center gap-y-[3vh] ${compact ? "gap-x-[4vw]" : "gap-x-[7vw]"}`}
    >
      <Stat
        compact={compact}
        value={tally.people}
        label={tally.people === 1 ? "person took part" : "people took part"}
      />
      <Stat
        compact={compact}
        value={tally.notes}
        label={tally.notes === 1 ? "note written" : "notes written"}
      />
      <Stat
        compact={compact}
        value={tally.practicesDiscussed}
        label={tally.practicesDiscussed === 1 ? "practice discussed" : "practices discussed"}
      />
      <Stat
        compact={compact}
        value={tally.adopted}
        label={tally.adopted === 1 ? "practice adopted" : "practices adopted"}
      />
    </dl>
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
  if (agreed.some((group) => group.actions.length > 0)) {
    // With actions to show, the thanks and numbers make room for what the team agreed.
    return (
      <div className="flex h-full min-h-0 flex-col gap-[3vh]">
        <div className="flex shrink-0 flex-wrap items-end justify-between gap-x-[4vw] gap-y-[2vh]">
          {/* The session's title is in the screen's header already: the room goes to the actions. */}
          <h2 className="text-[length:clamp(2rem,min(4.5vw,8vh),5rem)] leading-none font-bold tracking-tight">
            Thank you!
          </h2>
          <Stats tally={tally} compact />
        </div>
        <AgreedActions groups={agreed} />
      </div>
    );
  }
  return (
    <div className="flex h-full flex-col items-center justify-center gap-[6vh] text-center">
      <div className="flex flex-col gap-[2vh]">
        <h2 className="text-[length:clamp(3rem,min(9vw,16vh),10rem)] leading-none font-bold tracking-tight">
          Thank you!
        </h2>
        <p className="text-[length:clamp(1.25rem,min(2.6vw,4vh),3rem)] text-muted">{title}</p>
      </div>
      <Stats tally={tally} />
      {adopted.length > 0 && (
        <p className="max-w-[50ch] text-[length:clamp(1.25rem,min(2.6vw,4vh),3rem)]">
          We adopted <strong>{adopted.join(", ")}</strong>.
        </p>
      )}
    </div>
  );
}

export function EndedView({ title, tally }: { title: string; tally: SessionTally }) {
  return (
    <div className="flex h-full flex-col items-center justify-center gap-[6vh] text-center">
      <div className="flex flex-col gap-[2vh]">
        <h2 className="text-[length:clamp(2.5rem,min(7vw,12vh),8rem)] leading-none font-bold tracking-tight">
          This session has ended
        </h2>
        <p className="text-[length:clamp(1.25rem,min(2.6vw,4vh),3rem)] text-muted">
          {title} · thank you for taking part
        </p>
      </div>
      <Stats tally={tally} />
    </div>
  );
}
