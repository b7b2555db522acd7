CREATE TABLE "quote_line_licenses" (
	"quote_line_id" uuid NOT NULL,
	"license_id" uuid NOT NULL,
	CONSTRAINT "quote_line_licenses_quote_line_id_license_id_pk" PRIMARY KEY("quote_line_id","license_id")
);
--> statement-breakpoint
ALTER TABLE "cart_lines" DROP CONSTRAINT "cart_lines_term_or_end";--> statement-breakpoint
ALTER TABLE "cart_lines" ADD COLUMN "from_product_code" text;--> statement-breakpoint
ALTER TABLE "cart_lines" ADD COLUMN "default_period_end" date;--> statement-breakpoint
ALTER TABLE "quote_lines" ADD COLUMN "from_product_code" text;--> statement-breakpoint
ALTER TABLE "quote_lines" ADD COLUMN "credit_list_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "quote_lines" ADD COLUMN "credit_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "quote_line_licenses" ADD CONSTRAINT "quote_line_licenses_quote_line_id_quote_lines_id_fk" FOREIGN KEY ("quote_line_id") REFERENCES "public"."quote_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_line_licenses" ADD CONSTRAINT "quote_line_licenses_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "quote_line_licenses_license_idx" ON "quote_line_licenses" USING btree ("license_id");--> statement-breakpoint
ALTER TABLE "cart_lines" ADD CONSTRAINT "cart_lines_from_product_code_products_code_fk" FOREIGN KEY ("from_product_code") REFERENCES "public"."products"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_lines" ADD CONSTRAINT "quote_lines_from_product_code_products_code_fk" FOREIGN KEY ("from_product_code") REFERENCES "public"."products"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_lines" ADD CONSTRAINT "cart_lines_from_product" CHECK (("cart_lines"."kind" in ('upgrade', 'downgrade')) = ("cart_lines"."from_product_code" is not null));--> statement-breakpoint
ALTER TABLE "cart_lines" ADD CONSTRAINT "cart_lines_upgrade_end" CHECK (("cart_lines"."kind" = 'upgrade') = ("cart_lines"."default_period_end" is not null));--> statement-breakpoint
ALTER TABLE "cart_lines" ADD CONSTRAINT "cart_lines_term_or_end" CHECK ("cart_lines"."term_years" is not null or "cart_lines"."period_end" is not null or "cart_lines"."default_period_end" is not null);--> statement-breakpoint
ALTER TABLE "quote_lines" ADD CONSTRAINT "quote_lines_credit_not_positive" CHECK ("quote_lines"."credit_list_minor" <= 0 and "quote_lines"."credit_minor" <= 0);