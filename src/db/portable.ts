// The few places where SQLite and PostgreSQL need different words. Everything
// dialect-specific lives in src/db/, so the rest of the code is portable.
import {
  DataTypeNode, OperationNodeTransformer, SqliteAdapter, sql,
  type PrimitiveValueListNode, type RawBuilder, type ValueNode,
  type ColumnDefinitionBuilder, type Kysely, type KyselyPlugin, type PluginTransformQueryArgs,
  type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow,
} from 'kysely'

/** A condition as 1 or 0 on both dialects (PostgreSQL would answer true/false, SQLite 1/0). */
export function flag(condition: RawBuilder<unknown>): RawBuilder<0 | 1> {
  return sql<0 | 1>`case when ${condition} then 1 else 0 end`
}

/**
 * Makes the rest of transaction `trx` the only one at a time in section `name`
 * (e.g. reading the highest contract code, then inserting the next). SQLite
 * already runs one writing transaction at a time; PostgreSQL's READ COMMITTED
 * would let two read the same highest code, so there a transaction-scoped
 * advisory lock, released at commit or rollback, queues them.
 */
export async function serializeSection(trx: Kysely<any>, name: string): Promise<void> {
  // Outside a transaction the lock would end with the statement: no protection at all.
  if (!trx.isTransaction) throw new Error(`serializeSection(${name}) needs a transaction`)
  if (isSqlite(trx)) return
  await sql`select pg_advisory_xact_lock(hashtext(${name}))`.execute(trx)
}

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

/** A plugin that rewrites every statement through `transformer`, and leaves results alone. */
class RewritingPlugin implements KyselyPlugin {
  constructor(private readonly transformer: OperationNodeTransformer) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.transformer.transformNode(args.node, args.queryId)
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result
  }
}

/**
 * SQLite's `integer` holds 64 bits; PostgreSQL's holds 32 (2,147,483,647: only
 * 2,147 € in micro-units). The migrations say `integer` (frozen, portable), so
 * on PostgreSQL every `integer` a statement names becomes `bigint`. The driver
 * reads bigint back as a number (src/db/connection.ts).
 */
export class WideIntegersPlugin extends RewritingPlugin {
  constructor() {
    super(new WideIntegers())
  }
}

class WideIntegers extends OperationNodeTransformer {
  protected override transformDataType(node: DataTypeNode): DataTypeNode {
    return node.dataType === 'integer' ? DataTypeNode.create('bigint') : node
  }
}

/**
 * PostgreSQL's text cannot hold U+0000: a parameter containing it fails the
 * whole statement (22021). Any input can carry one (`/contracts/X%00`, a form
 * field), so rather than check at every route, every text parameter has
 * U+0000 replaced by U+FFFD, Unicode's "unrepresentable character". A lookup
 * then finds nothing (nothing stored holds either), stored text keeps a
 * visible trace instead of a 500, and it is done on SQLite too so that both
 * databases store the same text (and a SQLite portal can move to PostgreSQL).
 * Bytes (Buffers) are not text and pass untouched.
 */
export class TextWithoutNulPlugin extends RewritingPlugin {
  constructor() {
    super(new TextWithoutNul())
  }
}

class TextWithoutNul extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    return hasNul(node.value) ? { ...node, value: textWithoutNul(node.value) } : node
  }

  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    return node.values.some(hasNul) ? { ...node, values: node.values.map((value) => (hasNul(value) ? textWithoutNul(value) : value)) } : node
  }
}

export function hasNul(value: unknown): value is string {
  return typeof value === 'string' && value.includes('\u0000')
}

/** U+0000 replaced by U+FFFD, Unicode's "unrepresentable character". */
export function textWithoutNul(value: string): string {
  return value.replaceAll('\u0000', '\uFFFD')
}
