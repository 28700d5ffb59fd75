#!/usr/bin/python3
"""pyodbc (Debian's python3-pyodbc) catalog calls against the local warehouse: tables(),
columns(), primaryKeys(), foreignKeys(), statistics(), rowIdColumns(), getTypeInfo() and
procedures() on a schema holding a table pair with informational PRIMARY / FOREIGN KEYs and
a view, each answer compared with what the schema holds."""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import support  # noqa: E402

support.restart_with_sanitizer_preload()

import pyodbc  # noqa: E402

SCHEMA = "pycat"


class PyodbcCatalogTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        support.require_driver()
        cls.warehouse = support.Warehouse()
        try:
            for sql in (
                    f"CREATE SCHEMA main.{SCHEMA}",
                    f"CREATE TABLE main.{SCHEMA}.customers (id BIGINT NOT NULL, "
                    "name STRING COMMENT 'display name', "
                    "CONSTRAINT customers_pk PRIMARY KEY (id))",
                    f"CREATE TABLE main.{SCHEMA}.orders (order_id INT NOT NULL, "
                    "customer_id BIGINT, amount DECIMAL(12,2), placed TIMESTAMP, "
                    "CONSTRAINT orders_pk PRIMARY KEY (order_id), "
                    "CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) "
                    f"REFERENCES main.{SCHEMA}.customers (id))",
                    f"CREATE VIEW main.{SCHEMA}.big_orders AS "
                    f"SELECT * FROM main.{SCHEMA}.orders WHERE amount > 100"):
                cls.warehouse.direct_sql(sql)
            cls.cnxn = pyodbc.connect(cls.warehouse.connection_string(), autocommit=True)
        except Exception:
            cls.warehouse.stop()
            raise

    @classmethod
    def tearDownClass(cls):
        cls.cnxn.close()
        cls.warehouse.stop()

    def cursor(self):
        return self.cnxn.cursor()

    def test_tables_lists_tables_and_views_of_the_schema(self):
        rows = self.cursor().tables(catalog="main", schema=SCHEMA).fetchall()
        got = sorted((r.table_cat, r.table_schem, r.table_name, r.table_type) for r in rows)
        self.assertEqual(got, [("main", SCHEMA, "big_orders", "VIEW"),
                               ("main", SCHEMA, "customers", "TABLE"),
                               ("main", SCHEMA, "orders", "TABLE")])
        only_views = self.cursor().tables(catalog="main", schema=SCHEMA,
                                          tableType="VIEW").fetchall()
        self.assertEqual([r.table_name for r in only_views], ["big_orders"])
        self.assertEqual(self.cursor().tables(table="no_such_%", catalog="main",
                                              schema=SCHEMA).fetchall(), [])

    def test_columns_describe_each_column(self):
        rows = self.cursor().columns(table="orders", catalog="main", schema=SCHEMA).fetchall()
        self.assertEqual([r.column_name for r in rows],
                         ["order_id", "customer_id", "amount", "placed"])
        self.assertEqual([r.type_name for r in rows], ["INT", "BIGINT", "DECIMAL", "TIMESTAMP"])
        self.assertEqual([r.data_type for r in rows], [pyodbc.SQL_INTEGER, pyodbc.SQL_BIGINT,
                                                       pyodbc.SQL_DECIMAL,
                                                       pyodbc.SQL_TYPE_TIMESTAMP])
        self.assertEqual((rows[2].column_size, rows[2].decimal_digits), (12, 2))
        self.assertEqual([r.nullable for r in rows], [0, 1, 1, 1])
        self.assertEqual([r.is_nullable for r in rows], ["NO", "YES", "YES", "YES"])
        self.assertEqual([r.ordinal_position for r in rows], [1, 2, 3, 4])
        name = self.cursor().columns(table="customers", catalog="main", schema=SCHEMA,
                                     column="name").fetchall()
        self.assertEqual([(r.column_name, r.remarks) for r in name], [("name", "display name")])

    def test_primary_and_foreign_keys(self):
        pk = self.cursor().primaryKeys("orders", catalog="main", schema=SCHEMA).fetchall()
        self.assertEqual([(r.column_name, r.key_seq, r.pk_name) for r in pk],
                         [("order_id", 1, "orders_pk")])
        # Keys that point at customers.id, and the keys orders holds.
        for fk in (self.cursor().foreignKeys(table="customers", catalog="main",
                                             schema=SCHEMA).fetchall(),
                   self.cursor().foreignKeys(foreignTable="orders", foreignCatalog="main",
                                             foreignSchema=SCHEMA).fetchall()):
            self.assertEqual([(r.pktable_name, r.pkcolumn_name, r.fktable_name,
                               r.fkcolumn_name, r.key_seq, r.fk_name) for r in fk],
                             [("customers", "id", "orders", "customer_id", 1,
                               "orders_customer_fk")])
        self.assertEqual(self.cursor().foreignKeys(table="orders", catalog="main",
                                                   schema=SCHEMA).fetchall(), [])

    def test_statistics_and_row_id_columns_are_result_sets(self):
        stats = self.cursor().statistics("orders", catalog="main", schema=SCHEMA).fetchall()
        # Databricks has no indexes: at most the table's statistics row, never an index row.
        self.assertTrue(all(r.type == pyodbc.SQL_TABLE_STAT for r in stats), stats)
        # Informational keys are not enforced, so no column is promised to identify a row.
        row_id = self.cursor().rowIdColumns("orders", catalog="main", schema=SCHEMA)
        self.assertEqual([d[0].upper() for d in row_id.description][:3],
                         ["SCOPE", "COLUMN_NAME", "DATA_TYPE"])
        self.assertEqual(row_id.fetchall(), [])
        self.assertEqual(self.cursor().rowVerColumns("orders", catalog="main",
                                                     schema=SCHEMA).fetchall(), [])

    def test_get_type_info(self):
        rows = self.cursor().getTypeInfo().fetchall()
        names = [r.type_name for r in rows]
        for name in ("BOOLEAN", "TINYINT", "SMALLINT", "INT", "BIGINT", "FLOAT", "DOUBLE",
                     "DECIMAL", "STRING", "BINARY", "DATE", "TIMESTAMP"):
            self.assertIn(name, names)
        self.assertEqual([r.data_type for r in rows], sorted(r.data_type for r in rows),
                         "SQL_ALL_TYPES is sorted by DATA_TYPE")
        decimal = self.cursor().getTypeInfo(pyodbc.SQL_DECIMAL).fetchall()
        self.assertEqual([(r.type_name, r.create_params) for r in decimal],
                         [("DECIMAL", "precision,scale")])
        self.assertTrue(all(r.column_size and r.column_size > 0 for r in
                            self.cursor().getTypeInfo(pyodbc.SQL_WVARCHAR).fetchall()))

    def test_procedures_is_a_result_set(self):
        rows = self.cursor().procedures(catalog="main", schema=SCHEMA).fetchall()
        self.assertEqual(rows, [])  # the schema has no procedures; an empty answer, no error
        description = [d[0].upper() for d in self.cursor().procedures(catalog="main",
                                                              schema=SCHEMA).description]
        self.assertEqual(description[:3], ["PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
