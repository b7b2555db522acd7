ALTER TABLE "quotes" ADD COLUMN "document" json;--> statement-breakpoint
-- Quotes issued before: their document is built once from the columns and lines, in the shape the
-- app writes (quote-document.ts).
UPDATE "quotes" AS q SET "document" = json_build_object(
  'quoteNumber', q.quote_number,
  'origin', q.origin,
  'customer', json_build_object('customerId', c.customer_id, 'name', c.name, 'country', c.country),
  'endUserEmail', q.end_user_email,
  'poNumber', q.po_number,
  'currency', q.currency,
  'totalMinor', q.total_minor,
  'createdAt', to_char(q.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'validUntil', q.valid_until,
  'billingAddress', q.billing_address,
  'endUser', CASE WHEN q.end_user_company IS NULL
    THEN json_build_object('name', q.end_user_name, 'email', q.end_user_email)
    ELSE json_build_object('name', q.end_user_name, 'email', q.end_user_email, 'company', q.end_user_company) END,
  'discountPercent', q.discount_bps / 100.0,
  'lines', (SELECT coalesce(json_agg(json_build_object(
      'productCode', l.product_code, 'productName', l.product_name, 'kind', l.kind, 'quantity', l.quantity,
      'termYears', l.term_years, 'periodStart', l.period_start, 'periodEnd', l.period_end,
      'serviceDomain', l.service_domain, 'unitListPriceMinor', l.unit_list_minor, 'listPriceMinor', l.list_minor,
      'discountMinor', l.discount_minor, 'totalMinor', l.total_minor, 'perpetualFallback', l.perpetual_fallback
    ) ORDER BY l.line_no), '[]'::json) FROM "quote_lines" l WHERE l.quote_id = q.id),
  'totals', json_build_object('listPriceMinor', q.list_total_minor, 'discountMinor', q.discount_total_minor, 'totalMinor', q.total_minor),
  'createdBy', (SELECT u.name FROM "partner_users" u WHERE u.id = q.created_by_user_id)
)
FROM "customer_accounts" AS c
WHERE c.id = q.customer_account_id;--> statement-breakpoint
ALTER TABLE "quotes" ALTER COLUMN "document" SET NOT NULL;
