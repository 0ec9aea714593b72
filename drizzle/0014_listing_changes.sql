CREATE TABLE "listing_changes" (
	"merchant_id" integer NOT NULL,
	"xid" bigint DEFAULT (pg_current_xact_id()::text)::bigint NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "demand_events" ADD COLUMN "searches" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX "listing_changes_xid_idx" ON "listing_changes" USING btree ("xid");--> statement-breakpoint
CREATE INDEX "listing_changes_changed_at_idx" ON "listing_changes" USING btree ("changed_at");--> statement-breakpoint
ALTER TABLE "demand_events" ADD CONSTRAINT "demand_events_searches" CHECK ("demand_events"."searches" >= 1);--> statement-breakpoint
-- Every change of a merchant row is logged in the same transaction, for the listing indexes of
-- the app processes (src/lib/server/merchants/listing-index.ts): statement-level triggers with
-- transition tables, so a 10,000-row import writes its log in one INSERT. A TRUNCATE logs
-- merchant 0, which makes every index reload in full.
CREATE FUNCTION listing_changes_log() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'TRUNCATE' THEN
		INSERT INTO listing_changes (merchant_id) VALUES (0);
	ELSIF TG_OP = 'DELETE' THEN
		INSERT INTO listing_changes (merchant_id) SELECT id FROM old_rows;
	ELSE
		INSERT INTO listing_changes (merchant_id) SELECT id FROM new_rows;
	END IF;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER merchants_log_insert AFTER INSERT ON merchants
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION listing_changes_log();
--> statement-breakpoint
CREATE TRIGGER merchants_log_update AFTER UPDATE ON merchants
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION listing_changes_log();
--> statement-breakpoint
CREATE TRIGGER merchants_log_delete AFTER DELETE ON merchants
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION listing_changes_log();
--> statement-breakpoint
CREATE TRIGGER merchants_log_truncate AFTER TRUNCATE ON merchants
	FOR EACH STATEMENT EXECUTE FUNCTION listing_changes_log();
