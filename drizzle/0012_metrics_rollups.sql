CREATE TABLE "approval_rollups" (
	"grain" text NOT NULL,
	"period" date NOT NULL,
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"added" integer DEFAULT 0 NOT NULL,
	"removed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "approval_rollups_dimension_grain_period_key_pk" PRIMARY KEY("dimension","grain","period","key"),
	CONSTRAINT "approval_rollups_grain" CHECK ("approval_rollups"."grain" IN ('day', 'month'))
);
--> statement-breakpoint
CREATE TABLE "demand_rollups" (
	"grain" text NOT NULL,
	"period" date NOT NULL,
	"area_cell" text NOT NULL,
	"category" text,
	"searches" integer NOT NULL,
	"poor" integer NOT NULL,
	"empty" integer NOT NULL,
	CONSTRAINT "demand_rollups_key" UNIQUE NULLS NOT DISTINCT("grain","period","area_cell","category"),
	CONSTRAINT "demand_rollups_grain" CHECK ("demand_rollups"."grain" IN ('day', 'month'))
);
--> statement-breakpoint
CREATE TABLE "metrics_rollup_state" (
	"name" text PRIMARY KEY NOT NULL,
	"through" date NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "demand_rollups_period_idx" ON "demand_rollups" USING btree ("grain","period");--> statement-breakpoint
CREATE INDEX "merchants_decided_idx" ON "merchants" USING btree ("decided_at");--> statement-breakpoint
CREATE INDEX "merchants_submitted_idx" ON "merchants" USING btree ("submitted_at");