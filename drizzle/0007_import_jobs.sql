ALTER TABLE "imports" ADD COLUMN "rows_skipped" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Dry runs: the rows an import would skip (self-registered listings) leave rows_unchanged.
UPDATE "imports" SET "rows_skipped" = s."n", "rows_unchanged" = "imports"."rows_unchanged" - s."n"
FROM (
	SELECT i."id", count(*) FILTER (WHERE r->>'outcome' = 'skipped')::int AS "n"
	FROM "imports" i, jsonb_array_elements(coalesce(i."report"->'rows', '[]'::jsonb)) r
	WHERE i."status" = 'dry_run'
	GROUP BY i."id"
) s
WHERE "imports"."id" = s."id";--> statement-breakpoint
-- Finished imports: what they wrote, from their report.
UPDATE "imports" SET
	"rows_skipped" = coalesce(("report"->'done'->>'skipped')::int, 0),
	"rows_unchanged" = coalesce(("report"->'done'->>'unchanged')::int, "rows_unchanged")
WHERE "status" = 'done' AND "report" ? 'done';--> statement-breakpoint
-- Imports run inside a request before this version: one still "running" died with its process.
-- They start over (batches are idempotent by SIRET), their counters counting what they write.
UPDATE "imports" SET "status" = 'failed', "finished_at" = coalesce("finished_at", now()),
	"rows_processed" = 0, "rows_created" = 0, "rows_updated" = 0, "rows_unchanged" = 0
WHERE "status" IN ('running', 'failed');--> statement-breakpoint
CREATE TABLE "merchant_monthly_stats" (
	"merchant_id" integer NOT NULL,
	"month" date NOT NULL,
	"page_views" integer DEFAULT 0 NOT NULL,
	"direction_clicks" integer DEFAULT 0 NOT NULL,
	"cashier_card_opens" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "merchant_monthly_stats_merchant_id_month_pk" PRIMARY KEY("merchant_id","month")
);
--> statement-breakpoint
ALTER TABLE "merchant_monthly_stats" ADD CONSTRAINT "merchant_monthly_stats_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;
