// Start-up data for the metadata side: the legacy `hive_metastore` catalog a
// workspace still shows next to Unity Catalog (a schema with two tables and a
// view, no information_schema), and, with --seed-tables=N, the schema
// main.wide_schema of N small tables for catalog-function benchmarks and cache tests.
// Both are idempotent, so a data dir can be reused across restarts.

const HIVE_SQL = `
  CREATE SCHEMA IF NOT EXISTS hive_metastore."default";
  CREATE SCHEMA IF NOT EXISTS hive_metastore.legacy_sales;
  CREATE TABLE IF NOT EXISTS hive_metastore.legacy_sales.customers (customer_id INTEGER, name VARCHAR, city VARCHAR);
  CREATE TABLE IF NOT EXISTS hive_metastore.legacy_sales.orders (order_id BIGINT, customer_id INTEGER,
    amount DECIMAL(10,2), ordered_at TIMESTAMPTZ);
  CREATE VIEW IF NOT EXISTS hive_metastore.legacy_sales.big_orders AS
    SELECT order_id, amount FROM hive_metastore.legacy_sales.orders WHERE amount > 100;
  COMMENT ON TABLE hive_metastore.legacy_sales.customers IS 'Customers from the old data lake';`;

const HIVE_ROWS = `
  INSERT INTO hive_metastore.legacy_sales.customers VALUES (1, 'Ann', 'Oslo'), (2, 'Bob', 'Lima'), (3, 'Cem', 'Izmir');
  INSERT INTO hive_metastore.legacy_sales.orders VALUES (10, 1, 25.50, TIMESTAMPTZ '2023-03-01 10:00:00+00'),
    (11, 1, 180.00, TIMESTAMPTZ '2023-03-02 11:30:00+00'), (12, 3, 99.99, TIMESTAMPTZ '2023-03-05 09:15:00+00');`;

export async function seedHive(con) {
  const fresh = Number((await con.runAndReadAll(`SELECT count(*) FROM duckdb_tables()
    WHERE database_name = 'hive_metastore' AND schema_name = 'legacy_sales'`)).getRows()[0][0]) === 0;
  await con.run(HIVE_SQL);
  if (fresh) await con.run(HIVE_ROWS);
}

// Column sets rotated over the tables, so the benchmark schema covers every
// type family a catalog function has to map.
const SHAPES = [
  'id BIGINT NOT NULL, name VARCHAR, amount DECIMAL(12,2), created_at TIMESTAMPTZ, is_active BOOLEAN',
  'id INTEGER NOT NULL, code VARCHAR, ratio DOUBLE, day DATE, tags VARCHAR[], local_ts TIMESTAMP',
  'id BIGINT NOT NULL, payload BLOB, qty SMALLINT, price DECIMAL(8,4), attrs MAP(VARCHAR, INTEGER)',
  'id INTEGER NOT NULL, label VARCHAR, score FLOAT, flag TINYINT, addr STRUCT(city VARCHAR, zip INTEGER), note VARCHAR',
];

export const wideTableName = (i) => `t${String(i).padStart(4, '0')}`;

export async function seedWideSchema(con, count) {
  if (!count) return;
  const ddl = ['CREATE SCHEMA IF NOT EXISTS main_db.wide_schema;'];
  for (let i = 1; i <= count; i++) {
    ddl.push(`CREATE TABLE IF NOT EXISTS main_db.wide_schema.${wideTableName(i)} (${SHAPES[(i - 1) % SHAPES.length]});`);
  }
  await con.run(`BEGIN; ${ddl.join('\n')} COMMIT;`);
}

// Records the objects seeded above (or found from an earlier run) as created now.
export async function recordUnknownRelations(con) {
  for (const db of ['main_db', 'hive_metastore']) {
    await con.run(`INSERT INTO ${db}.main.dbx_relations (schema_name, table_name, table_type, created)
      SELECT schema_name, table_name, CASE WHEN is_view THEN 'VIEW' ELSE 'MANAGED' END, now() FROM (
        SELECT schema_name, table_name, false AS is_view FROM duckdb_tables() WHERE database_name = '${db}'
        UNION ALL SELECT schema_name, view_name, true FROM duckdb_views() WHERE database_name = '${db}' AND NOT internal) t
      WHERE schema_name <> 'main' AND NOT EXISTS (SELECT 1 FROM ${db}.main.dbx_relations r
        WHERE lower(r.schema_name) = lower(t.schema_name) AND lower(r.table_name) = lower(t.table_name))`);
  }
}
