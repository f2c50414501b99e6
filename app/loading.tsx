export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="flex flex-col gap-4">
      <span className="sr-only">Loading…</span>
      <div className="h-8 w-1/2 animate-pulse rounded bg-raised" />
      <div className="h-32 animate-pulse rounded-2xl bg-raised" />
    </div>
  );
}
