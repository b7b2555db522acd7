CREATE TYPE "public"."currency" AS ENUM('USD', 'EUR', 'BRL');--> statement-breakpoint
CREATE TYPE "public"."document_kind" AS ENUM('quote', 'order', 'invoice');--> statement-breakpoint
CREATE TYPE "public"."grant_role" AS ENUM('purchaser');--> statement-breakpoint
CREATE TYPE "public"."line_kind" AS ENUM('new', 'renewal', 'upgrade', 'downgrade');--> statement-breakpoint
CREATE TYPE "public"."locale" AS ENUM('en', 'pt-BR');--> statement-breakpoint
CREATE TYPE "public"."mail_status" AS ENUM('pending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."partner_role" AS ENUM('admin', 'sales', 'billing');--> statement-breakpoint
CREATE TYPE "public"."product_kind" AS ENUM('pack', 'ide', 'tool', 'cloud');--> statement-breakpoint
CREATE TYPE "public"."quote_origin" AS ENUM('reseller', 'direct');--> statement-breakpoint
CREATE TYPE "public"."quote_status" AS ENUM('open', 'cancelled', 'converted', 'ordered');--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"owner_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" integer NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_owner_id_key_pk" PRIMARY KEY("owner_id","key")
);
--> statement-breakpoint
CREATE TABLE "login_devices" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"partner_user_id" uuid,
	"vendor_staff_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "login_devices_one_owner" CHECK (("login_devices"."partner_user_id" is null) <> ("login_devices"."vendor_staff_id" is null))
);
--> statement-breakpoint
CREATE TABLE "vendor_staff" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vendor_staff_email_lower" CHECK ("vendor_staff"."email" = lower("vendor_staff"."email"))
);
--> statement-breakpoint
ALTER TABLE "cart_lines" DROP CONSTRAINT "cart_lines_kind_known";--> statement-breakpoint
ALTER TABLE "cart_lines" DROP CONSTRAINT "cart_lines_period_order";--> statement-breakpoint
ALTER TABLE "product_prices" DROP CONSTRAINT "product_prices_currency_known";--> statement-breakpoint
ALTER TABLE "product_translations" DROP CONSTRAINT "product_translations_locale_known";--> statement-breakpoint
ALTER TABLE "products" DROP CONSTRAINT "products_kind_known";--> statement-breakpoint
ALTER TABLE "partner_account_grants" DROP CONSTRAINT "partner_account_grants_role_known";--> statement-breakpoint
ALTER TABLE "mail_outbox" DROP CONSTRAINT "mail_outbox_status_known";--> statement-breakpoint
ALTER TABLE "partner_users" DROP CONSTRAINT "partner_users_role_known";--> statement-breakpoint
ALTER TABLE "partners" DROP CONSTRAINT "partners_currency_known";--> statement-breakpoint
ALTER TABLE "quote_lines" DROP CONSTRAINT "quote_lines_kind_known";--> statement-breakpoint
ALTER TABLE "quotes" DROP CONSTRAINT "quotes_origin_known";--> statement-breakpoint
ALTER TABLE "quotes" DROP CONSTRAINT "quotes_status_known";--> statement-breakpoint
ALTER TABLE "quotes" DROP CONSTRAINT "quotes_currency_known";--> statement-breakpoint
ALTER TABLE "quotes" DROP CONSTRAINT "quotes_number_format";--> statement-breakpoint
ALTER TABLE "sessions" ALTER COLUMN "user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "cart_lines" ALTER COLUMN "kind" SET DATA TYPE "public"."line_kind" USING "kind"::"public"."line_kind";--> statement-breakpoint
ALTER TABLE "cart_lines" ALTER COLUMN "period_start" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "cart_lines" ALTER COLUMN "period_end" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "product_prices" ALTER COLUMN "currency" SET DATA TYPE "public"."currency" USING "currency"::"public"."currency";--> statement-breakpoint
ALTER TABLE "product_translations" ALTER COLUMN "locale" SET DATA TYPE "public"."locale" USING "locale"::"public"."locale";--> statement-breakpoint
ALTER TABLE "products" ALTER COLUMN "kind" SET DATA TYPE "public"."product_kind" USING "kind"::"public"."product_kind";--> statement-breakpoint
ALTER TABLE "partner_account_grants" ALTER COLUMN "role" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "partner_account_grants" ALTER COLUMN "role" SET DATA TYPE "public"."grant_role" USING "role"::"public"."grant_role";--> statement-breakpoint
ALTER TABLE "partner_account_grants" ALTER COLUMN "role" SET DEFAULT 'purchaser'::"public"."grant_role";--> statement-breakpoint
ALTER TABLE "mail_outbox" ALTER COLUMN "status" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "mail_outbox" ALTER COLUMN "status" SET DATA TYPE "public"."mail_status" USING "status"::"public"."mail_status";--> statement-breakpoint
ALTER TABLE "mail_outbox" ALTER COLUMN "status" SET DEFAULT 'pending'::"public"."mail_status";--> statement-breakpoint
ALTER TABLE "partner_users" ALTER COLUMN "role" SET DATA TYPE "public"."partner_role" USING "role"::"public"."partner_role";--> statement-breakpoint
ALTER TABLE "partners" ALTER COLUMN "currency" SET DATA TYPE "public"."currency" USING "currency"::"public"."currency";--> statement-breakpoint
ALTER TABLE "document_counters" ALTER COLUMN "kind" SET DATA TYPE "public"."document_kind" USING "kind"::"public"."document_kind";--> statement-breakpoint
ALTER TABLE "quote_lines" ALTER COLUMN "kind" SET DATA TYPE "public"."line_kind" USING "kind"::"public"."line_kind";--> statement-breakpoint
-- Its expression compares origin with text: dropped while the column changes type, then restored.
ALTER TABLE "quotes" DROP CONSTRAINT "quotes_reseller_has_partner";--> statement-breakpoint
ALTER TABLE "quotes" ALTER COLUMN "origin" SET DATA TYPE "public"."quote_origin" USING "origin"::"public"."quote_origin";--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_reseller_has_partner" CHECK ("quotes"."origin" = 'direct' or "quotes"."partner_id" is not null);--> statement-breakpoint
ALTER TABLE "quotes" ALTER COLUMN "status" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "quotes" ALTER COLUMN "status" SET DATA TYPE "public"."quote_status" USING "status"::"public"."quote_status";--> statement-breakpoint
ALTER TABLE "quotes" ALTER COLUMN "status" SET DEFAULT 'open'::"public"."quote_status";--> statement-breakpoint
ALTER TABLE "quotes" ALTER COLUMN "currency" SET DATA TYPE "public"."currency" USING "currency"::"public"."currency";--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "actor_staff_id" uuid;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "vendor_staff_id" uuid;--> statement-breakpoint
-- Sessions gain an absolute lifetime: the ones open before it have none, so they end here.
DELETE FROM "sessions";--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "absolute_expires_at" timestamp with time zone NOT NULL;--> statement-breakpoint
ALTER TABLE "login_devices" ADD CONSTRAINT "login_devices_partner_user_id_partner_users_id_fk" FOREIGN KEY ("partner_user_id") REFERENCES "public"."partner_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_devices" ADD CONSTRAINT "login_devices_vendor_staff_id_vendor_staff_id_fk" FOREIGN KEY ("vendor_staff_id") REFERENCES "public"."vendor_staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "login_devices_expires_idx" ON "login_devices" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "vendor_staff_email_unique" ON "vendor_staff" USING btree ("email");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_staff_id_vendor_staff_id_fk" FOREIGN KEY ("actor_staff_id") REFERENCES "public"."vendor_staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_vendor_staff_id_vendor_staff_id_fk" FOREIGN KEY ("vendor_staff_id") REFERENCES "public"."vendor_staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_staff_idx" ON "sessions" USING btree ("vendor_staff_id");--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_one_owner" CHECK (("sessions"."user_id" is null) <> ("sessions"."vendor_staff_id" is null));--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_expiry_order" CHECK ("sessions"."expires_at" <= "sessions"."absolute_expires_at");--> statement-breakpoint
-- New subscriptions start on the day they are quoted: a standard-term line keeps no dates.
UPDATE "cart_lines" SET "period_start" = NULL, "period_end" = NULL WHERE "term_years" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "cart_lines" ADD CONSTRAINT "cart_lines_term_or_end" CHECK (("cart_lines"."term_years" is null) <> ("cart_lines"."period_end" is null));--> statement-breakpoint
ALTER TABLE "cart_lines" ADD CONSTRAINT "cart_lines_period_order" CHECK ("cart_lines"."period_start" is null or "cart_lines"."period_end" is null or "cart_lines"."period_end" > "cart_lines"."period_start");--> statement-breakpoint
ALTER TABLE "product_translations" ADD CONSTRAINT "product_translations_not_english" CHECK ("product_translations"."locale" <> 'en');--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_cancelled_when" CHECK (("quotes"."status" = 'cancelled') = ("quotes"."cancelled_at" is not null));--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_number_format" CHECK ("quotes"."quote_number" ~ '^Q-[0-9]{4}-[0-9]{6,9}$');