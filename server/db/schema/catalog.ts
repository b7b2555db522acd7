import { sql } from 'drizzle-orm';
import { bigint, boolean, check, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

export const products = pgTable(
  'products',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    requiresServiceDomain: boolean('requires_service_domain').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    check('products_code_format', sql`${t.code} ~ '^[A-Z0-9]{2,6}$'`),
    check('products_kind_known', sql`${t.kind} in ('pack', 'ide', 'tool', 'cloud')`),
  ],
);

/** Yearly list price of one seat, per currency, in minor units. */
export const productPrices = pgTable(
  'product_prices',
  {
    productCode: text('product_code')
      .notNull()
      .references(() => products.code),
    currency: text('currency').notNull(),
    yearlyListMinor: bigint('yearly_list_minor', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.productCode, t.currency] }),
    check('product_prices_currency_known', sql`${t.currency} in ('USD', 'EUR', 'BRL')`),
    check('product_prices_positive', sql`${t.yearlyListMinor} > 0`),
  ],
);

/** Descriptions in other languages than English (the catalog's own); product names are brands. */
export const productTranslations = pgTable(
  'product_translations',
  {
    productCode: text('product_code')
      .notNull()
      .references(() => products.code, { onDelete: 'cascade' }),
    locale: text('locale').notNull(),
    description: text('description').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.productCode, t.locale] }),
    check('product_translations_locale_known', sql`${t.locale} in ('pt-BR')`),
  ],
);
