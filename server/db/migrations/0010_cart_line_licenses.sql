CREATE TABLE "cart_line_licenses" (
	"cart_line_id" uuid NOT NULL,
	"license_id" uuid NOT NULL,
	CONSTRAINT "cart_line_licenses_cart_line_id_license_id_pk" PRIMARY KEY("cart_line_id","license_id")
);
--> statement-breakpoint
ALTER TABLE "cart_line_licenses" ADD CONSTRAINT "cart_line_licenses_cart_line_id_cart_lines_id_fk" FOREIGN KEY ("cart_line_id") REFERENCES "public"."cart_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_line_licenses" ADD CONSTRAINT "cart_line_licenses_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cart_line_licenses_license_idx" ON "cart_line_licenses" USING btree ("license_id");