ALTER TABLE "outbox" ADD COLUMN "leased_by" integer;--> statement-breakpoint
CREATE INDEX "outbox_leased_idx" ON "outbox" USING btree ("leased_by") WHERE "outbox"."leased_by" IS NOT NULL;