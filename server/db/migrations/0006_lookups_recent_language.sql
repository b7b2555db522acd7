CREATE TABLE "recent_customer_accounts" (
	"partner_user_id" uuid NOT NULL,
	"customer_account_id" uuid NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	CONSTRAINT "recent_customer_accounts_partner_user_id_customer_account_id_pk" PRIMARY KEY("partner_user_id","customer_account_id")
);
--> statement-breakpoint
ALTER TABLE "licenses" ADD COLUMN "license_key_hash" text NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_users" ADD COLUMN "locale" "locale";--> statement-breakpoint
ALTER TABLE "recent_customer_accounts" ADD CONSTRAINT "recent_customer_accounts_partner_user_id_partner_users_id_fk" FOREIGN KEY ("partner_user_id") REFERENCES "public"."partner_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recent_customer_accounts" ADD CONSTRAINT "recent_customer_accounts_customer_account_id_customer_accounts_id_fk" FOREIGN KEY ("customer_account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recent_customer_accounts_user_opened_idx" ON "recent_customer_accounts" USING btree ("partner_user_id","opened_at");