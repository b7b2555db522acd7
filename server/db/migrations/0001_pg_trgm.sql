-- Trigram indexes let "contains" searches (customer name, emails, quote and PO numbers) use an
-- index instead of scanning a partner's documents. pg_trgm ships with PostgreSQL's contrib
-- package and with PGlite.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
