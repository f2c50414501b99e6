import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";

import { actionsCsv } from "~/server/actions/csv";
import { newAccountInput } from "~/server/accounts/inputs";
import { appRouter } from "~/server/api/root";
import { essayDraftInput } from "~/server/content/draft-input";
import {
  LocalizedError,
  localizedErrorMessage,
  localizedTRPCError,
} from "~/server/i18n/localized-error";
import { keyOfEnglish, renderServerText, requestLocale } from "~/server/i18n/server-text";
import { localizedIssueMessage, readableZodMessage } from "~/server/i18n/zod-issues";
import { tooManyTriesMessage } from "~/server/rate-limit";
import { moveStage, type StageContext } from "~/server/sessions/stages";
import { summaryMarkdown } from "~/server/summary/markdown";
import type { SessionSummary } from "~/server/summary/types";
import { checkBallot, type BallotMark, type RoundRules } from "~/server/voting/ballot-rules";

/*
 * The server's words in the caller's language: errors carry their English sentence and the
 * message key it came from; zod issues, which keep only their sentence, find their key by it.
 */

/** Every message a schema of its own carries (zod keeps them as error functions of checks). */
function schemaMessages(node: unknown, into = new Set<string>(), seen = new Set<unknown>()) {
  if (!node || typeof node !== "object" || seen.has(node)) return into;
  seen.add(node);
  const def = (node as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
  if (!def) return into;
  if (typeof def.error === "function") {
    const said = (def.error as (issue: unknown) => unknown)({ code: "custom", input: undefined });
    if (typeof said === "string") into.add(said);
  }
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") {
      if ("_zod" in value) schemaMessages(value, into, seen);
      else Object.values(value).forEach(visit);
    }
  };
  Object.values(def).forEach(visit);
  return into;
}

describe("validation messages", () => {
  it("every message of every procedure's input has a translation", () => {
    const procedures = (
      appRouter._def as unknown as { procedures: Record<string, { _def: { inputs: unknown[] } }> }
    ).procedures;
    const messages = new Set<string>();
    for (const procedure of Object.values(procedures)) {
      for (const input of procedure._def.inputs) schemaMessages(input, messages);
    }
    schemaMessages(newAccountInput, messages);
    // The draft's cross-field checks add their issues in a function the walk can't see.
    messages.add("This prompt is tied to a practice that isn't in the draft.");
    messages.add("A practice appears twice in the draft.");
    expect(messages.size).toBeGreaterThan(60);
    expect([...messages].filter((message) => !keyOfEnglish(message))).toEqual([]);
  });

  it("says the schemas' own messages in Spanish, and leaves English as it is", () => {
    const parsed = essayDraftInput.safeParse({
      title: "",
      markdown: "",
      practices: [],
      prompts: [{ text: "Why?", practiceIndex: 3 }],
    });
    expect(parsed.success).toBe(false);
    const error = parsed.error!;
    expect(readableZodMessage(error)).toBe(
      "title: Give the workshop a title.; prompts.0.practiceIndex: This prompt is tied to a practice that isn't in the draft.",
    );
    expect(readableZodMessage(error, "es")).toBe(
      "title: Ponle un título al taller.; prompts.0.practiceIndex: Esta pregunta está ligada a una práctica que no está en el borrador.",
    );
  });

  it("gives checks without a message of ours zod's Spanish default message", () => {
    const parsed = z.object({ count: z.number(), name: z.string() }).safeParse({ count: "3" });
    const [wrongType, missing] = parsed.error!.issues;
    expect(localizedIssueMessage(wrongType!, "es")).toBe(
      "Entrada inválida: se esperaba número, recibido texto",
    );
    expect(localizedIssueMessage(missing!, "es")).toBe(
      "Entrada inválida: se esperaba texto, recibido indefinido",
    );
    expect(localizedIssueMessage(wrongType!, "en")).toBe(wrongType!.message);
  });
});

