// The few places where SQLite and PostgreSQL need different words. Everything
// dialect-specific lives in src/db/, so the rest of the code is portable.
import {
  DataTypeNode, OperationNodeTransformer, SqliteAdapter,
  type ColumnDefinitionBuilder, type Kysely, type KyselyPlugin, type PluginTransformQueryArgs,
  type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow,
} from 'kysely'

export function isSqlite(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter
}

/** An auto-numbered integer primary key, in the dialect's own way. */
export function identity(db: Kysely<any>) {
  const sqlite = isSqlite(db)
  return (column: ColumnDefinitionBuilder) =>
    sqlite ? column.primaryKey() : column.primaryKey().generatedByDefaultAsIdentity()
}

/** Bytes (uploaded files): BLOB on SQLite, BYTEA on PostgreSQL. */
export function binary(db: Kysely<any>): 'blob' | 'bytea' {
  return isSqlite(db) ? 'blob' : 'bytea'
}

/**
 * SQLite's `integer` holds 64 bits; PostgreSQL's holds 32 (2,147,483,647: only
 * 2,147 € in micro-units). The migrations say `integer` (frozen, portable), so
 * on PostgreSQL every `integer` a statement names becomes `bigint`. The driver
 * reads bigint back as a number (src/db/connection.ts).
 */
export class WideIntegersPlugin implements KyselyPlugin {
  readonly #transformer = new WideIntegers()

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node, args.queryId)
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result
  }
}

class WideIntegers extends OperationNodeTransformer {
  protected override transformDataType(node: DataTypeNode): DataTypeNode {
    return node.dataType === 'integer' ? DataTypeNode.create('bigint') : node
  }
}
