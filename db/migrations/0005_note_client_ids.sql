ALTER TABLE "notes" ADD COLUMN "client_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "notes_participant_id_client_id_index" ON "notes" USING btree ("participant_id","client_id");