import { sql } from 'drizzle-orm';
import { bigint, boolean, check, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { currencyEnum, localeEnum, productKindEnum } from './enums.ts';

export const products = pgTable(
  'products',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    kind: productKindEnum('kind').notNull(),
    description: text('description').notNull(),
    requiresServiceDomain: boolean('requires_service_domain').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    /** Withdrawn products (false) stay for the documents that name them but can no longer be sold. */
    active: boolean('active').notNull().default(true),
  },
  (t) => [check('products_code_format', sql`${t.code} ~ '^[A-Z0-9]{2,6}$'`)],
);

/** Yearly list price of one seat, per currency, in minor units. */
export const productPrices = pgTable(
  'product_prices',
  {
    productCode: text('product_code')
      .notNull()
      .references(() => products.code),
    currency: currencyEnum('currency').notNull(),
    yearlyListMinor: bigint('yearly_list_minor', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.productCode, t.currency] }),
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
    locale: localeEnum('locale').notNull(),
    description: text('description').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.productCode, t.locale] }),
    // English is the catalog's own language: a translation is for another one.
    check('product_translations_not_english', sql`${t.locale} <> 'en'`),
  ],
);
