import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool, QueryConfig, QueryResult, QueryResultRow } from 'pg';
import { DataSource } from 'typeorm';
import { DATABASE_ENDPOINT, DatabaseEndpoint } from './database-endpoint';

/**
 * SQL of the hot paths, sent straight to the pg pool TypeORM opened (no query runner per statement). On
 * PostgreSQL every statement text is a named prepared statement, parsed and planned once per connection; the
 * embedded PGlite serves all connections from one session, where names would collide, so there they are not.
 * Texts must be constants (values go in parameters): each distinct text gets a name for the process's life.
 */
@Injectable()
export class Sql {
  private readonly pool: Pool;
  private readonly names: Map<string, string> | null;

  constructor(@InjectDataSource() ds: DataSource, @Inject(DATABASE_ENDPOINT) db: DatabaseEndpoint) {
    this.pool = (ds.driver as unknown as { master: Pool }).master;
    this.names = db.kind === 'postgres' ? new Map() : null;
  }

  /** The pg pool itself (better-auth shares it). */
  get master(): Pool {
    return this.pool;
  }

  async rows<T>(text: string, values: unknown[]): Promise<T[]> {
    return (await this.query(text, values)).rows as T[];
  }

  /** `pool.query` with the statement named: stores written over a plain pool (a `Db`) take the service as one. */
  query<R extends QueryResultRow = QueryResultRow>(
    text: string,
    values: unknown[] = [],
  ): Promise<QueryResult<R>> {
    const query: QueryConfig = { text, values };
    if (this.names) {
      let name = this.names.get(text);
      if (!name) this.names.set(text, (name = `s${this.names.size}`));
      query.name = name;
    }
    return this.pool.query<R>(query);
  }
}
