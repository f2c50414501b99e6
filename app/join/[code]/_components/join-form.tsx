"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { formText } from "../../../_components/form-data";
import { Alert, buttonClass, Field } from "../../../_components/ui";
import { errorMessage, phoneClient } from "./phone-client";

/**
 * Joining needs only a name (a signed-in member joins as themselves). The join key comes from
 * the server render, so a double tap or a retry finds the participant the first one made.
 */
export function JoinForm({
  code,
  joinKey,
  signedInAs,
}: {
  code: string;
  joinKey: string;
  signedInAs: string | null;
}) {
  const t = useTranslations("phone");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  // Tabs of one browser share the key (first one kept), so joining from two tabs at once still
  // finds one participant. Without storage (private mode) the page's own key serves.
  const [sharedKey] = useState(() => sharedJoinKey(code, joinKey));
  const [pending, setPending] = useState(false);

  async function join(formData: FormData) {
    setPending(true);
    setError(null);
    try {
      const displayName = signedInAs ?? formText(formData, "displayName");
      await phoneClient().participant.join.mutate({ code, displayName, joinKey: sharedKey });
      router.refresh();
    } catch (failure) {
      setError(errorMessage(failure, t("errors.network")));
      setPending(false);
    }
  }

  return (
    <form action={join} className="flex flex-col gap-4">
      {error && <Alert tone="error">{error}</Alert>}
      {signedInAs ? (
        <p>
          {t.rich("join.joinAs", {
            name: signedInAs,
            strong: (chunks) => <strong>{chunks}</strong>,
          })}
        </p>
      ) : (
        <Field
          label={t("join.nameLabel")}
          name="displayName"
          required
          maxLength={40}
          autoComplete="nickname"
          hint={t("join.nameHint")}
        />
      )}
      <button type="submit" className={`${buttonClass()} min-h-12 text-lg`} disabled={pending}>
        {pending ? t("join.joining") : t("join.submit")}
      </button>
    </form>
  );
}

function sharedJoinKey(code: string, fresh: string) {
  if (typeof window === "undefined") return fresh;
  try {
    const name = `practica-join-key:${code}`;
    const stored = window.localStorage.getItem(name);
    if (stored) return stored;
    window.localStorage.setItem(name, fresh);
  } catch {
    // Storage may be unavailable; the server-rendered key still dedupes this tab's retries.
  }
  return fresh;
}
