-- Per-user limits enforced by the database as a backstop to the domain layer's checks.
-- The advisory lock serialises concurrent inserts of one user so two requests cannot both pass the count.
CREATE OR REPLACE FUNCTION cadence_enforce_user_limit() RETURNS trigger AS $$
DECLARE
  max_rows integer := TG_ARGV[0]::integer;
  row_count integer;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext(TG_TABLE_NAME || ':' || NEW.user_id));
  EXECUTE format('SELECT count(*) FROM %I WHERE user_id = $1', TG_TABLE_NAME) INTO row_count USING NEW.user_id;
  IF row_count >= max_rows THEN
    RAISE EXCEPTION 'limit of % % per user reached', max_rows, TG_TABLE_NAME
      USING ERRCODE = 'check_violation', CONSTRAINT = TG_TABLE_NAME || '_per_user_limit';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER categories_per_user_limit BEFORE INSERT ON categories
  FOR EACH ROW EXECUTE FUNCTION cadence_enforce_user_limit(50);
--> statement-breakpoint
CREATE TRIGGER tags_per_user_limit BEFORE INSERT ON tags
  FOR EACH ROW EXECUTE FUNCTION cadence_enforce_user_limit(100);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cadence_enforce_task_tag_limit() RETURNS trigger AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('task_tags:' || NEW.task_id::text));
  IF (SELECT count(*) FROM task_tags WHERE task_id = NEW.task_id) >= 10 THEN
    RAISE EXCEPTION 'limit of 10 tags per task reached'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'task_tags_per_task_limit';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER task_tags_per_task_limit BEFORE INSERT ON task_tags
  FOR EACH ROW EXECUTE FUNCTION cadence_enforce_task_tag_limit();
--> statement-breakpoint
-- Wakes the outbox relay when events commit (NOTIFY is delivered at commit), so it never busy-polls.
CREATE OR REPLACE FUNCTION cadence_notify_outbox() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('cadence_outbox', '');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox
  FOR EACH STATEMENT EXECUTE FUNCTION cadence_notify_outbox();
