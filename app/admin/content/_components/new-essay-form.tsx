"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";

import { contentLimits } from "~/server/content/draft-input";

import { formText } from "../../../_components/form-data";
import { Alert, buttonClass, Field } from "../../../_components/ui";
import { useTRPC } from "../../../_trpc/client";

/** Creates an empty draft workshop and opens it in the editor. */
export function NewEssayForm() {
  const t = useTranslations("admin.content.new");
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(
    trpc.adminContent.create.mutationOptions({
      onSuccess: ({ id }) => router.push(`/admin/content/${id}`),
    }),
  );
  return (
    <form
      action={(formData) => create.mutate({ title: formText(formData, "title") })}
      className="flex flex-col gap-4"
    >
      {create.error && <Alert tone="error">{create.error.message}</Alert>}
      <Field
        label={t("title")}
        name="title"
        required
        maxLength={contentLimits.title}
        hint={t("hint")}
      />
      <button type="submit" className={buttonClass()} disabled={create.isPending}>
        {create.isPending ? t("creating") : t("submit")}
      </button>
    </form>
  );
}
