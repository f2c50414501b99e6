/** A dynamic route segment as typed, bounded; a malformed %-escape reads as nothing. */
export function decodeSegment(segment: string, maxLength: number) {
  try {
    return decodeURIComponent(segment).slice(0, maxLength);
  } catch {
    return "";
  }
}
