import type { useTranslations } from "next-intl";

/**
 * The translator of the "common" messages, as both `useTranslations("common")` (client and
 * server components) and `await getTranslations("common")` (async server code) return it. Shared
 * helpers take one, so every screen names stages, methods and roles the same way.
 */
export type CommonTranslator = ReturnType<typeof useTranslations<"common">>;
