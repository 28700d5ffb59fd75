#!/usr/bin/python3
"""isql and iusql (unixODBC's command-line clients) against the local warehouse over TLS,
with the driver registered through odbcinst in a private ini folder: a DSN with SQLConnect,
a connection string with SQLDriverConnect (-k), SQLPrepare/SQLExecute and SQLExecDirect (-e),
the Unicode client, DML and errors."""

import os
import re
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import support  # noqa: E402

SEED = ("SELECT count(1) as trip_count, pickup_zip FROM samples.nyctaxi.trips "
        "GROUP BY pickup_zip LIMIT 10")


class IsqlTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dsn = "dbsql_isql"
        cls.warehouse, cls.ini = support.start_with_dsn(cls.dsn)

    @classmethod
    def tearDownClass(cls):
        cls.ini.remove()
        cls.warehouse.stop()

    def isql(self, args, sql, program="isql", delimited=True):
        """Runs the client in batch mode, verbose (diagnostics are printed), with
        tab-separated output and a header line unless `delimited` is false (then isql draws
        its table and reports SQLRowCount). Returns (exit code, stdout, stderr)."""
        cmd = [program, *args, "-b", "-v"] + (["-x0x09", "-c"] if delimited else [])
        proc = subprocess.run(cmd, input=sql + "\n", capture_output=True, text=True,
                              env=support.client_env(self.ini.dir), timeout=240)
        return proc.returncode, proc.stdout, proc.stderr

    def with_dsn(self):
        return [self.dsn, "token", self.warehouse.info["pat"]]

    def with_string(self, extra=""):
        return ["-k", self.warehouse.connection_string(extra)]

    def rows(self, stdout):
        """The tab-separated lines of a result, header first; isql's own summary lines
        (SQLRowCount, "n rows fetched") are left out."""
        out = []
        for line in stdout.splitlines():
            if not line or line.startswith("SQLRowCount") or line.endswith("rows fetched"):
                continue
            out.append(line.split("\t"))
        return out

    def assertClean(self, code, stdout, stderr):
        secret = self.warehouse.info["pat"]
        self.assertNotIn(secret, stdout + stderr, "the PAT appears in isql's output")
        self.assertEqual(code, 0, f"isql failed:\n{stdout}\n{stderr}")

    def test_seed_query_through_a_dsn_prints_ten_rows(self):
        code, out, err = self.isql(self.with_dsn(), SEED)
        self.assertClean(code, out, err)
        rows = self.rows(out)
        self.assertEqual(rows[0], ["trip_count", "pickup_zip"])
        self.assertEqual(len(rows), 11, out)
        for count, zipcode in rows[1:]:
            self.assertGreater(int(count), 0)
            self.assertTrue(zipcode.isdigit(), zipcode)

    def test_grouped_counts_match_the_warehouse(self):
        sql = ("SELECT pickup_zip, count(1) AS trip_count FROM samples.nyctaxi.trips "
               "GROUP BY pickup_zip ORDER BY pickup_zip")
        code, out, err = self.isql(self.with_string(), sql)
        self.assertClean(code, out, err)
        expected = self.warehouse.direct_sql(sql)
        self.assertEqual(self.rows(out)[1:], [[z, c] for z, c in expected])

    def test_types_through_a_connection_string(self):
        sql = ("SELECT CAST(42 AS INT) AS i, CAST(-9000000000 AS BIGINT) AS b, "
               "CAST(12.34 AS DECIMAL(5,2)) AS d, CAST(1.5 AS DOUBLE) AS f, "
               "CAST(true AS BOOLEAN) AS t, DATE'2024-02-29' AS dt, "
               "TIMESTAMP_NTZ'2024-02-29 12:34:56' AS ts, array(1, 2) AS a, NULL AS n")
        code, out, err = self.isql(self.with_string(), sql)
        self.assertClean(code, out, err)
        rows = self.rows(out)
        self.assertEqual(rows[0], ["i", "b", "d", "f", "t", "dt", "ts", "a", "n"])
        values = rows[1]
        self.assertEqual(values[:6], ["42", "-9000000000", "12.34", "1.5", "1", "2024-02-29"])
        self.assertTrue(values[6].startswith("2024-02-29 12:34:56"), values[6])
        self.assertEqual(values[7], "[1,2]")
        self.assertEqual(values[8], "")  # isql prints NULL as an empty field

    def test_exec_direct_dml_and_read_back(self):
        statements = "\n".join([
            "CREATE TABLE main.default.isql_dml (id INT, name STRING)",
            "INSERT INTO main.default.isql_dml VALUES (1, 'one'), (2, 'two')",
            "UPDATE main.default.isql_dml SET name = 'TWO' WHERE id = 2",
            "SELECT id, name FROM main.default.isql_dml ORDER BY id",
            "DROP TABLE main.default.isql_dml",
        ])
        code, out, err = self.isql(["-e", *self.with_string()], statements, delimited=False)
        self.assertClean(code, out, err)
        counts = re.findall(r"^SQLRowCount returns (-?\d+)$", out, re.M)
        self.assertEqual(counts[1:3], ["2", "1"], out)  # the INSERT, the UPDATE
        table = [re.split(r"\s*\|\s*", line.strip("| ")) for line in out.splitlines()
                 if line.startswith("| ")]
        self.assertEqual(table, [["id", "name"], ["1", "one"], ["2", "TWO"]])
        self.assertIn("2 rows fetched", out)

    def test_unicode_client_iusql(self):
        sql = "SELECT 'h\u00e9llo \u4e16\u754c' AS greeting, CAST(7 AS INT) AS seven"
        # iusql has no -k: it connects through the DSN.
        code, out, err = self.isql(self.with_dsn(), sql, program="iusql")
        self.assertClean(code, out, err)
        rows = self.rows(out)
        self.assertEqual(rows[1], ["h\u00e9llo \u4e16\u754c", "7"])

    def test_syntax_error_is_reported_with_its_sqlstate(self):
        code, out, err = self.isql(self.with_string(), "SELEC 1")
        self.assertIn("42601", out + err)
        self.assertIn("[dbsql-odbc]", out + err)

    def test_wrong_token_fails_to_connect_with_28000(self):
        args = ["-k", f"Driver={support.DRIVER_PATH};{self.warehouse.location_keys()}"
                      "AuthMech=3;UID=token;PWD=dapi-wrong-token;"]
        code, out, err = self.isql(args, "SELECT 1")
        self.assertNotEqual(code, 0)
        self.assertIn("28000", out + err)


if __name__ == "__main__":
    unittest.main(verbosity=2)
