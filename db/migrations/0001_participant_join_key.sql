ALTER TABLE "participants" ADD COLUMN "join_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "participants_session_id_join_key_index" ON "participants" USING btree ("session_id","join_key");