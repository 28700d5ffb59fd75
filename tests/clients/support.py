"""Shared set-up of the real-client tests (isql, pyodbc): the local warehouse as a child
process on free ports, a private unixODBC ini folder with the driver registered through
odbcinst, and an independent way to ask the warehouse for the expected answer."""

import ctypes
import json
import os
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.request

DRIVER_PATH = os.environ.get("DBSQL_DRIVER_PATH", "")
WAREHOUSE_DIR = os.environ.get(
    "DBSQL_WAREHOUSE_DIR",
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "warehouse"))
DRIVER_NAME = "dbsql-odbc"


def clean_env():
    """The environment without a sanitizer runtime preloaded (for node and odbcinst)."""
    env = dict(os.environ)
    env.pop("LD_PRELOAD", None)
    return env


def restart_with_sanitizer_preload():
    """In the sanitizer build, the driver needs the ASan runtime loaded before anything else:
    restart this interpreter with it preloaded (children get a clean environment)."""
    preload = os.environ.get("DBSQL_CLIENT_PRELOAD")
    if preload and preload not in os.environ.get("LD_PRELOAD", ""):
        env = dict(os.environ, LD_PRELOAD=preload,
                   ASAN_OPTIONS=os.environ.get("DBSQL_CLIENT_ASAN_OPTIONS", "detect_leaks=0"))
        os.execve(sys.executable, [sys.executable, *sys.argv], env)


def client_env(ini_dir):
    """Environment for a client process that loads the driver: the private ini folder and,
    in the sanitizer build, the ASan runtime preloaded (it must come first)."""
    env = clean_env()
    env["ODBCSYSINI"] = ini_dir
    env["ODBCINI"] = os.path.join(ini_dir, "odbc.ini")
    preload = os.environ.get("DBSQL_CLIENT_PRELOAD")
    if preload:
        env["LD_PRELOAD"] = preload
        env["ASAN_OPTIONS"] = os.environ.get("DBSQL_CLIENT_ASAN_OPTIONS", "detect_leaks=0")
    return env


def _die_with_parent():
    """In the child before exec: SIGTERM when the test process dies (even by a crash), so
    no warehouse outlives its test. PR_SET_PDEATHSIG is 1."""
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)


class Warehouse:
    """node tests/warehouse/server.mjs on free ports; `info` is its start-up line."""

    def __init__(self, *flags, timeout=90):
        self.data_dir = tempfile.mkdtemp(prefix="dbsql-client-warehouse-")
        self.log_path = os.path.join(self.data_dir, "warehouse.log")
        self._log = open(self.log_path, "wb")
        node = os.environ.get("DBSQL_NODE", "node")
        cmd = [node, os.path.join(WAREHOUSE_DIR, "server.mjs"), "--port", "0",
               "--storage-port", "0", "--data-dir", os.path.join(self.data_dir, "data"), *flags]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=self._log,
                                     env=clean_env(), preexec_fn=_die_with_parent)
        deadline = time.monotonic() + timeout
        line = b""
        while not line.endswith(b"\n"):
            if time.monotonic() > deadline or self.proc.poll() is not None:
                self.stop()
                raise RuntimeError("the local warehouse did not start; log:\n" + self.log_tail())
            line += self.proc.stdout.readline()
        self.info = json.loads(line)
        self.host, self.port = self.info["host"].rsplit(":", 1)
        self.tls = "ca_file" in self.info

    def log_tail(self, limit=3000):
        try:
            with open(self.log_path, "rb") as f:
                return f.read()[-limit:].decode("utf-8", "replace")
        except OSError:
            return ""

    def location_keys(self):
        keys = f"Host={self.host};Port={self.port};HTTPPath={self.info['http_path']};"
        if self.tls:
            keys += f"SSL=1;TrustedCerts={self.info['ca_file']};"
        else:
            keys += "SSL=0;"
        return keys

    def connection_string(self, extra=""):
        """Driver path, location and the PAT: never print it."""
        return (f"Driver={DRIVER_PATH};{self.location_keys()}AuthMech=3;UID=token;"
                f"PWD={self.info['pat']};{extra}")

    def direct_sql(self, statement):
        """Runs `statement` on the warehouse over its REST API, without the driver: the
        independent answer the client's output is compared with. Returns data_array rows."""
        body = json.dumps({"statement": statement, "warehouse_id": self.info["warehouse_id"],
                           "wait_timeout": "30s", "disposition": "INLINE",
                           "format": "JSON_ARRAY"}).encode()
        req = urllib.request.Request(self.info["url"] + "/api/2.0/sql/statements", data=body,
                                     headers={"Authorization": "Bearer " + self.info["pat"],
                                              "Content-Type": "application/json"})
        ctx = ssl.create_default_context(cafile=self.info["ca_file"]) if self.tls else None
        with urllib.request.urlopen(req, context=ctx, timeout=60) as resp:
            answer = json.load(resp)
        if answer["status"]["state"] != "SUCCEEDED":
            raise RuntimeError(f"direct_sql failed: {answer['status']}")
        return answer.get("result", {}).get("data_array", [])

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc.stdout:
            self.proc.stdout.close()
        self._log.close()
        shutil.rmtree(self.data_dir, ignore_errors=True)


class OdbcIni:
    """A private unixODBC configuration folder: the driver registered with
    `odbcinst -i -d -f`, DSNs added with `odbcinst -i -s -l -f`."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="dbsql-client-odbcini-")
        env = self.env()
        template = os.path.join(self.dir, "driver.tmpl")
        with open(template, "w") as f:
            f.write(f"[{DRIVER_NAME}]\nDescription=dbsql-odbc under test\n"
                    f"Driver={DRIVER_PATH}\n")
        subprocess.run(["odbcinst", "-i", "-d", "-f", template], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        # odbcinst cannot add a DSN to an odbc.ini that does not exist yet.
        open(os.path.join(self.dir, "odbc.ini"), "a").close()

    def env(self):
        env = clean_env()
        env["ODBCSYSINI"] = self.dir
        env["ODBCINI"] = os.path.join(self.dir, "odbc.ini")
        return env

    def add_dsn(self, name, keys):
        """keys: "Key=Value;..." without credentials."""
        template = os.path.join(self.dir, f"{name}.tmpl")
        lines = [f"[{name}]", f"Driver={DRIVER_NAME}"]
        lines += [kv for kv in keys.split(";") if kv]
        with open(template, "w") as f:
            f.write("\n".join(lines) + "\n")
        subprocess.run(["odbcinst", "-i", "-s", "-l", "-f", template], env=self.env(),
                       check=True, stdout=subprocess.DEVNULL)

    def remove(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def start_with_dsn(dsn):
    """The usual set-up of a client test: a TLS warehouse, a private ini folder with the
    driver registered, and a DSN (without credentials) pointing at the warehouse."""
    require_driver()
    warehouse = Warehouse("--tls")
    try:
        ini = OdbcIni()
        ini.add_dsn(dsn, warehouse.location_keys() + "AuthMech=3;")
    except Exception:
        warehouse.stop()
        raise
    return warehouse, ini


def require_driver():
    if not DRIVER_PATH or not os.path.exists(DRIVER_PATH):
        raise SystemExit(f"DBSQL_DRIVER_PATH does not name the built driver: {DRIVER_PATH!r}")
