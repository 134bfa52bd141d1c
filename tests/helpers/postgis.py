"""A real, throw-away PostgreSQL/PostGIS cluster for the database tests.

``tools/qgis_env.sh`` installs PostgreSQL with PostGIS (Debian packages). The session fixture
``postgis`` makes a cluster in a temporary folder (``initdb``), starts it on its own Unix socket
in that folder (no TCP port at all, so it never meets another server on the machine), creates a
database with the PostGIS extension, yields a :class:`PostGIS` with the connection details, and
stops and deletes the cluster afterwards. As root (inside the Debian root of the environment)
the server runs as the ``postgres`` user, as PostgreSQL refuses to run as root.

No mock: the algorithms read and write through QGIS's own ``postgres`` provider.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

DBNAME = "gi_test"
SUPERUSER = "postgres"


def _bin_dir() -> Path | None:
    """The newest PostgreSQL server binaries that also have the PostGIS extension."""
    for bindir in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: float(Path(p).parent.name), reverse=True):
        version = Path(bindir).parent.name
        if Path(bindir, "initdb").exists() and Path(f"/usr/share/postgresql/{version}/extension/postgis.control").exists():
            return Path(bindir)
    return None


@dataclass
class PostGIS:
    """Connection details of the running test cluster, with helpers to build test tables."""

    socket_dir: str
    port: int
    dbname: str = DBNAME
    user: str = SUPERUSER

    # -- connection strings ------------------------------------------------------------------
    def conninfo(self, user: str | None = None) -> str:
        """libpq connection string (also what QGIS's ``postgres`` URIs start with)."""
        return f"dbname='{self.dbname}' host='{self.socket_dir}' port={self.port} user='{user or self.user}'"

    def uri(self, table: str, schema: str = "public", geom: str | None = "geom", key: str | None = None,
            srid: int | None = None, wkb_type: str | None = None, user: str | None = None) -> str:
        """A QGIS ``postgres`` layer URI for ``schema.table``."""
        parts = [self.conninfo(user)]
        if key:
            parts.append(f"key='{key}'")
        if srid:
            parts.append(f"srid={srid}")
        if wkb_type:
            parts.append(f"type={wkb_type}")
        parts.append(f'table="{schema}"."{table}"' + (f" ({geom})" if geom else ""))
        return " ".join(parts)

    def source(self, table: str, schema: str = "public", geom: str = "geom", key: str | None = None,
               wkb_type: str | None = None, user: str | None = None) -> str:
        """A Processing input string for the table: ``postgres://`` + its URI."""
        return "postgres://" + self.uri(table, schema, geom, key=key, wkb_type=wkb_type, user=user)

    def destination(self, table: str, schema: str = "public", user: str | None = None) -> str:
        """A Processing sink destination: ``postgis:`` + the URI of the table to create."""
        return "postgis:" + self.uri(table, schema, "geom", user=user)

    def url(self, table: str, schema: str = "public") -> str:
        """The same destination in the ``postgres://`` form (provider key + URI)."""
        return "postgres://" + self.uri(table, schema, "geom")

    # -- SQL ---------------------------------------------------------------------------------
    def connect(self, user: str | None = None):
        import psycopg2

        conn = psycopg2.connect(dbname=self.dbname, host=self.socket_dir, port=self.port, user=user or self.user)
        conn.autocommit = True
        return conn

    def execute(self, sql: str, params=None) -> None:
        with self.connect() as conn, conn.cursor() as cur:
            cur.execute(sql, params)
        conn.close()

    def query(self, sql: str, params=None) -> list[tuple]:
        conn = self.connect()
        try:
            with conn.cursor() as cur:
                cur.execute(sql, params)
                return cur.fetchall()
        finally:
            conn.close()

    def tables(self, schema: str = "public") -> set[str]:
        return {r[0] for r in self.query(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = %s", (schema,))}


class Cluster:
    """initdb / pg_ctl around a temporary folder; runs as ``postgres`` when we are root.
    (Also used by ``make bench`` for its PostGIS rows.)"""

    def __init__(self) -> None:
        self.bindir = _bin_dir()
        if self.bindir is None:
            raise RuntimeError(
                "PostgreSQL with PostGIS is not installed (no /usr/lib/postgresql/*/bin/initdb with "
                "postgis.control). Run the tests through `make test` or `bash tools/qgis_env.sh run …`, "
                "which installs it, or install the packages postgresql and postgis.")
        self.as_postgres = os.geteuid() == 0
        self.folder = Path(tempfile.mkdtemp(prefix="gi_pg_"))
        self.data = self.folder / "data"
        self.port = 54000 + os.getpid() % 1000  # names the socket file only: no TCP listener
        if self.as_postgres:
            pw = pwd.getpwnam("postgres")
            os.chown(self.folder, pw.pw_uid, pw.pw_gid)
        os.chmod(self.folder, 0o755)

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        who = {"user": "postgres", "group": "postgres", "extra_groups": []} if self.as_postgres else {}
        return subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=self.folder, **who)

    def start(self) -> PostGIS:
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
        opts = (f"-k {self.folder} -p {self.port} -c listen_addresses='' -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"), "-o", opts, "-w", "start")
        self._watch()
        info = PostGIS(socket_dir=str(self.folder), port=self.port)
        import psycopg2

        conn = psycopg2.connect(dbname="postgres", host=info.socket_dir, port=info.port, user=SUPERUSER)
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(f"CREATE DATABASE {DBNAME}")
        conn.close()
        info.execute("CREATE EXTENSION postgis")
        return info

    def _watch(self) -> None:
        """A watchdog that stops the server and removes its folder when this process ends
        without :meth:`stop` (a crash of the test process must not leave a server running)."""
        pidfile = self.data / "postmaster.pid"
        script = (f"while kill -0 {os.getpid()} 2>/dev/null; do sleep 1; done; "
                  f"[ -f '{pidfile}' ] && kill -QUIT \"$(head -1 '{pidfile}')\" 2>/dev/null; "
                  f"sleep 1; rm -rf '{self.folder}'")
        subprocess.Popen(["sh", "-c", script], start_new_session=True,
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def stop(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgis():
    """A running PostGIS database for this test session (stopped and removed afterwards)."""
    try:
        cluster = Cluster()
    except RuntimeError as err:
        pytest.fail(str(err))
    try:
        info = cluster.start()
    except (OSError, subprocess.CalledProcessError) as err:
        cluster.stop()
        detail = getattr(err, "stderr", None) or getattr(err, "stdout", None) or str(err)
        pytest.fail(f"the test PostgreSQL cluster did not start: {detail}")
    try:
        yield info
    finally:
        cluster.stop()
