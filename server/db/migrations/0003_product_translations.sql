CREATE TABLE "product_translations" (
	"product_code" text NOT NULL,
	"locale" text NOT NULL,
	"description" text NOT NULL,
	CONSTRAINT "product_translations_product_code_locale_pk" PRIMARY KEY("product_code","locale"),
	CONSTRAINT "product_translations_locale_known" CHECK ("product_translations"."locale" in ('pt-BR'))
);
--> statement-breakpoint
ALTER TABLE "product_translations" ADD CONSTRAINT "product_translations_product_code_products_code_fk" FOREIGN KEY ("product_code") REFERENCES "public"."products"("code") ON DELETE cascade ON UPDATE no action;