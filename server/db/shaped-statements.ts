import type { Queryable } from './client.ts';

/** What Drizzle's `.prepare()` gives: the statement built once, run with placeholder values. */
export interface Prepared<Values, Row> {
  execute(values: Values): Promise<Row[]>;
}

/**
 * A list page's statement, built with Drizzle once per database and shape and then only run.
 * Building a statement is most of the app's CPU on a list page: Drizzle walks its condition tree
 * and checks each node's class again on every request (≈ 30 % of a quotes page's CPU, profiled
 * under load). The shape is what changes the statement's text (which filters are set, a status);
 * the values (partner, dates, page) are placeholders, filled at each run.
 *
 * A shape whose `keyOf` is null (a search, whose conditions carry values it looked up) is built
 * each time and sent unnamed, so PostgreSQL plans it for its own values. A cached one is a named
 * statement, prepared once per connection, like the routes with `statements: 'named'`.
 */
export function shapedStatements<Shape, Values, Row>(
  name: string,
  keyOf: (shape: Shape) => string | null,
  build: (db: Queryable, shape: Shape) => { prepare(name: string): Prepared<Values, Row> },
): (db: Queryable, shape: Shape, values: Values) => Promise<Row[]> {
  // Per database object (the primary, the standby, a transaction), as a prepared statement runs on
  // the connections of the database that built it.
  const built = new WeakMap<Queryable, Map<string, Prepared<Values, Row>>>();
  return (db, shape, values) => {
    const key = keyOf(shape);
    if (key === null) return build(db, shape).prepare('').execute(values);
    let statements = built.get(db);
    if (!statements) {
      statements = new Map();
      built.set(db, statements);
    }
    let statement = statements.get(key);
    if (!statement) {
      statement = build(db, shape).prepare(`pp_${name}_${key}`);
      statements.set(key, statement);
    }
    return statement.execute(values);
  };
}

/**
 * A shape's key from its parts: the name of each part set (`true`), `name-value` for each part
 * with a value (a status), nothing for those unset. `any` when none is set.
 */
export function shapeKey(parts: Record<string, boolean | string | undefined>): string {
  const set = Object.entries(parts).flatMap(([name, part]) =>
    part === true ? [name] : typeof part === 'string' ? [`${name}-${part}`] : [],
  );
  return set.length > 0 ? set.join('_') : 'any';
}

/** A statement of one shape: built once per database, run with each call's values (placeholders). */
export function preparedStatement<Values, Row>(
  name: string,
  build: (db: Queryable) => { prepare(name: string): Prepared<Values, Row> },
): (db: Queryable, values: Values) => Promise<Row[]> {
  const run = shapedStatements(
    name,
    () => 'one',
    (db: Queryable, _shape: null) => build(db),
  );
  return (db, values) => run(db, null, values);
}
