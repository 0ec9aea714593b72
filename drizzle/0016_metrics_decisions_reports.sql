CREATE TABLE "decision_durations" (
	"merchant_id" integer PRIMARY KEY NOT NULL,
	"day" date NOT NULL,
	"bucket" integer NOT NULL,
	"days" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_rollups" (
	"grain" text NOT NULL,
	"period" date NOT NULL,
	"bucket" integer NOT NULL,
	"decisions" integer NOT NULL,
	CONSTRAINT "decision_rollups_grain_period_bucket_pk" PRIMARY KEY("grain","period","bucket"),
	CONSTRAINT "decision_rollups_grain" CHECK ("decision_rollups"."grain" IN ('day', 'month'))
);
--> statement-breakpoint
CREATE TABLE "report_rollups" (
	"grain" text NOT NULL,
	"period" date NOT NULL,
	"departement" text,
	"commune_code" text,
	"paid" integer NOT NULL,
	"problems" integer NOT NULL,
	"listed_paid" integer NOT NULL,
	"listed_rows" integer NOT NULL,
	CONSTRAINT "report_rollups_key" UNIQUE NULLS NOT DISTINCT("grain","period","departement","commune_code"),
	CONSTRAINT "report_rollups_grain" CHECK ("report_rollups"."grain" IN ('day', 'month'))
);
--> statement-breakpoint
CREATE INDEX "decision_durations_bucket_idx" ON "decision_durations" USING btree ("bucket","day","days");--> statement-breakpoint
CREATE TABLE "approval_inputs" (
	"merchant_id" integer PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"submitted_at" timestamp with time zone,
	"accepted_since" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"departement" text,
	"category" text,
	"commune_code" text,
	"latitude" double precision,
	"longitude" double precision
);
