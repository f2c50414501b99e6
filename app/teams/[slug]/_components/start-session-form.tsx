"use client";

import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { formText } from "../../../_components/form-data";
import { Alert, buttonClass, Field, inputClass } from "../../../_components/ui";
import { useTRPC } from "../../../_trpc/client";

type Method = "dots" | "approval" | "maturity";

const methods = [
  { value: "dots", label: "methodDots" },
  { value: "approval", label: "methodApproval" },
  { value: "maturity", label: "methodMaturity" },
] as const satisfies readonly { value: Method; label: string }[];

/** Starts a session on a published workshop; the version it starts with is pinned. */
export function StartSessionForm({ teamId, teamName }: { teamId: string; teamName: string }) {
  const t = useTranslations("teams.startForm");
  const trpc = useTRPC();
  const router = useRouter();
  const { data: workshops } = useSuspenseQuery(trpc.content.list.queryOptions());
  const [method, setMethod] = useState<Method>("dots");
  const create = useMutation(
    trpc.session.create.mutationOptions({
      onSuccess: ({ id }) => router.push(`/facilitate/${id}`),
    }),
  );

  if (workshops.length === 0) {
    return <p className="text-muted">{t("noWorkshops")}</p>;
  }

  function submit(formData: FormData) {
    create.mutate({
      teamId,
      essayId: formText(formData, "essayId"),
      title: formText(formData, "title"),
      settings: {
        votingMethod: method,
        dots: Number(formText(formData, "dots") || 3),
        maxDotsPerPractice: Number(formText(formData, "maxDotsPerPractice") || 2),
        anonymousNotes: formData.get("anonymousNotes") === "on",
      },
    });
  }

  return (
    <form action={submit} className="flex flex-col gap-4">
      {create.error && <Alert tone="error">{create.error.message}</Alert>}
      <Field
        label={t("title")}
        name="title"
        required
        maxLength={120}
        defaultValue={t("defaultTitle", { team: teamName })}
      />
      <label className="flex flex-col gap-1.5">
        <span className="font-medium">{t("workshop")}</span>
        {/* Full width and no wider: a long title is cut with an ellipsis inside the field
            instead of pushing the form past the edge of a phone. */}
        <select
          name="essayId"
          className={`${inputClass} max-w-full min-w-0 truncate`}
          defaultValue={workshops[0]!.id}
        >
          {workshops.map((workshop) => (
            <option key={workshop.id} value={workshop.id}>
              {t("workshopOption", { title: workshop.title, version: workshop.versionNumber })}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-medium">{t("voting")}</legend>
        {methods.map((option) => (
          <label key={option.value} className="flex min-h-11 items-start gap-3 py-2.5">
            <input
              type="radio"
              name="votingMethod"
              value={option.value}
              checked={method === option.value}
              onChange={() => setMethod(option.value)}
              className="mt-0.5 size-5 shrink-0 accent-accent"
            />
            <span>{t(option.label)}</span>
          </label>
        ))}
      </fieldset>
      {method === "dots" && (
        // items-end: when a label wraps to two lines, both inputs still sit on one line.
        <div className="grid grid-cols-2 items-end gap-3">
          <Field
            label={t("dotsEach")}
            name="dots"
            type="number"
            min={1}
            max={20}
            defaultValue={3}
          />
          <Field
            label={t("mostOnOne")}
            name="maxDotsPerPractice"
            type="number"
            min={1}
            max={20}
            defaultValue={2}
          />
        </div>
      )}
      <label className="flex min-h-11 items-center gap-3">
        <input
          type="checkbox"
          name="anonymousNotes"
          defaultChecked
          className="size-5 shrink-0 accent-accent"
        />
        <span>{t("anonymousNotes")}</span>
      </label>
      <button type="submit" className={buttonClass()} disabled={create.isPending}>
        {create.isPending ? t("starting") : t("start")}
      </button>
    </form>
  );
}
