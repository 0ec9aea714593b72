CREATE TABLE "reconfirmation_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reconfirmation_tokens_id_sha256" CHECK ("reconfirmation_tokens"."id" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "lapsed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reconfirmation_tokens" ADD CONSTRAINT "reconfirmation_tokens_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reconfirmation_tokens_merchant_idx" ON "reconfirmation_tokens" USING btree ("merchant_id");--> statement-breakpoint
-- Issue 12: a listed shop takes Alipay or Alipay+. Public listings that take neither leave the
-- map as the state machine's suspension does (src/lib/server/applications/decisions.ts): status
-- approved → suspended, decided_at and updated_at now, version bumped, and one audit row each
-- (action 'suspend', reason 'not_accepting_alipay', no actor: the rule itself). Nothing is
-- deleted; a reviewer reinstates the listing once it takes Alipay. Then the database refuses any
-- approved listing without Alipay.
WITH "moved" AS (
	UPDATE "merchants"
	SET "status" = 'suspended', "decided_at" = now(), "updated_at" = now(), "version" = "version" + 1
	WHERE "status" = 'approved' AND NOT ("payment_methods" && ARRAY['alipay', 'alipay_plus']::payment_method[])
	RETURNING "id", "version"
)
INSERT INTO "audit_events" ("actor_id", "action", "merchant_id", "from_status", "to_status", "reason_code", "before", "after")
SELECT NULL, 'suspend', "id", 'approved', 'suspended', 'not_accepting_alipay',
	jsonb_build_object('status', 'approved', 'version', "version" - 1),
	jsonb_build_object('status', 'suspended', 'version', "version")
FROM "moved";--> statement-breakpoint
ALTER TABLE "merchants" ADD CONSTRAINT "merchants_approved_takes_alipay" CHECK ("merchants"."status" <> 'approved' OR "merchants"."payment_methods" && ARRAY['alipay', 'alipay_plus']::payment_method[]);