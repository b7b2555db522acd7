-- The "contains" search of licensee emails (shared/account-search.ts, email-parts.ts): a fragment
-- with an @ is found as a prefix of the email's reversed local part or of its domain; the emails
-- with more than one @ through a partial index of them. The planner knows an expression's values
-- only once the table is analyzed (autovacuum would wait for enough rows to change): analyzed here.
CREATE INDEX "orders_partner_email_local_rev_idx" ON "orders" USING btree ("partner_id",reverse(split_part("end_user_email", '@', 1)) text_pattern_ops);--> statement-breakpoint
CREATE INDEX "orders_partner_email_domain_idx" ON "orders" USING btree ("partner_id",split_part("end_user_email", '@', 2) text_pattern_ops);--> statement-breakpoint
CREATE INDEX "orders_partner_email_many_ats_idx" ON "orders" USING btree ("partner_id") WHERE "orders"."end_user_email" like '%@%@%';--> statement-breakpoint
CREATE INDEX "invoices_partner_email_local_rev_idx" ON "invoices" USING btree ("partner_id",reverse(split_part("end_user_email", '@', 1)) text_pattern_ops);--> statement-breakpoint
CREATE INDEX "invoices_partner_email_domain_idx" ON "invoices" USING btree ("partner_id",split_part("end_user_email", '@', 2) text_pattern_ops);--> statement-breakpoint
CREATE INDEX "invoices_partner_email_many_ats_idx" ON "invoices" USING btree ("partner_id") WHERE "invoices"."end_user_email" like '%@%@%';--> statement-breakpoint
CREATE INDEX "quotes_partner_email_local_rev_idx" ON "quotes" USING btree ("partner_id",reverse(split_part("end_user_email", '@', 1)) text_pattern_ops);--> statement-breakpoint
CREATE INDEX "quotes_partner_email_domain_idx" ON "quotes" USING btree ("partner_id",split_part("end_user_email", '@', 2) text_pattern_ops);--> statement-breakpoint
CREATE INDEX "quotes_partner_email_many_ats_idx" ON "quotes" USING btree ("partner_id") WHERE "quotes"."end_user_email" like '%@%@%';--> statement-breakpoint
ANALYZE "quotes";--> statement-breakpoint
ANALYZE "orders";--> statement-breakpoint
ANALYZE "invoices";
