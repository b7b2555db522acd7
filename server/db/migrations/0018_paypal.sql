CREATE TYPE "public"."payment_method_kind" AS ENUM('card', 'paypal');--> statement-breakpoint
CREATE TABLE "sandbox_paypal_approvals" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"reference" text,
	"amount_minor" bigint,
	"currency" "currency",
	"return_url" text NOT NULL,
	"cancel_url" text NOT NULL,
	"status" text NOT NULL,
	"payer_email" text,
	"vault_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payment_methods" DROP CONSTRAINT "payment_methods_last4_digits";--> statement-breakpoint
ALTER TABLE "sandbox_charges" DROP CONSTRAINT "sandbox_charges_token_sandbox_tokens_token_fk";
--> statement-breakpoint
ALTER TABLE "payment_methods" ALTER COLUMN "last4" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_methods" ALTER COLUMN "exp_month" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_methods" ALTER COLUMN "exp_year" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_methods" ADD COLUMN "kind" "payment_method_kind" DEFAULT 'card' NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_methods" ADD COLUMN "payer_email" text;--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_paypal_vault_unique" ON "sandbox_paypal_approvals" USING btree ("vault_id");--> statement-breakpoint
ALTER TABLE "payment_methods" ADD CONSTRAINT "payment_methods_shown_as" CHECK (("payment_methods"."kind" = 'card' and "payment_methods"."last4" ~ '^[0-9]{4}$' and "payment_methods"."exp_month" is not null and "payment_methods"."exp_year" is not null)
        or ("payment_methods"."kind" = 'paypal' and "payment_methods"."payer_email" is not null and "payment_methods"."last4" is null));