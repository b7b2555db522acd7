CREATE TYPE "public"."account_access" AS ENUM('proof', 'purchaser', 'own_sales');--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "open_account_access" "account_access";--> statement-breakpoint
CREATE INDEX "license_periods_order_idx" ON "license_periods" USING btree ("order_id");--> statement-breakpoint
-- Sessions open now keep what they had: a proof stays a proof; anything else must hold a live
-- grant from now on (the session statement checks it), so an account opened by Renew from an order
-- closes rather than staying open beyond this partner's own sales.
UPDATE "sessions" SET "open_account_access" = CASE WHEN "open_account_proven" THEN 'proof'::"account_access" ELSE 'purchaser'::"account_access" END WHERE "open_customer_account_id" IS NOT NULL AND "user_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" DROP COLUMN "open_account_proven";--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_open_account_access" CHECK ("sessions"."user_id" is null or "sessions"."open_customer_account_id" is null or "sessions"."open_account_access" is not null);