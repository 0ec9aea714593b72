-- audit_events is append-only, enforced by the database: no DELETE ever, and an UPDATE only
-- for what GDPR erasure and the foreign keys need:
--   * actor_id, subject_user_id, merchant_id may be set to NULL (ON DELETE SET NULL, erasure);
--   * before / after may lose the personal keys that personal-data.ts strips (PERSONAL_KEYS);
--   * nothing else may change.
-- TRUNCATE stays possible for the demo seed, which empties every table of a development database.
CREATE FUNCTION audit_events_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	personal CONSTANT text[] := ARRAY['email', 'displayName', 'display_name', 'passwordHash', 'password_hash'];
BEGIN
	IF TG_OP = 'DELETE' THEN
		RAISE EXCEPTION 'audit_events is append-only: rows cannot be deleted'
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF NEW.id IS DISTINCT FROM OLD.id
		OR NEW.action IS DISTINCT FROM OLD.action
		OR NEW.from_status IS DISTINCT FROM OLD.from_status
		OR NEW.to_status IS DISTINCT FROM OLD.to_status
		OR NEW.reason_code IS DISTINCT FROM OLD.reason_code
		OR NEW.reason_text IS DISTINCT FROM OLD.reason_text
		OR NEW.created_at IS DISTINCT FROM OLD.created_at
		OR (NEW.actor_id IS DISTINCT FROM OLD.actor_id AND NEW.actor_id IS NOT NULL)
		OR (NEW.subject_user_id IS DISTINCT FROM OLD.subject_user_id AND NEW.subject_user_id IS NOT NULL)
		OR (NEW.merchant_id IS DISTINCT FROM OLD.merchant_id AND NEW.merchant_id IS NOT NULL)
		OR (NEW.before IS DISTINCT FROM OLD.before
			AND NOT (jsonb_typeof(OLD.before) = 'object' AND NEW.before = OLD.before - personal))
		OR (NEW.after IS DISTINCT FROM OLD.after
			AND NOT (jsonb_typeof(OLD.after) = 'object' AND NEW.after = OLD.after - personal))
	THEN
		RAISE EXCEPTION 'audit_events is append-only: only GDPR erasure may change a row'
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only
	BEFORE UPDATE OR DELETE ON audit_events
	FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
