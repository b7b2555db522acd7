ALTER TYPE "public"."document_kind" ADD VALUE 'credit_note';--> statement-breakpoint
CREATE TABLE "credit_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"credit_note_number" text NOT NULL,
	"invoice_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" "currency" NOT NULL,
	"reason" text NOT NULL,
	"issued_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_notes_number_format" CHECK ("credit_notes"."credit_note_number" ~ '^CN-[0-9]{4}-[0-9]{6,9}$'),
	CONSTRAINT "credit_notes_amount_positive" CHECK ("credit_notes"."amount_minor" >= 0)
);
--> statement-breakpoint
ALTER TABLE "invoices" DROP CONSTRAINT "invoices_paid_when";--> statement-breakpoint
ALTER TABLE "invoices" DROP CONSTRAINT "invoices_postpaid_due";--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "end_user_email" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "po_number" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "end_user_email" text;--> statement-breakpoint
ALTER TABLE "credit_notes" ADD CONSTRAINT "credit_notes_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "credit_notes_number_unique" ON "credit_notes" USING btree ("credit_note_number");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_notes_invoice_unique" ON "credit_notes" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "orders_partner_account_idx" ON "orders" USING btree ("partner_id","customer_account_id");--> statement-breakpoint
CREATE INDEX "orders_partner_end_user_email_idx" ON "orders" USING btree ("partner_id","end_user_email");--> statement-breakpoint
CREATE INDEX "orders_number_trgm_idx" ON "orders" USING gin ("order_number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "orders_po_number_trgm_idx" ON "orders" USING gin ("po_number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "orders_end_user_email_trgm_idx" ON "orders" USING gin ("end_user_email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "invoices_partner_account_idx" ON "invoices" USING btree ("partner_id","customer_account_id");--> statement-breakpoint
CREATE INDEX "invoices_partner_end_user_email_idx" ON "invoices" USING btree ("partner_id","end_user_email");--> statement-breakpoint
CREATE INDEX "invoices_number_trgm_idx" ON "invoices" USING gin ("invoice_number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "invoices_end_user_email_trgm_idx" ON "invoices" USING gin ("end_user_email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "invoices_partner_unpaid_due_idx" ON "invoices" USING btree ("partner_id","due_on") WHERE "invoices"."status" = 'not_paid';--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_end_user_email_lower" CHECK ("orders"."end_user_email" = lower("orders"."end_user_email"));--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_settled_when" CHECK (("invoices"."status" in ('paid', 'applied')) = ("invoices"."paid_on" is not null));--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_applied_by_credit_note" CHECK (("invoices"."status" = 'applied') = ("invoices"."payment_type" = 'credit_note'));--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_online_paid" CHECK ("invoices"."payment_type" <> 'online' or ("invoices"."status" = 'paid' and "invoices"."due_on" is null));--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_end_user_email_lower" CHECK ("invoices"."end_user_email" = lower("invoices"."end_user_email"));--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_postpaid_due" CHECK ("invoices"."payment_type" <> 'postpaid' or "invoices"."due_on" is not null);--> statement-breakpoint
UPDATE "orders" SET "end_user_email" = lower("document"->'endUser'->>'email') WHERE "document" IS NOT NULL AND "end_user_email" IS NULL;--> statement-breakpoint
UPDATE "invoices" SET "po_number" = "orders"."po_number", "end_user_email" = "orders"."end_user_email" FROM "orders" WHERE "orders"."id" = "invoices"."order_id";
