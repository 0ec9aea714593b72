-- Revisions of an approved listing are drafts until their merchant submits them whole
-- (draft → pending), and may be sent back (changes_requested); one open revision per listing.
-- Revisions already pending stay pending: they were shown to reviewers as submitted.
-- user_tokens gains 'email_change' links, which carry the address they confirm.
ALTER TYPE "public"."revision_status" ADD VALUE 'draft' BEFORE 'pending';--> statement-breakpoint
ALTER TYPE "public"."revision_status" ADD VALUE 'changes_requested' BEFORE 'approved';--> statement-breakpoint
ALTER TABLE "user_tokens" DROP CONSTRAINT "user_tokens_kind";--> statement-breakpoint
DROP INDEX "merchant_revisions_one_pending";--> statement-breakpoint
ALTER TABLE "merchant_revisions" ALTER COLUMN "status" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "merchant_revisions" ALTER COLUMN "submitted_at" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "merchant_revisions" ALTER COLUMN "submitted_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "user_tokens" ADD COLUMN "new_email" text;--> statement-breakpoint
CREATE UNIQUE INDEX "merchant_revisions_one_open" ON "merchant_revisions" USING btree ("merchant_id") WHERE "merchant_revisions"."status" NOT IN ('approved', 'rejected', 'withdrawn');--> statement-breakpoint
ALTER TABLE "user_tokens" ADD CONSTRAINT "user_tokens_new_email" CHECK (("user_tokens"."kind" = 'email_change') = ("user_tokens"."new_email" IS NOT NULL));--> statement-breakpoint
ALTER TABLE "user_tokens" ADD CONSTRAINT "user_tokens_kind" CHECK ("user_tokens"."kind" IN ('password_reset', 'invitation', 'account_unlock', 'email_change'));