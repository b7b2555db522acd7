DROP INDEX "customer_accounts_name_idx";--> statement-breakpoint
DROP INDEX "quotes_account_idx";--> statement-breakpoint
CREATE INDEX "customer_accounts_name_trgm_idx" ON "customer_accounts" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customer_contacts_email_trgm_idx" ON "customer_contacts" USING gin ("email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "quotes_partner_account_idx" ON "quotes" USING btree ("partner_id","customer_account_id");--> statement-breakpoint
CREATE INDEX "quotes_number_trgm_idx" ON "quotes" USING gin ("quote_number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "quotes_end_user_email_trgm_idx" ON "quotes" USING gin ("end_user_email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "quotes_po_number_trgm_idx" ON "quotes" USING gin ("po_number" gin_trgm_ops);