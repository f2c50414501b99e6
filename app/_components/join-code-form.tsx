import { useTranslations } from "next-intl";

import { buttonClass } from "./ui";

/**
 * The "join a session" box. A plain GET form, so it works before any JavaScript loads on a slow
 * phone; /join normalizes what was typed and leads to /join/CODE.
 */
export function JoinCodeForm({
  defaultCode = "",
  error,
}: {
  defaultCode?: string;
  error?: string;
}) {
  const t = useTranslations("common");
  return (
    <form action="/join" method="get" className="flex flex-col gap-3">
      <label htmlFor="join-code" className="text-lg font-semibold">
        {t("joinCode.label")}
      </label>
      <p id="join-code-hint" className="text-sm text-muted">
        {t("joinCode.hint")}
      </p>
      <div className="flex flex-col gap-3 sm:flex-row">
        <input
          id="join-code"
          name="code"
          defaultValue={defaultCode}
          required
          maxLength={12}
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          placeholder="ABC-DEF"
          aria-describedby={error ? "join-code-hint join-code-error" : "join-code-hint"}
          aria-invalid={error ? true : undefined}
          className="min-h-14 w-full min-w-0 rounded-xl border-2 border-line bg-surface px-4 text-center font-mono text-3xl tracking-[0.2em] uppercase placeholder:text-muted/60 aria-[invalid=true]:border-danger sm:text-left"
        />
        <button type="submit" className={`${buttonClass()} min-h-14 px-8 text-lg`}>
          {t("joinCode.submit")}
        </button>
      </div>
      {error && (
        <p id="join-code-error" role="alert" className="font-medium text-danger">
          {error}
        </p>
      )}
    </form>
  );
}