describe("refusals", () => {
  it("carry their English sentence and say it in Spanish through the key", () => {
    const error = localizedTRPCError("UNAUTHORIZED", { key: "access.signIn" });
    expect(error.message).toBe("Sign in to continue.");
    expect(localizedErrorMessage(error, "en")).toBe("Sign in to continue.");
    expect(localizedErrorMessage(error, "es")).toBe("Inicia sesión para continuar.");
    const withValues = new LocalizedError({
      key: "admin.alreadyInTeam",
      values: { name: "Ann", team: "Platform" },
    });
    expect(withValues.message).toBe("Ann is already in Platform.");
    expect(
      localizedErrorMessage(new TRPCError({ code: "CONFLICT", cause: withValues }), "es"),
    ).toBe("Ann ya está en Platform.");
  });

  it("say a plain sentence that is one of the server's messages in Spanish, others as they are", () => {
    expect(localizedErrorMessage(new LocalizedError("This session has ended."), "es")).toBe(
      "Esta sesión terminó.",
    );
    expect(localizedErrorMessage(new Error("Something only English knows."), "es")).toBe(
      "Something only English knows.",
    );
    // The notes' refusals (server/sessions/notes.ts) are still thrown as sentences.
    for (const sentence of [
      "Notes open when the facilitator starts the discussion.",
      "This session doesn't allow anonymous notes.",
      "Upvotes open when the facilitator starts the discussion.",
      "That note is not in this session.",
      "You can't upvote your own note.",
    ]) {
      expect(keyOfEnglish(sentence), sentence).toBeDefined();
    }
  });

  it("of the stage rules are all server messages", () => {
    const at = (context: Partial<StageContext>): StageContext => ({
      stage: "discuss",
      ended: false,
      hasReview: false,
      ...context,
    });
    const refusals = [
      moveStage(at({ ended: true }), { type: "advance" }),
      moveStage(at({ stage: "wrapup" }), { type: "advance" }),
      moveStage(at({ stage: "lobby" }), { type: "back" }),
      moveStage(at({}), { type: "goto", stage: "review" }),
      moveStage(at({}), { type: "goto", stage: "discuss" }),
    ];
    for (const result of refusals) {
      if (result.ok) throw new Error("expected a refusal");
      expect(keyOfEnglish(result.reason), result.reason).toBeDefined();
    }
  });

  it("of ballots say in English exactly what the ballot rules say", () => {
    const ids = ["a", "b", "c"];
    const rules = (method: RoundRules["method"], dots = 3, max = 2): RoundRules => ({
      method,
      practiceIds: ids,
      dots,
      maxDotsPerPractice: max,
    });
    const mark = (practiceId: string, points: number, importance: number | null = null) =>
      ({ practiceId, points, importance }) satisfies BallotMark;
    const cases: [RoundRules, BallotMark[]][] = [
      [rules("dots"), [mark("x", 1)]],
      [rules("dots"), [mark("a", 1), mark("a", 1)]],
      [rules("dots"), [mark("a", 1.5)]],
      [rules("dots"), [mark("a", -1)]],
      [rules("dots", 3, 1), [mark("a", 2)]],
      [rules("dots", 3, 2), [mark("a", 3)]],
      [rules("dots"), [mark("a", 1, 3)]],
      [rules("dots", 1, 1), [mark("a", 1), mark("b", 1)]],
      [rules("dots", 3, 3), [mark("a", 2), mark("b", 2)]],
      [rules("dots"), []],
      [rules("approval"), [mark("a", 2)]],
      [rules("approval"), [mark("a", 1, 3)]],
      [rules("maturity"), [mark("a", 6, 3)]],
      [rules("maturity"), [mark("a", 3, 3)]],
      [rules("maturity"), [mark("a", 3, 3), mark("b", 3, 3)]],
    ];
    for (const [roundRules, marks] of cases) {
      const result = checkBallot(roundRules, marks);
      if (result.ok) throw new Error(`expected a refusal of ${JSON.stringify(marks)}`);
      expect(renderServerText(result.refusal)).toBe(result.reason);
      expect(renderServerText(result.refusal, "es")).not.toBe(result.reason);
    }
  });

  it("to slow down say how long to wait, in words", () => {
    expect(tooManyTriesMessage(1)).toBe("Too many tries — wait 1 second and try again.");
    expect(tooManyTriesMessage(89)).toBe("Too many tries — wait 89 seconds and try again.");
    expect(tooManyTriesMessage(90)).toBe("Too many tries — wait 2 minutes and try again.");
    expect(tooManyTriesMessage(1500)).toBe("Too many tries — wait 25 minutes and try again.");
    expect(tooManyTriesMessage(1, "es")).toBe(
      "Demasiados intentos: espera 1 segundo y vuelve a intentarlo.",
    );
    expect(tooManyTriesMessage(600, "es")).toBe(
      "Demasiados intentos: espera 10 minutos y vuelve a intentarlo.",
    );
  });
});

