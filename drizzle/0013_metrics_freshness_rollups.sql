CREATE TABLE "freshness_area_counts" (
	"departement" text,
	"commune_code" text,
	"commune_name" text,
	"listed" integer NOT NULL,
	"fresh" integer NOT NULL,
	"soon_stale" integer NOT NULL,
	"stale" integer NOT NULL,
	"lapsed" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "freshness_listings" (
	"merchant_id" integer PRIMARY KEY NOT NULL,
	"departement" text,
	"commune_code" text,
	"commune_name" text,
	"listed" boolean NOT NULL,
	"lapsed" boolean NOT NULL,
	"verified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "merchants_updated_idx" ON "merchants" USING btree ("updated_at");