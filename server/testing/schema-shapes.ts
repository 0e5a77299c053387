import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import type { SqlClient } from "../db/sql-client";

/**
 * What a database's schema should be, read from schema.prisma through Prisma's DMMF, and what it is,
 * read from information_schema and pg_catalog, as comparable shapes: for the migrations' test.
 */
interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
}

interface DmmfModel {
  name: string;
  dbName: string | null;
  schema?: string | null;
  fields: DmmfField[];
}

interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  fields: Array<{ name: string }>;
}

interface Dmmf {
  datamodel: {
    models: DmmfModel[];
    enums: Array<{ name: string; dbName?: string | null }>;
    indexes: DmmfIndex[];
  };
}

/** One column as information_schema describes it, reduced to a comparable signature. */
export interface ColumnShape {
  table: string;
  column: string;
  type: string;
  nullable: boolean;
}

export interface IndexShape {
  table: string;
  kind: "primary" | "unique" | "normal";
  columns: string[];
}

export interface ForeignKeyShape {
  table: string;
  columns: string[];
  references: string;
  referencedColumns: string[];
}

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Boolean: "boolean",
  DateTime: "timestamp without time zone(3)",
  Json: "jsonb",
  Bytes: "bytea",
  Decimal: "numeric(65,30)",
};

/** The Postgres type Prisma gives a field, in the same form `describeColumnType` writes. */
function expectedColumnType(model: DmmfModel, field: DmmfField, enumDbNames: Map<string, string>): string {
  const where = `${model.name}.${field.name} (${field.type}${field.nativeType ? ` @db.${field.nativeType[0]}(${field.nativeType[1].join(",")})` : ""})`;
  if (field.isList) throw new Error(`schema-shapes.ts has no mapping for list field ${where}; extend expectedColumnType`);
  if (field.kind === "enum") return `enum ${enumDbNames.get(field.type) ?? field.type}`;
  if (field.kind !== "scalar")
    throw new Error(`schema-shapes.ts has no mapping for ${field.kind} field ${where}; extend expectedColumnType`);
  if (field.nativeType) {
    const [native, args] = field.nativeType;
    const key = `${field.type}:${native}`;
    switch (key) {
      case "DateTime:Timestamptz":
        return `timestamp with time zone(${args[0] ?? "6"})`;
      case "DateTime:Timestamp":
        return `timestamp without time zone(${args[0] ?? "6"})`;
      case "DateTime:Date":
        return "date";
      case "String:Text":
        return "text";
      case "String:VarChar":
        return args[0] === undefined ? "character varying" : `character varying(${args[0]})`;
      case "String:Uuid":
        return "uuid";
      case "Int:Integer":
        return "integer";
      case "Float:DoublePrecision":
        return "double precision";
      case "Json:JsonB":
        return "jsonb";
      default:
        throw new Error(`schema-shapes.ts has no mapping for native type of ${where}; extend expectedColumnType`);
    }
  }
  const type = SCALAR_TYPES[field.type];
  if (type === undefined) throw new Error(`schema-shapes.ts has no mapping for scalar type of ${where}; extend SCALAR_TYPES`);
  return type;
}

/** A column's type from information_schema in the form expectedColumnType writes. */
function describeColumnType(row: {
  data_type: string;
  udt_name: string;
  datetime_precision: number | null;
  character_maximum_length: number | null;
  numeric_precision: number | null;
  numeric_scale: number | null;
}): string {
  if (row.data_type.startsWith("timestamp")) return `${row.data_type}(${row.datetime_precision})`;
  if (row.data_type === "character varying" && row.character_maximum_length !== null) {
    return `character varying(${row.character_maximum_length})`;
  }
  if (row.data_type === "numeric" && row.numeric_precision !== null) return `numeric(${row.numeric_precision},${row.numeric_scale})`;
  if (row.data_type === "USER-DEFINED") return `enum ${row.udt_name}`;
  if (row.data_type === "ARRAY") return `array ${row.udt_name}`;
  return row.data_type;
}

