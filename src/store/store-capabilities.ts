import type { ColumnDataType, ColumnDefinitionBuilder } from 'kysely'

/**
 * What differs between the SQL engines, chosen once in open-store.ts (the Kysely
 * DialectAdapter idea): shared code asks this object instead of testing the dialect.
 */
export interface StoreCapabilities {
  readonly dialect: 'sqlite' | 'postgres'
  /** Type and modifiers of an auto-generated integer primary key. */
  readonly idColumn: {
    readonly type: ColumnDataType
    readonly build: (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder
  }
}
