import "server-only";

import { notFound } from "next/navigation";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A workshop id from the address, or "not found" for anything that can't be one. */
export function essayIdFromPath(value: string) {
  if (!uuidPattern.test(value)) notFound();
  return value;
}
