CREATE TYPE "public"."report_resolution" AS ENUM('confirmed', 'suspended', 'dismissed');--> statement-breakpoint
CREATE TABLE "listing_reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "listing_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"merchant_id" integer NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolution" "report_resolution",
	"resolved_by" uuid,
	CONSTRAINT "listing_reports_resolved_with_resolution" CHECK (("listing_reports"."resolved_at" IS NULL) = ("listing_reports"."resolution" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "tourist_report_counts" (
	"merchant_id" integer NOT NULL,
	"day" date NOT NULL,
	"paid" integer DEFAULT 0 NOT NULL,
	"not_accepted" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "tourist_report_counts_merchant_id_day_pk" PRIMARY KEY("merchant_id","day"),
	CONSTRAINT "tourist_report_counts_not_negative" CHECK ("tourist_report_counts"."paid" >= 0 AND "tourist_report_counts"."not_accepted" >= 0 AND "tourist_report_counts"."closed" >= 0)
);
--> statement-breakpoint
CREATE TABLE "tourist_report_salts" (
	"day" date PRIMARY KEY NOT NULL,
	"salt" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tourist_report_visitors" (
	"day" date NOT NULL,
	"visitor" text NOT NULL,
	"merchant_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tourist_report_visitors_day_visitor_merchant_id_pk" PRIMARY KEY("day","visitor","merchant_id"),
	CONSTRAINT "tourist_report_visitors_sha256" CHECK ("tourist_report_visitors"."visitor" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "listing_reports" ADD CONSTRAINT "listing_reports_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_reports" ADD CONSTRAINT "listing_reports_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tourist_report_counts" ADD CONSTRAINT "tourist_report_counts_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tourist_report_visitors" ADD CONSTRAINT "tourist_report_visitors_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "listing_reports_one_open" ON "listing_reports" USING btree ("merchant_id") WHERE "listing_reports"."resolved_at" IS NULL;--> statement-breakpoint
CREATE INDEX "listing_reports_merchant_idx" ON "listing_reports" USING btree ("merchant_id","resolved_at");--> statement-breakpoint
CREATE INDEX "tourist_report_counts_day_idx" ON "tourist_report_counts" USING btree ("day");--> statement-breakpoint
CREATE INDEX "tourist_report_visitors_visitor_idx" ON "tourist_report_visitors" USING btree ("visitor","at");