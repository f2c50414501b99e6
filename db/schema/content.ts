import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";

import { users } from "./auth";

export const essayStatus = pgEnum("essay_status", ["draft", "published", "archived"]);
export type EssayStatus = (typeof essayStatus.enumValues)[number];

/** The editable draft of an essay; publishing copies it into an immutable version. */
export interface EssayDraft {
  title: string;
  markdown: string;
  /** `practiceId` is null for a practice added since the last version. */
  practices: { practiceId: string | null; title: string; description: string }[];
  /** `practiceIndex` ties a prompt to the practice at that position of `practices`. */
  prompts: { text: string; practiceIndex: number | null }[];
}

/** A workshop's content: an essay with practices and prompts, versioned. */
export const essays = pgTable("essays", {
  id: uuid().primaryKey().defaultRandom(),
  slug: text().notNull().unique(),
  status: essayStatus().notNull().default("draft"),
  draft: jsonb().$type<EssayDraft>().notNull(),
  draftUpdatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  createdById: uuid().references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** An immutable published version. Sessions pin one, so editing never rewrites the past. */
export const essayVersions = pgTable(
  "essay_versions",
  {
    id: uuid().primaryKey().defaultRandom(),
    essayId: uuid()
      .notNull()
      .references(() => essays.id, { onDelete: "restrict" }),
    number: integer().notNull(),
    title: text().notNull(),
    markdown: text().notNull(),
    publishedById: uuid().references(() => users.id, { onDelete: "set null" }),
    publishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.essayId, t.number)],
);

/**
 * The stable identity of a practice across versions: adoption history and maturity trends point
 * here, so they follow a practice through edits of its wording.
 */
export const practices = pgTable(
  "practices",
  {
    id: uuid().primaryKey().defaultRandom(),
    essayId: uuid()
      .notNull()
      .references(() => essays.id, { onDelete: "restrict" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.essayId)],
);

/** A practice as worded in one version. */
export const practiceVersions = pgTable(
  "practice_versions",
  {
    id: uuid().primaryKey().defaultRandom(),
    versionId: uuid()
      .notNull()
      .references(() => essayVersions.id, { onDelete: "restrict" }),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: "restrict" }),
    position: integer().notNull(),
    title: text().notNull(),
    description: text().notNull(),
  },
  (t) => [unique().on(t.versionId, t.practiceId), unique().on(t.versionId, t.position)],
);

/** A discussion prompt of one version, optionally about one practice. */
export const prompts = pgTable(
  "prompts",
  {
    id: uuid().primaryKey().defaultRandom(),
    versionId: uuid()
      .notNull()
      .references(() => essayVersions.id, { onDelete: "restrict" }),
    practiceId: uuid().references(() => practices.id, { onDelete: "restrict" }),
    position: integer().notNull(),
    text: text().notNull(),
  },
  (t) => [unique().on(t.versionId, t.position)],
);
