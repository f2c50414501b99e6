import { useTranslations } from "next-intl";

/** The placeholder of a list whose data is still streaming in. */
export function ListSkeleton() {
  const t = useTranslations("common");
  return (
    <ul aria-busy="true" aria-label={t("loading")} className="flex flex-col gap-2">
      {[0, 1].map((i) => (
        <li key={i} className="h-11 animate-pulse rounded-lg bg-raised" />
      ))}
    </ul>
  );
}
