"use client";

import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { formText } from "../../../_components/form-data";
import { Alert, buttonClass, Field, inputClass } from "../../../_components/ui";
import { useTRPC } from "../../../_trpc/client";

type Method = "dots" | "approval" | "maturity";

const methods: { value: Method; label: string }[] = [
  { value: "dots", label: "Dot voting — spread a few dots over the practices" },
  { value: "approval", label: "Approval — yes or no on each practice" },
  { value: "maturity", label: "Maturity — rate today and importance, 1 to 5" },
];

/** Starts a session on a published workshop; the version it starts with is pinned. */
export function StartSessionForm({ teamId, teamName }: { teamId: string; teamName: string }) {
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
    return <p className="text-muted">No workshop is published yet. An admin publishes them.</p>;
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
        label="Title"
        name="title"
        required
        maxLength={120}
        defaultValue={`${teamName} workshop`}
      />
      <label className="flex flex-col gap-1.5">
        <span className="font-medium">Workshop</span>
        <select name="essayId" className={inputClass} defaultValue={workshops[0]!.id}>
          {workshops.map((workshop) => (
            <option key={workshop.id} value={workshop.id}>
              {workshop.title} (version {workshop.versionNumber})
            </option>
          ))}
        </select>
      </label>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-medium">Voting</legend>
        {methods.map((option) => (
          <label key={option.value} className="flex min-h-11 items-center gap-3">
            <input
              type="radio"
              name="votingMethod"
              value={option.value}
              checked={method === option.value}
              onChange={() => setMethod(option.value)}
              className="size-5"
            />
            <span>{option.label}</span>
          </label>
        ))}
      </fieldset>
      {method === "dots" && (
        <div className="grid grid-cols-2 gap-3">
          <Field label="Dots each" name="dots" type="number" min={1} max={20} defaultValue={3} />
          <Field
            label="Most on one practice"
            name="maxDotsPerPractice"
            type="number"
            min={1}
            max={20}
            defaultValue={2}
          />
        </div>
      )}
      <label className="flex min-h-11 items-center gap-3">
        <input type="checkbox" name="anonymousNotes" defaultChecked className="size-5" />
        <span>Allow anonymous notes</span>
      </label>
      <button type="submit" className={buttonClass()} disabled={create.isPending}>
        {create.isPending ? "Starting…" : "Start the session"}
      </button>
    </form>
  );
}
