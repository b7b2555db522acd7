CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"partner_id" uuid,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "rate_limit_hits" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limit_hits_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"open_customer_account_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cart_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cart_id" uuid NOT NULL,
	"product_code" text NOT NULL,
	"kind" text NOT NULL,
	"quantity" integer NOT NULL,
	"term_years" integer,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"service_domain" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cart_lines_kind_known" CHECK ("cart_lines"."kind" in ('new', 'renewal', 'upgrade', 'downgrade')),
	CONSTRAINT "cart_lines_quantity_range" CHECK ("cart_lines"."quantity" between 1 and 10000),
	CONSTRAINT "cart_lines_term_known" CHECK ("cart_lines"."term_years" is null or "cart_lines"."term_years" in (1, 2)),
	CONSTRAINT "cart_lines_period_order" CHECK ("cart_lines"."period_end" > "cart_lines"."period_start")
);
--> statement-breakpoint
CREATE TABLE "carts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"partner_user_id" uuid NOT NULL,
	"customer_account_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_prices" (
	"product_code" text NOT NULL,
	"currency" text NOT NULL,
	"yearly_list_minor" bigint NOT NULL,
	CONSTRAINT "product_prices_product_code_currency_pk" PRIMARY KEY("product_code","currency"),
	CONSTRAINT "product_prices_currency_known" CHECK ("product_prices"."currency" in ('USD', 'EUR', 'BRL')),
	CONSTRAINT "product_prices_positive" CHECK ("product_prices"."yearly_list_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "products" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"requires_service_domain" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "products_code_format" CHECK ("products"."code" ~ '^[A-Z0-9]{2,6}$'),
	CONSTRAINT "products_kind_known" CHECK ("products"."kind" in ('pack', 'ide', 'tool', 'cloud'))
);
--> statement-breakpoint
CREATE TABLE "customer_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" text NOT NULL,
	"name" text NOT NULL,
	"country" text NOT NULL,
	"created_by_partner_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_accounts_customer_id_format" CHECK ("customer_accounts"."customer_id" ~ '^[0-9]{7}$'),
	CONSTRAINT "customer_accounts_country_iso" CHECK ("customer_accounts"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "customer_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_account_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"is_account_admin" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_contacts_email_lower" CHECK ("customer_contacts"."email" = lower("customer_contacts"."email"))
);
--> statement-breakpoint
CREATE TABLE "customer_teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_account_id" uuid NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_account_grants" (
	"partner_id" uuid NOT NULL,
	"customer_account_id" uuid NOT NULL,
	"role" text DEFAULT 'purchaser' NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "partner_account_grants_partner_id_customer_account_id_pk" PRIMARY KEY("partner_id","customer_account_id"),
	CONSTRAINT "partner_account_grants_role_known" CHECK ("partner_account_grants"."role" in ('purchaser'))
);
--> statement-breakpoint
CREATE TABLE "licenses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"license_id" text NOT NULL,
	"customer_account_id" uuid NOT NULL,
	"subscription_pack_id" uuid NOT NULL,
	"product_code" text NOT NULL,
	"team_id" uuid,
	"assigned_email" text,
	"service_domain" text,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"perpetual_fallback" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "licenses_license_id_format" CHECK ("licenses"."license_id" ~ '^[A-Z0-9]{10}$'),
	CONSTRAINT "licenses_period_order" CHECK ("licenses"."period_end" > "licenses"."period_start")
);
--> statement-breakpoint
CREATE TABLE "subscription_packs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_account_id" uuid NOT NULL,
	"pack_number" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscription_packs_number_format" CHECK ("subscription_packs"."pack_number" ~ '^(0[1-9]|1[0-2])[0-9]{2}/[A-Z0-9]{5,7}$')
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_outbox_status_known" CHECK ("mail_outbox"."status" in ('pending', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "discount_levels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"discount_bps" integer NOT NULL,
	CONSTRAINT "discount_levels_code_unique" UNIQUE("code"),
	CONSTRAINT "discount_levels_bps_range" CHECK ("discount_levels"."discount_bps" between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "partner_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_users_role_known" CHECK ("partner_users"."role" in ('admin', 'sales', 'billing')),
	CONSTRAINT "partner_users_email_lower" CHECK ("partner_users"."email" = lower("partner_users"."email"))
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"country" text NOT NULL,
	"currency" text NOT NULL,
	"discount_level_id" uuid NOT NULL,
	"credit_terms" boolean DEFAULT false NOT NULL,
	"billing_address" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partners_currency_known" CHECK ("partners"."currency" in ('USD', 'EUR', 'BRL')),
	CONSTRAINT "partners_country_iso" CHECK ("partners"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "document_counters" (
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"last_value" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quote_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"quote_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"product_code" text NOT NULL,
	"product_name" text NOT NULL,
	"kind" text NOT NULL,
	"quantity" integer NOT NULL,
	"term_years" integer,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"service_domain" text,
	"unit_list_minor" bigint NOT NULL,
	"list_minor" bigint NOT NULL,
	"discount_minor" bigint NOT NULL,
	"total_minor" bigint NOT NULL,
	"perpetual_fallback" boolean NOT NULL,
	CONSTRAINT "quote_lines_kind_known" CHECK ("quote_lines"."kind" in ('new', 'renewal', 'upgrade', 'downgrade')),
	CONSTRAINT "quote_lines_quantity_range" CHECK ("quote_lines"."quantity" between 1 and 10000),
	CONSTRAINT "quote_lines_period_order" CHECK ("quote_lines"."period_end" > "quote_lines"."period_start"),
	CONSTRAINT "quote_lines_totals_add_up" CHECK ("quote_lines"."total_minor" = "quote_lines"."list_minor" - "quote_lines"."discount_minor")
);
--> statement-breakpoint
CREATE TABLE "quotes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"quote_number" text NOT NULL,
	"origin" text NOT NULL,
	"partner_id" uuid,
	"customer_account_id" uuid NOT NULL,
	"created_by_user_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"currency" text NOT NULL,
	"discount_bps" integer NOT NULL,
	"billing_address" jsonb NOT NULL,
	"end_user_name" text NOT NULL,
	"end_user_email" text NOT NULL,
	"end_user_company" text,
	"po_number" text,
	"list_total_minor" bigint NOT NULL,
	"discount_total_minor" bigint NOT NULL,
	"total_minor" bigint NOT NULL,
	"valid_until" date NOT NULL,
	"converted_from_quote_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "quotes_number_format" CHECK ("quotes"."quote_number" ~ '^Q-[0-9]{4}-[0-9]{6}$'),
	CONSTRAINT "quotes_origin_known" CHECK ("quotes"."origin" in ('reseller', 'direct')),
	CONSTRAINT "quotes_reseller_has_partner" CHECK ("quotes"."origin" = 'direct' or "quotes"."partner_id" is not null),
	CONSTRAINT "quotes_status_known" CHECK ("quotes"."status" in ('open', 'cancelled', 'converted', 'ordered')),
	CONSTRAINT "quotes_currency_known" CHECK ("quotes"."currency" in ('USD', 'EUR', 'BRL')),
	CONSTRAINT "quotes_totals_add_up" CHECK ("quotes"."total_minor" = "quotes"."list_total_minor" - "quotes"."discount_total_minor"),
	CONSTRAINT "quotes_end_user_email_lower" CHECK ("quotes"."end_user_email" = lower("quotes"."end_user_email"))
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_user_id_partner_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."partner_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_partner_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."partner_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_open_customer_account_id_customer_accounts_id_fk" FOREIGN KEY ("open_customer_account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_lines" ADD CONSTRAINT "cart_lines_cart_id_carts_id_fk" FOREIGN KEY ("cart_id") REFERENCES "public"."carts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_lines" ADD CONSTRAINT "cart_lines_product_code_products_code_fk" FOREIGN KEY ("product_code") REFERENCES "public"."products"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carts" ADD CONSTRAINT "carts_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carts" ADD CONSTRAINT "carts_partner_user_id_partner_users_id_fk" FOREIGN KEY ("partner_user_id") REFERENCES "public"."partner_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carts" ADD CONSTRAINT "carts_customer_account_id_customer_accounts_id_fk" FOREIGN KEY ("customer_account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_prices" ADD CONSTRAINT "product_prices_product_code_products_code_fk" FOREIGN KEY ("product_code") REFERENCES "public"."products"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_accounts" ADD CONSTRAINT "customer_accounts_created_by_partner_id_partners_id_fk" FOREIGN KEY ("created_by_partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_contacts" ADD CONSTRAINT "customer_contacts_customer_account_id_customer_accounts_id_fk" FOREIGN KEY ("customer_account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_teams" ADD CONSTRAINT "customer_teams_customer_account_id_customer_accounts_id_fk" FOREIGN KEY ("customer_account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_account_grants" ADD CONSTRAINT "partner_account_grants_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_account_grants" ADD CONSTRAINT "partner_account_grants_customer_account_id_customer_accounts_id_fk" FOREIGN KEY ("customer_account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_customer_account_id_customer_accounts_id_fk" FOREIGN KEY ("customer_account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_subscription_pack_id_subscription_packs_id_fk" FOREIGN KEY ("subscription_pack_id") REFERENCES "public"."subscription_packs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_product_code_products_code_fk" FOREIGN KEY ("product_code") REFERENCES "public"."products"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_team_id_customer_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."customer_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_packs" ADD CONSTRAINT "subscription_packs_customer_account_id_customer_accounts_id_fk" FOREIGN KEY ("customer_account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_users" ADD CONSTRAINT "partner_users_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_discount_level_id_discount_levels_id_fk" FOREIGN KEY ("discount_level_id") REFERENCES "public"."discount_levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_lines" ADD CONSTRAINT "quote_lines_quote_id_quotes_id_fk" FOREIGN KEY ("quote_id") REFERENCES "public"."quotes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_lines" ADD CONSTRAINT "quote_lines_product_code_products_code_fk" FOREIGN KEY ("product_code") REFERENCES "public"."products"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_customer_account_id_customer_accounts_id_fk" FOREIGN KEY ("customer_account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_created_by_user_id_partner_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."partner_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_partner_time_idx" ON "audit_log" USING btree ("partner_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_log_subject_idx" ON "audit_log" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "rate_limit_hits_window_idx" ON "rate_limit_hits" USING btree ("window_start");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "cart_lines_cart_idx" ON "cart_lines" USING btree ("cart_id");--> statement-breakpoint
CREATE UNIQUE INDEX "carts_user_account_unique" ON "carts" USING btree ("partner_user_id","customer_account_id");--> statement-breakpoint
CREATE INDEX "carts_partner_idx" ON "carts" USING btree ("partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_accounts_customer_id_unique" ON "customer_accounts" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "customer_accounts_name_idx" ON "customer_accounts" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "customer_contacts_account_email_unique" ON "customer_contacts" USING btree ("customer_account_id","email");--> statement-breakpoint
CREATE INDEX "customer_contacts_email_idx" ON "customer_contacts" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_teams_account_name_unique" ON "customer_teams" USING btree ("customer_account_id","name");--> statement-breakpoint
CREATE INDEX "partner_account_grants_account_idx" ON "partner_account_grants" USING btree ("customer_account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "licenses_license_id_unique" ON "licenses" USING btree ("license_id");--> statement-breakpoint
CREATE INDEX "licenses_account_idx" ON "licenses" USING btree ("customer_account_id");--> statement-breakpoint
CREATE INDEX "licenses_pack_idx" ON "licenses" USING btree ("subscription_pack_id");--> statement-breakpoint
CREATE INDEX "licenses_assigned_email_idx" ON "licenses" USING btree ("assigned_email");--> statement-breakpoint
CREATE INDEX "licenses_service_domain_idx" ON "licenses" USING btree ("service_domain");--> statement-breakpoint
CREATE UNIQUE INDEX "subscription_packs_number_unique" ON "subscription_packs" USING btree ("pack_number");--> statement-breakpoint
CREATE INDEX "subscription_packs_account_idx" ON "subscription_packs" USING btree ("customer_account_id");--> statement-breakpoint
CREATE INDEX "mail_outbox_due_idx" ON "mail_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_users_email_unique" ON "partner_users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "partner_users_partner_idx" ON "partner_users" USING btree ("partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partners_name_unique" ON "partners" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "document_counters_kind_year_unique" ON "document_counters" USING btree ("kind","year");--> statement-breakpoint
CREATE UNIQUE INDEX "quote_lines_quote_line_unique" ON "quote_lines" USING btree ("quote_id","line_no");--> statement-breakpoint
CREATE UNIQUE INDEX "quotes_number_unique" ON "quotes" USING btree ("quote_number");--> statement-breakpoint
CREATE INDEX "quotes_partner_created_idx" ON "quotes" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "quotes_partner_end_user_email_idx" ON "quotes" USING btree ("partner_id","end_user_email");--> statement-breakpoint
CREATE INDEX "quotes_partner_po_idx" ON "quotes" USING btree ("partner_id","po_number");--> statement-breakpoint
CREATE INDEX "quotes_account_idx" ON "quotes" USING btree ("customer_account_id");