DROP INDEX "tasks_user_title_idx";--> statement-breakpoint
CREATE INDEX "tasks_user_title_lower_idx" ON "tasks" USING btree ("user_id",lower("title"),"id") WHERE "tasks"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "tasks_user_due_idx" ON "tasks" USING btree ("user_id","due_at","id") WHERE "tasks"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "tasks_user_completed_due_desc_idx" ON "tasks" USING btree ("user_id","completed","due_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "tasks"."deleted_at" IS NULL;