export function expectedSchema(dmmf: Dmmf): {
  tables: string[];
  columns: ColumnShape[];
  indexes: IndexShape[];
  foreignKeys: ForeignKeyShape[];
} {
  const enumDbNames = new Map(dmmf.datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const models = new Map(dmmf.datamodel.models.map((m) => [m.name, m]));
  const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
  const columnOf = (model: DmmfModel, fieldName: string) => {
    const field = model.fields.find((f) => f.name === fieldName);
    if (!field) throw new Error(`DMMF names field ${model.name}.${fieldName}, which the model lacks`);
    return field.dbName ?? field.name;
  };

  const columns: ColumnShape[] = [];
  const foreignKeys: ForeignKeyShape[] = [];
  for (const model of dmmf.datamodel.models) {
    if (model.schema) throw new Error(`schema-shapes.ts only checks the public schema; ${model.name} is in ${model.schema}`);
    for (const field of model.fields) {
      if (field.kind === "object") {
        // The side of a relation holding the foreign key names its columns; the other side has none.
        if (field.relationFromFields && field.relationFromFields.length > 0) {
          const target = models.get(field.type)!;
          foreignKeys.push({
            table: tableOf(model),
            columns: field.relationFromFields.map((f) => columnOf(model, f)),
            references: tableOf(target),
            referencedColumns: (field.relationToFields ?? []).map((f) => columnOf(target, f)),
          });
        }
        continue;
      }
      columns.push({
        table: tableOf(model),
        column: field.dbName ?? field.name,
        type: expectedColumnType(model, field, enumDbNames),
        nullable: !field.isRequired,
      });
    }
  }

  const indexes: IndexShape[] = dmmf.datamodel.indexes.map((index) => {
    const model = models.get(index.model)!;
    if (index.type === "fulltext") throw new Error(`schema-shapes.ts has no mapping for fulltext index on ${index.model}`);
    return {
      table: tableOf(model),
      kind: index.type === "id" ? "primary" : index.type,
      columns: index.fields.map((f) => columnOf(model, f.name)),
    };
  });

  return { tables: dmmf.datamodel.models.map(tableOf), columns, indexes, foreignKeys };
}

export async function actualSchema(
  client: SqlClient,
): Promise<{ tables: string[]; columns: ColumnShape[]; indexes: IndexShape[]; foreignKeys: ForeignKeyShape[] }> {
  const tables = await client.query<{ table_name: string; table_type: string }>(
    `SELECT table_name, table_type FROM information_schema.tables
     WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  );
  const columns = await client.query<{
    table_name: string;
    column_name: string;
    is_nullable: "YES" | "NO";
    data_type: string;
    udt_name: string;
    datetime_precision: number | null;
    character_maximum_length: number | null;
    numeric_precision: number | null;
    numeric_scale: number | null;
  }>(
    `SELECT table_name, column_name, is_nullable, data_type, udt_name, datetime_precision,
            character_maximum_length, numeric_precision, numeric_scale
     FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  );
  const indexes = await client.query<{
    table_name: string;
    index_name: string;
    is_primary: boolean;
    is_unique: boolean;
    columns: string[];
  }>(
    `SELECT t.relname AS table_name, i.relname AS index_name, ix.indisprimary AS is_primary, ix.indisunique AS is_unique,
            ARRAY(SELECT a.attname::text
                  FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                  ORDER BY k.ord) AS columns
     FROM pg_index ix
     JOIN pg_class t ON t.oid = ix.indrelid
     JOIN pg_class i ON i.oid = ix.indexrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'`,
  );
  const constraints = await client.query<{
    table_name: string;
    contype: string;
    columns: string[];
    references: string | null;
    referenced_columns: string[] | null;
  }>(
    `SELECT t.relname AS table_name, c.contype::text AS contype,
            ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
            r.relname::text AS references,
            CASE WHEN c.confrelid = 0 THEN NULL ELSE
              ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.ord) END AS referenced_columns
     FROM pg_constraint c
     JOIN pg_class t ON t.oid = c.conrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     LEFT JOIN pg_class r ON r.oid = c.confrelid
     WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations' AND c.contype IN ('p', 'u', 'f', 'c', 'x')`,
  );

  // Prisma creates tables only: a view or other relation in public is not from schema.prisma.
  for (const t of tables) expect(`${t.table_name}: ${t.table_type}`).toBe(`${t.table_name}: BASE TABLE`);
  // Primary keys are constraints, uniques are unique indexes, relations are foreign keys; nothing else.
  const primaryKeys = constraints
    .filter((c) => c.contype === "p")
    .map((c) => ({ table: c.table_name, kind: "primary" as const, columns: c.columns }));
  const unexpected = constraints.filter((c) => c.contype !== "p" && c.contype !== "f");
  expect(unexpected, "constraints Prisma would not create (unique constraints, checks, exclusions)").toEqual([]);
  const primaryIndexes = indexes
    .filter((i) => i.is_primary)
    .map((i) => ({ table: i.table_name, kind: "primary" as const, columns: i.columns }));
  expect(sortShapes(primaryIndexes)).toEqual(sortShapes(primaryKeys));

  return {
    tables: tables.map((t) => t.table_name),
    columns: columns.map((c) => ({
      table: c.table_name,
      column: c.column_name,
      type: describeColumnType(c),
      nullable: c.is_nullable === "YES",
    })),
    indexes: indexes.map((i) => ({
      table: i.table_name,
      kind: i.is_primary ? "primary" : i.is_unique ? "unique" : "normal",
      columns: i.columns,
    })),
    foreignKeys: constraints
      .filter((c) => c.contype === "f")
      .map((c) => ({ table: c.table_name, columns: c.columns, references: c.references!, referencedColumns: c.referenced_columns! })),
  };
}

function sortShapes<T>(items: T[]): T[] {
  return [...items].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** What `expected` has that `actual` lacks, and the reverse, as sorted JSON lines. */
export function diffShapes<T>(actual: T[], expected: T[]): { missing: string[]; extra: string[] } {
  const key = (item: T) => JSON.stringify(item);
  const actualKeys = new Set(actual.map(key));
  const expectedKeys = new Set(expected.map(key));
  return {
    missing: [...expectedKeys].filter((k) => !actualKeys.has(k)).sort(),
    extra: [...actualKeys].filter((k) => !expectedKeys.has(k)).sort(),
  };
}

/** Asserts `actual` and `expected` hold the same items, listing what is missing and what is extra. */
export function expectSameSet<T>(what: string, actual: T[], expected: T[]): void {
  expect({ what, ...diffShapes(actual, expected) }).toEqual({ what, missing: [], extra: [] });
  // No duplicates either (two identical indexes, say).
  expect(actual.length, `${what}: duplicates in the database`).toBe(new Set(actual.map((a) => JSON.stringify(a))).size);
}

export async function loadDmmf(): Promise<Dmmf> {
  const wasm = await import("@prisma/prisma-schema-wasm");
  const prismaSchema = readFileSync(path.resolve(process.cwd(), "prisma/schema.prisma"), "utf8");
  return JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema }))) as Dmmf;
}