describe("a request's language", () => {
  const headers = (init: Record<string, string>) => new Headers(init);

  it("is the remembered choice, else the browser's, else English", () => {
    expect(requestLocale(headers({}))).toBe("en");
    expect(requestLocale(headers({ "accept-language": "es-MX,es;q=0.9,en;q=0.5" }))).toBe("es");
    expect(
      requestLocale(headers({ "accept-language": "es", cookie: "a=1; practica_locale=en" })),
    ).toBe("en");
    expect(requestLocale(headers({ cookie: "practica_locale=es" }))).toBe("es");
    expect(requestLocale(headers({ cookie: "practica_locale=xx", "accept-language": "de" }))).toBe(
      "en",
    );
  });
});

describe("exports", () => {
  const summary: SessionSummary = {
    session: {
      id: "s1",
      title: "Retro",
      createdAt: new Date("2026-03-04T09:30:00Z"),
      endedAt: new Date("2026-03-04T11:00:00Z"),
    },
    team: { id: "t1", slug: "platform", name: "Platform" },
    workshop: { title: "Technical competence", version: 2 },
    participants: 1,
    rounds: [
      {
        roundId: "r1",
        number: 1,
        revealedAt: new Date("2026-03-04T10:00:00Z"),
        method: "maturity",
        ballots: 1,
        rows: [
          {
            practiceId: "p1",
            title: "Reviews",
            rank: 1,
            tied: false,
            ratings: 1,
            today: 2,
            importance: 4.5,
            gap: 2.5,
          },
        ],
      },
    ],
    unrevealedRounds: 1,
    adopted: [{ practiceId: "p1", title: "Reviews", adoptedAt: new Date("2026-03-04T10:30Z") }],
    actions: [
      {
        id: "a1",
        title: "Review within a day",
        status: "todo",
        ownerName: null,
        dueOn: "2026-03-05",
        practiceTitle: "Reviews",
        completedAt: null,
      },
    ],
    proposals: { dropped: 1, merged: 0, open: 2 },
    notes: 3,
  };

  it("write the Markdown summary in Spanish, numbers included", () => {
    const markdown = summaryMarkdown(summary, "2026-03-11", "es");
    for (const line of [
      "- **Equipo:** Platform",
      "- **Celebrada:** 2026-03-04 (terminó el 2026-03-04)",
      "- **Taller:** Technical competence (versión 2)",
      "- **Participaron:** 1 persona",
      "## Resultados",
      "| Puesto | Práctica | Hoy | Importancia | Brecha |",
      "| 1 | Reviews **(adoptada)** | 2,0 | 4,5 | +2,5 |",
      "1 ronda no se mostró; sus resultados siguen ocultos.",
      "- Reviews (adoptada el 2026-03-04)",
      "| Review within a day | Sin responsable | 2026-03-05 | Reviews | Pendiente (vencida) |",
      "Además: 1 propuesta rechazada, 2 propuestas siguen abiertas.",
      "Exportado desde Practica el 2026-03-11.",
    ]) {
      expect(markdown).toContain(line);
    }
    expect(summaryMarkdown(summary, "2026-03-11")).toContain(
      "| 1 | Reviews **(adopted)** | 2.0 | 4.5 | +2.5 |",
    );
  });

  it("write the CSV header and statuses in Spanish", () => {
    const csv = actionsCsv(
      [
        {
          title: "Review within a day",
          status: "doing",
          ownerName: "Lin",
          dueOn: null,
          practiceTitle: null,
          sessionTitle: null,
          createdAt: new Date("2026-03-04T10:00:00Z"),
          completedAt: null,
        },
      ],
      "es",
    );
    expect(csv.split("\r\n").slice(0, 2)).toEqual([
      "Título,Estado,Responsable,Fecha límite,Práctica,Sesión,Creada,Completada",
      "Review within a day,En curso,Lin,,,,2026-03-04T10:00:00.000Z,",
    ]);
  });
});
