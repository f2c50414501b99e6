import type { SessionStage } from "~/db/schema";

import { stageLabels } from "../../../_components/session-stages";
import type { SessionTally } from "../../../facilitate/_lib/live-types";

const comingUp: Partial<Record<SessionStage, string>> = {
  review: "We look back at our open actions in a moment.",
  actions: "Actions are coming up.",
};

/** Stages whose big-screen view comes in a later release: a calm holding screen. */
export function ComingUpView({ stage }: { stage: SessionStage }) {
  return (
    <div className="flex h-full flex-col items-center justify-center gap-[3vh] text-center">
      <p className="text-[length:clamp(1rem,2.8vh,2.25rem)] font-semibold tracking-[0.2em] text-muted uppercase">
        {stageLabels[stage]}
      </p>
      <p className="max-w-[20ch] text-[length:clamp(2.5rem,min(7vw,12vh),8rem)] leading-[1.05] font-bold tracking-tight">
        {comingUp[stage] ?? "Coming up."}
      </p>
    </div>
  );
}

function Stat({ value, label }: { value: number; label: string }) {
  return (
    <div className="flex flex-col-reverse items-center gap-[0.5vh]">
      <dt className="text-[length:clamp(1rem,2.8vh,2.25rem)] text-muted">{label}</dt>
      <dd className="text-[length:clamp(2.5rem,min(7vw,12vh),8rem)] leading-none font-bold tabular-nums">
        {value}
      </dd>
    </div>
  );
}

function Stats({ tally }: { tally: SessionTally }) {
  return (
    <dl className="flex flex-wrap justify-center gap-x-[7vw] gap-y-[3vh]">
      <Stat
        value={tally.people}
        label={tally.people === 1 ? "person took part" : "people took part"}
      />
      <Stat value={tally.notes} label={tally.notes === 1 ? "note written" : "notes written"} />
      <Stat
        value={tally.practicesDiscussed}
        label={tally.practicesDiscussed === 1 ? "practice discussed" : "practices discussed"}
      />
      <Stat
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
}: {
  title: string;
  tally: SessionTally;
  adopted: string[];
}) {
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
