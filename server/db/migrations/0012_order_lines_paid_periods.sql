CREATE TABLE "order_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"product_code" text NOT NULL,
	"kind" "line_kind" NOT NULL,
	"from_product_code" text,
	"quantity" integer NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"list_minor" bigint NOT NULL,
	"discount_minor" bigint NOT NULL,
	"total_minor" bigint NOT NULL,
	"credit_minor" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "order_lines_quantity_range" CHECK ("order_lines"."quantity" between 1 and 10000),
	CONSTRAINT "order_lines_period_order" CHECK ("order_lines"."period_end" > "order_lines"."period_start"),
	CONSTRAINT "order_lines_totals_add_up" CHECK ("order_lines"."total_minor" = "order_lines"."list_minor" - "order_lines"."discount_minor"),
	CONSTRAINT "order_lines_credit_not_positive" CHECK ("order_lines"."credit_minor" <= 0)
);
--> statement-breakpoint
ALTER TABLE "license_periods" ADD COLUMN "order_line_id" uuid;--> statement-breakpoint
ALTER TABLE "license_periods" ADD COLUMN "cut_short_from" date;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_product_code_products_code_fk" FOREIGN KEY ("product_code") REFERENCES "public"."products"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_from_product_code_products_code_fk" FOREIGN KEY ("from_product_code") REFERENCES "public"."products"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "order_lines_order_line_unique" ON "order_lines" USING btree ("order_id","line_no");--> statement-breakpoint
ALTER TABLE "license_periods" ADD CONSTRAINT "license_periods_order_line_id_order_lines_id_fk" FOREIGN KEY ("order_line_id") REFERENCES "public"."order_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The paid periods of one license never overlap: a second renewal or upgrade for time already paid
-- is refused by the database, whichever carts, users or partners the orders came from. (btree_gist
-- lets one GiST index take the license id's equality beside the date ranges' overlap; it ships with
-- PostgreSQL's contrib package and with PGlite.)
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
ALTER TABLE "license_periods" ADD CONSTRAINT "license_periods_no_overlap" EXCLUDE USING gist ("license_id" WITH =, daterange("period_start", "period_end") WITH &&);
