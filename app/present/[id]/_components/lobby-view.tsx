import type { SessionDetails } from "../../../facilitate/_lib/live-types";

/** Where people type the code: the site's front page, which opens with the join box. */
function siteAddress(joinUrl: string) {
  try {
    return new URL(joinUrl).host;
  } catch {
    return joinUrl;
  }
}

/** The lobby on the big screen: the code, the address and a QR code big enough to scan. */
export function LobbyView({
  details,
  participantCount,
}: {
  details: SessionDetails;
  participantCount: number;
}) {
  return (
    <div className="grid h-full grid-cols-[minmax(0,1fr)_auto] items-center gap-[5vw] portrait:grid-cols-1 portrait:content-center portrait:justify-items-center portrait:text-center">
      <div className="flex min-w-0 flex-col gap-[3vh]">
        <p className="text-[length:clamp(1.25rem,min(3vw,4.5vh),3rem)] leading-tight text-muted">
          Join on your phone: scan the code, or go to{" "}
          <strong className="font-semibold break-all text-fg">
            {siteAddress(details.joinUrl)}
          </strong>{" "}
          and enter
        </p>
        <p className="text-[length:clamp(3rem,min(9.5vw,20vh),13rem)] leading-none font-extrabold tracking-[0.06em] whitespace-nowrap tabular-nums">
          {details.joinCode}
        </p>
        <p
          aria-live="polite"
          className={`text-[length:clamp(1.5rem,min(3.5vw,6vh),4rem)] leading-tight ${
            participantCount === 0 ? "text-muted" : "font-semibold"
          }`}
        >
          {participantCount === 0 ? (
            "Waiting for people to join…"
          ) : (
            <>
              <span className="tabular-nums">{participantCount}</span>{" "}
              {participantCount === 1 ? "person" : "people"} joined
            </>
          )}
        </p>
      </div>
      <figure className="flex flex-col items-center gap-[1.5vh]">
        <div
          role="img"
          aria-label={`QR code for ${details.joinUrl}`}
          // The QR stays dark on white in both themes: phone cameras read it best that way.
          className="size-[clamp(300px,min(62vh,40vw),820px)] rounded-[2vh] bg-white p-[2vh] shadow-sm portrait:size-[clamp(240px,min(40vh,80vw),820px)] [&>svg]:size-full"
          dangerouslySetInnerHTML={{ __html: details.joinQrSvg }}
        />
        <figcaption className="text-[length:clamp(0.875rem,2.3vh,1.5rem)] break-all text-muted">
          {details.joinUrl.replace(/^https?:\/\//, "")}
        </figcaption>
      </figure>
    </div>
  );
}
