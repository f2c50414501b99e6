"use client";

import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

/**
 * A link of the site's frame (the header, the 404 page) that moves within the app like
 * next/link, without its prefetching. The frame is in every page's bundle, a phone's included,
 * and next/link's prefetch machinery is ~2.6 KB of it compressed. A click with a modifier key or
 * another button stays the browser's own (a new tab or window).
 */
export function NavLink({ href, onClick, ...props }: ComponentProps<"a"> & { href: string }) {
  const router = useRouter();
  return (
    <a
      {...props}
      href={href}
      onClick={(event) => {
        onClick?.(event);
        if (
          event.defaultPrevented ||
          (props.target !== undefined && props.target !== "_self") ||
          event.button !== 0 ||
          event.metaKey ||
          event.ctrlKey ||
          event.shiftKey ||
          event.altKey
        ) {
          return;
        }
        event.preventDefault();
        router.push(href);
      }}
    />
  );
}
