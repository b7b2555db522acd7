CREATE TABLE "partner_account_grant_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"customer_account_id" uuid NOT NULL,
	"event" text NOT NULL,
	"by_email" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_account_grant_events_event" CHECK ("partner_account_grant_events"."event" in ('granted', 'withdrawn'))
);
--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_one_owner";--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "account_admin_email" text;--> statement-breakpoint
ALTER TABLE "partner_account_grant_events" ADD CONSTRAINT "partner_account_grant_events_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_account_grant_events" ADD CONSTRAINT "partner_account_grant_events_customer_account_id_customer_accounts_id_fk" FOREIGN KEY ("customer_account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partner_account_grant_events_account_idx" ON "partner_account_grant_events" USING btree ("customer_account_id","occurred_at");--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_account_admin_account" CHECK ("sessions"."account_admin_email" is null or "sessions"."open_customer_account_id" is not null);--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_one_owner" CHECK (num_nonnulls("sessions"."user_id", "sessions"."vendor_staff_id", "sessions"."account_admin_email") = 1);