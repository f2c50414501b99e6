/** The placeholder of a list whose data is still streaming in. */
export function ListSkeleton() {
  return (
    <ul aria-busy="true" aria-label="Loading" className="flex flex-col gap-2">
      {[0, 1].map((i) => (
        <li key={i} className="h-11 animate-pulse rounded-lg bg-raised" />
      ))}
    </ul>
  );
}
