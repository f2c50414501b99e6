"use client";

import type { RefObject } from "react";

/**
 * Cards that share the screen. Landscape (a projector): `columns` × as many rows as needed, each
 * card an equal share of the room. Portrait (a phone, a narrow window): one column, each card as
 * tall as its content up to a third of the screen, as many as fit whole. The caller measures them
 * (`useFittingCount` on `listRef`, giving `fitting`) and says how many more there are. A card's
 * growing part (flex-1) takes `portrait:basis-auto`, so that its content sets the card's height.
 */
export function CardGrid({
  listRef,
  fitting,
  columns,
  cards,
  rows = Math.ceil(cards.length / columns),
}: {
  listRef: RefObject<HTMLDivElement | null>;
  fitting: number;
  columns: number;
  cards: { key: string; card: React.ReactNode }[];
  /** In landscape; by default as many as the cards need. */
  rows?: number;
}) {
  return (
    <div
      ref={listRef}
      className="relative grid min-h-0 flex-1 grid-cols-(--columns) grid-rows-(--rows) gap-[1.5vh] overflow-hidden portrait:grid-cols-1 portrait:grid-rows-none portrait:content-start"
      style={
        {
          "--columns": `repeat(${columns}, minmax(0, 1fr))`,
          "--rows": `repeat(${rows}, minmax(0, 1fr))`,
        } as React.CSSProperties
      }
    >
      {cards.map(({ key, card }, i) => (
        <div
          key={key}
          aria-hidden={i >= fitting ? true : undefined}
          className={`flex min-h-0 min-w-0 portrait:min-h-auto [&>*]:min-w-0 [&>*]:flex-1 portrait:[&>*]:max-h-[34vh] ${
            i >= fitting ? "invisible" : ""
          }`}
        >
          {card}
        </div>
      ))}
    </div>
  );
}
