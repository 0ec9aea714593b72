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
-- Every change of a listing the public can see (approved before or after it) is logged in the
-- same transaction, for the listing indexes of the app processes
-- (src/lib/server/merchants/listing-index.ts). Inserts and deletes: statement-level triggers
-- with transition tables (a 10,000-row import writes its log in one INSERT). Updates: a row
-- trigger whose WHEN (evaluated without calling the function) skips what the index does not
-- read, such as a reminder's date: the state machine bumps `version` and `updated_at` on every
-- decision, and the columns of the index (listingColumns) are compared too. A TRUNCATE logs
-- merchant 0, which makes every index reload in full.
CREATE FUNCTION listing_changes_log() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'TRUNCATE' THEN
		INSERT INTO listing_changes (merchant_id) VALUES (0);
	ELSIF TG_OP = 'UPDATE' THEN
		INSERT INTO listing_changes (merchant_id) VALUES (NEW.id);
	ELSIF TG_OP = 'DELETE' THEN
		INSERT INTO listing_changes (merchant_id) SELECT id FROM old_rows WHERE status = 'approved';
	ELSE
		INSERT INTO listing_changes (merchant_id) SELECT id FROM new_rows WHERE status = 'approved';
	END IF;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER merchants_log_insert AFTER INSERT ON merchants
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION listing_changes_log();
--> statement-breakpoint
CREATE TRIGGER merchants_log_update AFTER UPDATE ON merchants FOR EACH ROW
	WHEN ((OLD.status = 'approved' OR NEW.status = 'approved') AND (
		OLD.status, OLD.version, OLD.updated_at, OLD.latitude, OLD.longitude, OLD.category,
		OLD.trade_name_fr, OLD.trade_name_zh, OLD.description_fr, OLD.description_zh, OLD.address,
		OLD.postal_code, OLD.commune_name, OLD.commune_code, OLD.opening_hours, OLD.payment_methods,
		OLD.tax_free, OLD.chinese_staff, OLD.phone, OLD.website, OLD.verified_at
	) IS DISTINCT FROM (
		NEW.status, NEW.version, NEW.updated_at, NEW.latitude, NEW.longitude, NEW.category,
		NEW.trade_name_fr, NEW.trade_name_zh, NEW.description_fr, NEW.description_zh, NEW.address,
		NEW.postal_code, NEW.commune_name, NEW.commune_code, NEW.opening_hours, NEW.payment_methods,
		NEW.tax_free, NEW.chinese_staff, NEW.phone, NEW.website, NEW.verified_at
	))
	EXECUTE FUNCTION listing_changes_log();
--> statement-breakpoint
CREATE TRIGGER merchants_log_delete AFTER DELETE ON merchants
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION listing_changes_log();
--> statement-breakpoint
CREATE TRIGGER merchants_log_truncate AFTER TRUNCATE ON merchants
	FOR EACH STATEMENT EXECUTE FUNCTION listing_changes_log();
