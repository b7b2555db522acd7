CREATE TABLE "license_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"license_id" uuid NOT NULL,
	"product_code" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"perpetual_fallback" boolean NOT NULL,
	"order_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "license_periods_order" CHECK ("license_periods"."period_end" > "license_periods"."period_start")
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_number" text NOT NULL,
	"partner_id" uuid,
	"customer_account_id" uuid NOT NULL,
	"po_number" text,
	"currency" "currency" NOT NULL,
	"total_minor" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_number_format" CHECK ("orders"."order_number" ~ '^R-[0-9]{4}-[0-9]{6,9}$')
);
--> statement-breakpoint
ALTER TABLE "licenses" ADD COLUMN "last_order_id" uuid;--> statement-breakpoint
ALTER TABLE "license_periods" ADD CONSTRAINT "license_periods_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_periods" ADD CONSTRAINT "license_periods_product_code_products_code_fk" FOREIGN KEY ("product_code") REFERENCES "public"."products"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_periods" ADD CONSTRAINT "license_periods_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_customer_account_id_customer_accounts_id_fk" FOREIGN KEY ("customer_account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "license_periods_license_start_unique" ON "license_periods" USING btree ("license_id","period_start");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_number_unique" ON "orders" USING btree ("order_number");--> statement-breakpoint
CREATE INDEX "orders_account_po_idx" ON "orders" USING btree ("customer_account_id","po_number");--> statement-breakpoint
CREATE INDEX "orders_partner_created_idx" ON "orders" USING btree ("partner_id","created_at");--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_last_order_id_orders_id_fk" FOREIGN KEY ("last_order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "licenses_last_order_idx" ON "licenses" USING btree ("last_order_id");--> statement-breakpoint
-- Licenses issued before their history was kept get their current period as its first row.
INSERT INTO "license_periods" ("license_id", "product_code", "period_start", "period_end", "perpetual_fallback")
SELECT "id", "product_code", "period_start", "period_end", "perpetual_fallback" FROM "licenses";
