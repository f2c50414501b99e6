CREATE TYPE "public"."review_outcome" AS ENUM('done', 'carried', 'dropped');--> statement-breakpoint
CREATE TABLE "action_reviews" (
	"session_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"outcome" "review_outcome" NOT NULL,
	"reviewed_by_id" uuid,
	"reviewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_reviews_session_id_action_id_pk" PRIMARY KEY("session_id","action_id")
);
--> statement-breakpoint
ALTER TABLE "action_reviews" ADD CONSTRAINT "action_reviews_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_reviews" ADD CONSTRAINT "action_reviews_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_reviews" ADD CONSTRAINT "action_reviews_reviewed_by_id_users_id_fk" FOREIGN KEY ("reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_reviews_action_id_index" ON "action_reviews" USING btree ("action_id");