ALTER TYPE "public"."quote_status" ADD VALUE 'ordering' BEFORE 'cancelled';--> statement-breakpoint
CREATE TABLE "order_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"partner_user_id" uuid NOT NULL,
	"attempt_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"quote_id" uuid NOT NULL,
	"payment" jsonb NOT NULL,
	"charge_key" text NOT NULL,
	"status" text NOT NULL,
	"charge" jsonb,
	"order_id" uuid,
	"released_because" text,
	"lease_until" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "order_attempts_status" CHECK ("order_attempts"."status" in ('charging', 'charged', 'completed', 'released')),
	CONSTRAINT "order_attempts_completed_order" CHECK (("order_attempts"."status" = 'completed') = ("order_attempts"."order_id" is not null)),
	CONSTRAINT "order_attempts_charged_charge" CHECK ("order_attempts"."status" <> 'charged' or "order_attempts"."charge" is not null)
);
--> statement-breakpoint
CREATE TABLE "paypal_vault_setups" (
	"setup_id" text PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"partner_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"payment_method_id" uuid
);
--> statement-breakpoint
ALTER TABLE "order_attempts" ADD CONSTRAINT "order_attempts_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_attempts" ADD CONSTRAINT "order_attempts_partner_user_id_partner_users_id_fk" FOREIGN KEY ("partner_user_id") REFERENCES "public"."partner_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_attempts" ADD CONSTRAINT "order_attempts_quote_id_quotes_id_fk" FOREIGN KEY ("quote_id") REFERENCES "public"."quotes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_attempts" ADD CONSTRAINT "order_attempts_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paypal_vault_setups" ADD CONSTRAINT "paypal_vault_setups_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paypal_vault_setups" ADD CONSTRAINT "paypal_vault_setups_partner_user_id_partner_users_id_fk" FOREIGN KEY ("partner_user_id") REFERENCES "public"."partner_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paypal_vault_setups" ADD CONSTRAINT "paypal_vault_setups_payment_method_id_payment_methods_id_fk" FOREIGN KEY ("payment_method_id") REFERENCES "public"."payment_methods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "order_attempts_user_key_unique" ON "order_attempts" USING btree ("partner_user_id","attempt_key");--> statement-breakpoint
CREATE UNIQUE INDEX "order_attempts_live_quote_unique" ON "order_attempts" USING btree ("quote_id") WHERE "order_attempts"."status" in ('charging', 'charged');--> statement-breakpoint
CREATE INDEX "order_attempts_live_lease_idx" ON "order_attempts" USING btree ("lease_until") WHERE "order_attempts"."status" in ('charging', 'charged');--> statement-breakpoint
CREATE INDEX "paypal_vault_setups_partner_idx" ON "paypal_vault_setups" USING btree ("partner_id");