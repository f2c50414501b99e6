"use client";

import { useTranslations } from "next-intl";

import type { SessionDetails } from "../../../facilitate/_lib/live-types";
import { useFittingCount } from "./use-fitting-count";

/** Where people type the code: the site's front page, which opens with the join box. */
function siteAddress(joinUrl: string) {
  try {
    return new URL(joinUrl).host;
  } catch {
    return joinUrl;
  }
}

/**
 * The join link as people read it: no scheme, and the code as the big one shows it (ABC-DEF,
 * which the join page accepts as well). The QR code keeps the full link, for the cameras.
 */
function shownJoinAddress(joinUrl: string, joinCode: string) {
  return joinUrl.replace(/^https?:\/\//, "").replace(/[^/]*$/, joinCode);
}

/**
 * Who has joined, newest first, as name tags: the ones that fit whole, and how many more. The
 * "more" line keeps its room while the list is counted, so that counting doesn't change the room.
 */
function JoinedNames({ names, count }: { names: string[]; count: number }) {
  const t = useTranslations("present");
  const { ref, fitting } = useFittingCount<HTMLUListElement>();
  const shown = Math.min(fitting, names.length);
  const more = count - shown;
  return (
    <div className="flex min-h-0 shrink flex-col gap-[1.2vh] text-[length:clamp(0.95rem,min(2.2vw,3.6vh),2.5rem)]">
      <ul
        ref={ref}
        aria-label={t("lobby.joinedList")}
        className="relative flex min-h-0 shrink flex-wrap content-start gap-[1vh] overflow-hidden portrait:justify-center"
      >
        {names.map((name, i) => (
          <li
            key={`${i}:${name}`}
            aria-hidden={i >= fitting ? true : undefined}
            className={`max-w-full truncate rounded-full border border-line bg-surface px-[0.8em] py-[0.25em] leading-snug font-semibold ${
              i >= fitting ? "invisible" : ""
            }`}
          >
            {name}
          </li>
        ))}
      </ul>
      <p
        aria-hidden={more > 0 ? undefined : true}
        className={`shrink-0 leading-snug text-muted ${more > 0 ? "" : "invisible"}`}
      >
        {t("lobby.moreJoined", { count: more })}
      </p>
    </div>
  );
}

/** The lobby on the big screen: the code, the address, a QR code big enough to scan, and who is in. */
export function LobbyView({
  details,
  participantCount,
  names,
}: {
  details: SessionDetails;
  participantCount: number;
  /** The newest joiners' names (at most a hundred): the screen shows as many as fit. */
  names: string[];
}) {
  const t = useTranslations("present");
  return (
    <div className="flex h-full min-h-0 items-center gap-[5vw] portrait:flex-col portrait:items-stretch portrait:gap-[2.5vh]">
      {/* A container: the code's size follows the room this column has, so it never overflows. */}
      <div className="@container flex h-full min-h-0 min-w-0 flex-1 flex-col justify-center gap-[3vh] portrait:h-auto portrait:gap-[2vh] portrait:text-center">
        <p className="shrink-0 text-[length:clamp(1rem,min(3vw,4.5vh),3rem)] leading-tight text-muted">
          {t.rich("lobby.joinPrompt", {
            address: siteAddress(details.joinUrl),
            strong: (chunks) => (
              <strong className="font-semibold [overflow-wrap:anywhere] text-fg">{chunks}</strong>
            ),
          })}
        </p>
        <p className="shrink-0 text-[length:clamp(2rem,min(17cqw,20vh),13rem)] leading-none font-extrabold tracking-[0.06em] whitespace-nowrap tabular-nums">
          {details.joinCode}
        </p>
        <p
          aria-live="polite"
          className={`shrink-0 text-[length:clamp(1.25rem,min(3.5vw,6vh),4rem)] leading-tight ${
            participantCount === 0 ? "text-muted" : "font-semibold"
          }`}
        >
          {participantCount === 0
            ? t("lobby.waiting")
            : t.rich("lobby.joined", {
                count: participantCount,
                n: (chunks) => <span className="tabular-nums">{chunks}</span>,
              })}
        </p>
        {participantCount > 0 && <JoinedNames names={names} count={participantCount} />}
      </div>
      <figure className="flex shrink-0 flex-col items-center gap-[1.5vh]">
        <div
          role="img"
          aria-label={t("lobby.qrLabel", {
            url: shownJoinAddress(details.joinUrl, details.joinCode),
          })}
          // The QR stays dark on white in both themes: phone cameras read it best that way.
          className="size-[clamp(140px,min(62vh,40vw),820px)] rounded-[2vh] bg-white p-[2vh] shadow-sm portrait:size-[clamp(120px,min(34vh,80vw),820px)] [&>svg]:size-full"
          dangerouslySetInnerHTML={{ __html: details.joinQrSvg }}
        />
        <figcaption className="max-w-full text-center text-[length:clamp(0.75rem,2.3vh,1.5rem)] break-all text-muted">
          {shownJoinAddress(details.joinUrl, details.joinCode)}
        </figcaption>
      </figure>
    </div>
  );
}
