-- When a listing was last confirmed true. Existing public (and suspended) listings were last
-- confirmed when a reviewer last decided on them (approval or reinstatement).
ALTER TABLE "merchants" ADD COLUMN "verified_at" timestamp with time zone;--> statement-breakpoint
UPDATE "merchants" SET "verified_at" = coalesce("decided_at", "accepted_since", "updated_at") WHERE "status" IN ('approved', 'suspended');--> statement-breakpoint
CREATE INDEX "merchants_verified_idx" ON "merchants" USING btree ("status","verified_at");--> statement-breakpoint
ALTER TABLE "merchants" ADD CONSTRAINT "merchants_approved_is_verified" CHECK ("merchants"."status" <> 'approved' OR "merchants"."verified_at" IS NOT NULL);
