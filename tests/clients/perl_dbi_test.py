#!/usr/bin/python3
"""Perl DBI with DBD::ODBC (libdbd-odbc-perl) against the local warehouse over TLS: runs
perl_dbi_check.pl (Test::More) with a DSN and a connection string, and checks every
assertion there passed and that the PAT never appears in its output."""

import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import support  # noqa: E402

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "perl_dbi_check.pl")


class PerlDbiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dsn = "dbsql_perl"
        cls.warehouse, cls.ini = support.start_with_dsn(cls.dsn)

    @classmethod
    def tearDownClass(cls):
        cls.ini.remove()
        cls.warehouse.stop()

    def test_dbi_usage_and_catalog_calls(self):
        self.warehouse.direct_sql(
            "CREATE TABLE main.default.perl_dbi (id INT NOT NULL, name STRING, "
            "amount DECIMAL(10,2), ts TIMESTAMP, CONSTRAINT perl_dbi_pk PRIMARY KEY (id))")
        env = support.client_env(self.ini.dir)
        env["PERL_DBI_DSN"] = self.dsn
        env["PERL_DBI_PAT"] = self.warehouse.info["pat"]
        env["PERL_DBI_CONNECTION_STRING"] = self.warehouse.connection_string()
        proc = subprocess.run(["perl", SCRIPT], capture_output=True, text=True, env=env,
                              timeout=300)
        output = proc.stdout + proc.stderr
        self.assertNotIn(self.warehouse.info["pat"], output, "the PAT appears in the output")
        print(output, file=sys.stderr)
        self.assertEqual(proc.returncode, 0, "a Perl DBI assertion failed (see above)")
        self.assertNotIn("not ok", proc.stdout)
        self.assertRegex(proc.stdout, r"\n1\.\.\d+\n?$", "Test::More ran to done_testing")


if __name__ == "__main__":
    unittest.main(verbosity=2)
