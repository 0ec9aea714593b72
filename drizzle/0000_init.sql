CREATE TYPE "public"."attraction_kind" AS ENUM('museum', 'monument', 'shopping', 'district', 'park', 'theme_park', 'airport', 'stadium', 'business_district');--> statement-breakpoint
CREATE TYPE "public"."category" AS ENUM('department_store', 'luxury_fashion', 'cosmetics_pharmacy', 'food_wine', 'restaurant_cafe', 'hotel', 'museum_attraction', 'kids_baby', 'electronics', 'souvenirs', 'services');--> statement-breakpoint
CREATE TYPE "public"."departement" AS ENUM('75', '77', '78', '91', '92', '93', '94', '95');--> statement-breakpoint
CREATE TYPE "public"."import_status" AS ENUM('dry_run', 'running', 'done', 'failed');--> statement-breakpoint
CREATE TYPE "public"."listing_source" AS ENUM('self_registered', 'import');--> statement-breakpoint
CREATE TYPE "public"."listing_status" AS ENUM('draft', 'pending', 'changes_requested', 'approved', 'rejected', 'suspended');--> statement-breakpoint
CREATE TYPE "public"."locale" AS ENUM('zh', 'fr');--> statement-breakpoint
CREATE TYPE "public"."payment_method" AS ENUM('alipay', 'alipay_plus', 'wechat_pay', 'unionpay');--> statement-breakpoint
CREATE TYPE "public"."revision_status" AS ENUM('pending', 'approved', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('merchant', 'official', 'admin');--> statement-breakpoint
CREATE TABLE "attractions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "attractions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_zh" text NOT NULL,
	"kind" "attraction_kind" NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	CONSTRAINT "attractions_slug_unique" UNIQUE("slug"),
	CONSTRAINT "attractions_position_in_idf" CHECK ((latitude IS NULL AND longitude IS NULL) OR (latitude BETWEEN 48.12 AND 49.24 AND longitude BETWEEN 1.44 AND 3.56))
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" uuid,
	"action" text NOT NULL,
	"merchant_id" integer,
	"subject_user_id" uuid,
	"from_status" "listing_status",
	"to_status" "listing_status",
	"reason_code" text,
	"reason_text" text,
	"before" jsonb,
	"after" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "demand_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "demand_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"day" date NOT NULL,
	"category" "category",
	"area_cell" text,
	"result_count" integer NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "demand_events_result_count" CHECK ("demand_events"."result_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "imports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"acquirer" text NOT NULL,
	"filename" text NOT NULL,
	"uploaded_by" uuid,
	"status" "import_status" DEFAULT 'dry_run' NOT NULL,
	"rows_total" integer DEFAULT 0 NOT NULL,
	"rows_invalid" integer DEFAULT 0 NOT NULL,
	"rows_created" integer DEFAULT 0 NOT NULL,
	"rows_updated" integer DEFAULT 0 NOT NULL,
	"rows_unchanged" integer DEFAULT 0 NOT NULL,
	"report" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "merchant_daily_stats" (
	"merchant_id" integer NOT NULL,
	"day" date NOT NULL,
	"page_views" integer DEFAULT 0 NOT NULL,
	"direction_clicks" integer DEFAULT 0 NOT NULL,
	"cashier_card_opens" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "merchant_daily_stats_merchant_id_day_pk" PRIMARY KEY("merchant_id","day")
);
--> statement-breakpoint
CREATE TABLE "merchant_revisions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "merchant_revisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"merchant_id" integer NOT NULL,
	"proposed_by" uuid,
	"changes" jsonb NOT NULL,
	"status" "revision_status" DEFAULT 'pending' NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "merchants" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "merchants_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"owner_id" uuid,
	"legal_name" text NOT NULL,
	"trade_name_fr" text NOT NULL,
	"trade_name_zh" text,
	"description_fr" text,
	"description_zh" text,
	"category" "category" NOT NULL,
	"siret" text,
	"address" text,
	"postal_code" text,
	"commune_code" text,
	"commune_name" text,
	"departement" "departement",
	"latitude" double precision,
	"longitude" double precision,
	"opening_hours" text,
	"payment_methods" "payment_method"[] DEFAULT '{}'::payment_method[] NOT NULL,
	"tax_free" boolean DEFAULT false NOT NULL,
	"chinese_staff" boolean DEFAULT false NOT NULL,
	"phone" text,
	"website" text,
	"acquirer" text,
	"source" "listing_source" DEFAULT 'self_registered' NOT NULL,
	"import_id" integer,
	"status" "listing_status" DEFAULT 'draft' NOT NULL,
	"consent_to_publish" boolean DEFAULT false NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"accepted_since" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "merchants_siret_unique" UNIQUE("siret"),
	CONSTRAINT "merchants_siret_format" CHECK ("merchants"."siret" ~ '^[0-9]{14}$'),
	CONSTRAINT "merchants_postal_code_format" CHECK ("merchants"."postal_code" ~ '^[0-9]{5}$'),
	CONSTRAINT "merchants_commune_code_format" CHECK ("merchants"."commune_code" ~ '^[0-9][0-9AB][0-9]{3}$'),
	CONSTRAINT "merchants_position_in_idf" CHECK ((latitude IS NULL AND longitude IS NULL) OR (latitude BETWEEN 48.12 AND 49.24 AND longitude BETWEEN 1.44 AND 3.56)),
	CONSTRAINT "merchants_approved_is_complete" CHECK ("merchants"."status" <> 'approved' OR ("merchants"."latitude" IS NOT NULL AND "merchants"."siret" IS NOT NULL AND "merchants"."departement" IS NOT NULL AND "merchants"."address" IS NOT NULL)),
	CONSTRAINT "merchants_approved_has_date" CHECK ("merchants"."status" <> 'approved' OR "merchants"."accepted_since" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "partnership_targets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "partnership_targets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"departement" "departement",
	"target_count" integer NOT NULL,
	"target_date" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partnership_targets_scope_date" UNIQUE NULLS NOT DISTINCT("departement","target_date"),
	CONSTRAINT "partnership_targets_positive" CHECK ("partnership_targets"."target_count" > 0)
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sessions_id_sha256" CHECK ("sessions"."id" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "user_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_tokens_kind" CHECK ("user_tokens"."kind" IN ('password_reset', 'invitation'))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"password_hash" text,
	"role" "user_role" DEFAULT 'merchant' NOT NULL,
	"locale" "locale" DEFAULT 'fr' NOT NULL,
	"display_name" text,
	"active" boolean DEFAULT true NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "users_email_shape" CHECK ("users"."email" LIKE '%_@_%')
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_subject_user_id_users_id_fk" FOREIGN KEY ("subject_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_daily_stats" ADD CONSTRAINT "merchant_daily_stats_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_revisions" ADD CONSTRAINT "merchant_revisions_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_revisions" ADD CONSTRAINT "merchant_revisions_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchants" ADD CONSTRAINT "merchants_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchants" ADD CONSTRAINT "merchants_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_targets" ADD CONSTRAINT "partnership_targets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_tokens" ADD CONSTRAINT "user_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_merchant_idx" ON "audit_events" USING btree ("merchant_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_events_created_idx" ON "audit_events" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "demand_events_day_idx" ON "demand_events" USING btree ("day");--> statement-breakpoint
CREATE INDEX "demand_events_cell_category_idx" ON "demand_events" USING btree ("area_cell","category");--> statement-breakpoint
CREATE INDEX "merchant_revisions_merchant_idx" ON "merchant_revisions" USING btree ("merchant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "merchant_revisions_one_pending" ON "merchant_revisions" USING btree ("merchant_id") WHERE "merchant_revisions"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "merchants_status_idx" ON "merchants" USING btree ("status");--> statement-breakpoint
CREATE INDEX "merchants_position_idx" ON "merchants" USING btree ("latitude","longitude");--> statement-breakpoint
CREATE INDEX "merchants_departement_status_idx" ON "merchants" USING btree ("departement","status");--> statement-breakpoint
CREATE INDEX "merchants_category_status_idx" ON "merchants" USING btree ("category","status");--> statement-breakpoint
CREATE INDEX "merchants_commune_idx" ON "merchants" USING btree ("commune_code");--> statement-breakpoint
CREATE INDEX "merchants_owner_idx" ON "merchants" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "merchants_accepted_since_idx" ON "merchants" USING btree ("accepted_since");--> statement-breakpoint
CREATE INDEX "merchants_import_idx" ON "merchants" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "merchants_demo_idx" ON "merchants" USING btree ("id") WHERE "merchants"."is_demo";--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "user_tokens_user_idx" ON "user_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_key" ON "users" USING btree (lower("email"));