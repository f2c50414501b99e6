import { ListSkeleton } from "../_components/list-skeleton";

export default function AdminLoading() {
  return (
    <div className="flex flex-col gap-6">
      <div className="h-9 w-48 animate-pulse rounded-lg bg-raised" />
      <ListSkeleton />
    </div>
  );
}
