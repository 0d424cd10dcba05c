import type postgres from "postgres";

type Sql = postgres.Sql;
type TransactionSql = postgres.TransactionSql;

/**
 * drizzle runs every query that was not given a name as an unnamed statement, which postgres.js sends as
 * Parse + Describe, waits for the parameter types, then Bind + Execute: two round trips and a fresh parse
 * each time. Asking postgres.js to prepare them lets it cache each statement per connection (by its text
 * and types), so a repeat is one round trip with no parse. Transactions and savepoints get the same client.
 */
export function withPreparedStatements<T extends Sql | TransactionSql>(sql: T): T {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, params?: unknown[], options?: postgres.UnsafeQueryOptions) =>
          target.unsafe(query, params as postgres.ParameterOrJSON<never>[], { ...options, prepare: true });
      }
      if (property === "begin" || property === "savepoint") {
        const original = Reflect.get(target, property, receiver) as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          const last = args.length - 1;
          const callback = args[last] as (tx: TransactionSql) => unknown;
          return original.apply(target, [...args.slice(0, last), (tx: TransactionSql) => callback(withPreparedStatements(tx))]);
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}
