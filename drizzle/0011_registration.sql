-- Merchants register in two steps: an e-mailed link ('registration' token) to choose the password.
ALTER TABLE "user_tokens" DROP CONSTRAINT "user_tokens_kind";--> statement-breakpoint
ALTER TABLE "user_tokens" ADD CONSTRAINT "user_tokens_kind" CHECK ("user_tokens"."kind" IN ('password_reset', 'invitation', 'account_unlock', 'email_change', 'registration'));
