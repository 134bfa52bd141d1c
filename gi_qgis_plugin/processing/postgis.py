"""PostGIS in and out: clear answers for database layers, and all-or-nothing output tables.

Reading goes through QGIS's own ``postgres`` provider (``postgres://…`` or a layer of the
project). Three things a file never does are handled here:

* **Layers QGIS cannot open** (a view without a key column, a geometry column holding several
  geometry types without ``type=``): Processing's own check says only "not found";
  :func:`explain_invalid_source` names the problem and the fix.
* **A connection lost while reading**: QGIS's feature iterator simply ends; :func:`check_complete`
  compares the rows read with the table's count and stops the run instead of scoring a part.
* **Writing** (the Processing destination ``postgis:…`` or ``postgres://…``): QGIS's exporter
  commits every batch, so a connection lost midway leaves a half-written table.
  :class:`OutputTable` has QGIS write into a fresh table of a temporary name, checks that every
  row arrived, and then replaces the target in one transaction (``DROP`` + ``ALTER TABLE …
  RENAME``). On any error or cancel the temporary table is dropped: the target table is either
  the complete new result or untouched. A role without the right to create the table gets a
  message naming the role, the table and the ``GRANT`` that fixes it, before anything is written.

Only the QGIS API is used (``QgsProviderRegistry`` connections), no database driver of its own.
"""

from __future__ import annotations

import re
import uuid

from qgis.core import (
    Qgis,
    QgsDataSourceUri,
    QgsFeatureSource,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProviderConnectionException,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsVectorLayerExporter,
)

from ..i18n import tr

PREFIXES = ("postgis:", "postgres://")
TMP_MARK = "_gi_tmp_"


# ----------------------------------------------------------------------------------------------
# URIs and SQL through QGIS's connection API
# ----------------------------------------------------------------------------------------------
def split_destination(value: str) -> tuple[str, str] | None:
    """(prefix, QGIS postgres URI) of a PostGIS destination string, else None."""
    text = (value or "").strip()
    for prefix in PREFIXES:
        if text.lower().startswith(prefix):
            return text[:len(prefix)], text[len(prefix):]
    return None


def _quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _quote_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def connection(uri: QgsDataSourceUri):
    """A QGIS provider connection for the database of ``uri`` (pooled by QGIS)."""
    meta = QgsProviderRegistry.instance().providerMetadata("postgres")
    if meta is None:
        raise QgsProcessingException(tr("This QGIS has no PostgreSQL provider: write to a GeoPackage instead."))
    plain = QgsDataSourceUri(uri.connectionInfo(False))
    return meta.createConnection(plain.uri(False), {})


def sql(conn, statement: str) -> list[list]:
    return conn.executeSql(statement)


def database_label(uri: QgsDataSourceUri) -> str:
    """``database`` or ``database on host`` for messages (never the password)."""
    db = uri.database() or uri.service() or "?"
    host = uri.host()
    return db if not host or host.startswith("/") else f"{db} ({host})"


def _lost_connection(err_text: str) -> bool:
    t = err_text.lower()
    return any(k in t for k in ("terminat", "server closed the connection", "connection", "no connection",
                                "could not receive", "could not send", "broken pipe", "eof detected"))


# ----------------------------------------------------------------------------------------------
# Reading: layers QGIS cannot open, and a connection lost while reading
# ----------------------------------------------------------------------------------------------
def postgres_uri_of(value) -> QgsDataSourceUri | None:
    """The postgres URI behind a parameter value (string ``postgres://…`` or a layer)."""
    if isinstance(value, QgsVectorLayer):
        return QgsDataSourceUri(value.source()) if value.providerType() == "postgres" else None
    if isinstance(value, str):
        text = value.strip()
        if text.lower().startswith("postgres://"):
            return QgsDataSourceUri(text[len("postgres://"):])
    return None


def explain_invalid_source(value) -> str | None:
    """Why QGIS could not open the database layer ``value``, and what to do; None if unknown."""
    uri = postgres_uri_of(value)
    if uri is None or not uri.table():
        return None
    schema = uri.schema() or "public"
    table = uri.table()
    name = f"{schema}.{table}"
    try:
        conn = connection(uri)
        kind = sql(conn, "SELECT c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                         f"WHERE n.nspname = {_quote_literal(schema)} AND c.relname = {_quote_literal(table)}")
    except (QgsProviderConnectionException, QgsProcessingException) as err:
        return tr("The database {db} cannot be reached ({err}). Check the connection (host, port, user, password) and run again.").format(
            db=database_label(uri), err=_first_line(str(err)))
    if not kind:
        return tr("The table {table} does not exist in the database {db}. Check the schema and table name of the layer.").format(
            table=name, db=database_label(uri))
    geom = uri.geometryColumn()
    if geom and uri.wkbType() == Qgis.WkbType.Unknown:
        types = _geometry_types(conn, schema, table, geom)
        if len(types) > 1:
            return tr("The geometry column {col} of {table} holds several geometry types ({types}). Choose the polygons: add type=MultiPolygon (or type=Polygon) to the layer's source, pick the polygon layer of this table in the Browser, or make a view that selects only polygons.").format(
                col=geom, table=name, types=", ".join(types))
    if kind[0][0] in ("v", "m") and not uri.keyColumn():
        return tr("The view {table} has no key column that QGIS can use, so QGIS cannot open it. Name a column with unique integer values as key: in the layer's source add key='<column>' (e.g. postgres://… key='gid' table=…), or choose the feature id column when adding the view in the Data Source Manager.").format(
            table=name)
    return None


def _geometry_types(conn, schema: str, table: str, geom: str) -> list[str]:
    rows = sql(conn, f"SELECT DISTINCT GeometryType({_quote_ident(geom)}) FROM {_quote_ident(schema)}.{_quote_ident(table)} "
                     f"WHERE {_quote_ident(geom)} IS NOT NULL LIMIT 10")
    return sorted(str(r[0]).upper() for r in rows if r and r[0])


def _first_line(text: str) -> str:
    lines = [t.strip() for t in str(text).splitlines() if t.strip()]
    return lines[0] if lines else str(text)


def warn_about_source(value, layer_name: str, feedback: QgsProcessingFeedback | None) -> None:
    """Warnings for database layers that QGIS opens but that deserve a word: a table without a
    primary key (rows numbered by their physical position), a type filter on a column of several
    geometry types (the other rows are not scored)."""
    uri = postgres_uri_of(value)
    if uri is None or feedback is None or not uri.table():
        return
    schema = uri.schema() or "public"
    table = uri.table()
    try:
        conn = connection(uri)
        kind = sql(conn, "SELECT c.relkind, EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary) "
                         "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                         f"WHERE n.nspname = {_quote_literal(schema)} AND c.relname = {_quote_literal(table)}")
        if kind and kind[0][0] in ("r", "p") and not _truthy(kind[0][1]) and not uri.keyColumn():
            feedback.pushWarning(tr("Table {table} of layer {name} has no primary key: QGIS numbers its rows by their physical position (ctid), which changes when rows are updated, so the output cannot be joined back by feature id. Give the table a primary key (ALTER TABLE {table} ADD COLUMN gid serial PRIMARY KEY) for ids that last.").format(
                table=f"{schema}.{table}", name=layer_name))
        geom = uri.geometryColumn()
        if geom and uri.wkbType() != Qgis.WkbType.Unknown:
            types = _geometry_types(conn, schema, table, geom)
            if len(types) > 1:
                feedback.pushWarning(tr("The geometry column {col} of {table} holds several geometry types ({types}); the layer reads only one of them, the rows of the other types are not in the output.").format(
                    col=geom, table=f"{schema}.{table}", types=", ".join(types)))
    except (QgsProviderConnectionException, QgsProcessingException):
        return


def _truthy(value) -> bool:
    return value is True or str(value).lower() in ("t", "true", "1")


def check_complete(value, source: QgsFeatureSource, read: int, layer_name: str) -> None:
    """Stop the run when a database layer gave fewer rows than it holds: QGIS's iterator ends
    quietly when the connection is lost. (Not with estimated metadata, whose count is a guess.)"""
    uri = postgres_uri_of(value)
    if uri is None or uri.useEstimatedMetadata():
        return
    expected = source.featureCount()
    if expected < 0 or read >= expected:
        return
    raise QgsProcessingException(tr("Only {read} of {n} features of {name} could be read: the connection to the database was lost while reading. Nothing was written; run again when the database is reachable.").format(
        read=read, n=expected, name=layer_name))


# ----------------------------------------------------------------------------------------------
# Writing: all or nothing
# ----------------------------------------------------------------------------------------------
class OutputTable:
    """The sink of one Processing output; for a PostGIS destination, all or nothing.

    Use::

        out = OutputTable.open(alg, parameters, alg.OUTPUT, context, fields, wkb_type, crs)
        with out:
            written = layers.write_sink(out.sink, …)
            dest = out.commit(written)

    Leaving the ``with`` block without ``commit`` (an error, a cancel) drops the temporary
    table. For every other destination (files, memory) this is the plain Processing sink.
    """

    def __init__(self, sink, dest: str, context: QgsProcessingContext, pg: _PgTarget | None = None):
        self.sink = sink
        self.dest = dest
        self.context = context
        self.pg = pg
        self.done = pg is None
        self.load_key = dest  # the key under which Processing loads the output on completion

    @classmethod
    def open(cls, alg, parameters: dict, name: str, context: QgsProcessingContext, fields, wkb_type, crs) -> OutputTable:
        value = alg.parameterAsOutputLayer(parameters, name, context)
        parts = split_destination(value) if isinstance(value, str) else None
        if parts is None:
            sink, dest = alg.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
            if sink is None:
                raise QgsProcessingException(alg.invalidSinkError(parameters, name))
            return cls(sink, dest, context)
        prefix, raw = parts
        target = _PgTarget(prefix, QgsDataSourceUri(raw))
        target.check_rights()
        # QGIS's own exporter, as Processing uses for a database sink, but held here: Processing's
        # sink keeps up to 100 MB of features before it writes and cannot be made to write
        # earlier, so a city would reach the database in a few large, unobservable commits
        exporter = QgsVectorLayerExporter(target.tmp_uri().uri(False), "postgres", fields, wkb_type, crs, True, {})
        if exporter.errorCode() != Qgis.VectorExportResult.Success:
            message = exporter.errorMessage()
            del exporter
            raise target.fail(message)
        # the destination as given: Processing loads the output under this key when asked to
        return cls(exporter, value, context, target)

    def commit(self, written: int) -> str:
        """Make the output final; returns its destination string."""
        if self.pg is None:
            self.done = True
            return self.dest
        self._close_sink()
        self.pg.publish(written)
        self.done = True
        self._load_as_layer()
        return self.dest

    def _load_as_layer(self) -> None:
        """When the output is to be loaded (the dialog asks so), hand Processing the finished
        table as a layer of the context's store, as it does for the sinks it makes itself."""
        if not self.context.willLoadLayerOnCompletion(self.dest):
            return
        pending = dict(self.context.layersToLoadOnCompletion())
        details = pending.pop(self.dest)
        layer = QgsVectorLayer(self.pg.final_uri().uri(False), details.name or self.pg.table, "postgres")
        if not layer.isValid():
            return
        self.context.temporaryLayerStore().addMapLayer(layer)
        pending[layer.id()] = details
        self.context.setLayersToLoadOnCompletion(pending)
        self.load_key = layer.id()

    def _close_sink(self) -> None:
        sink = self.sink
        self.sink = None
        if sink is None:
            return
        flush = getattr(sink, "flushBuffer", None)
        ok = flush() if flush is not None else True
        err = sink.lastError() if hasattr(sink, "lastError") else ""
        from qgis.PyQt import sip

        sip.delete(sink)  # the exporter writes its last rows and the spatial index now
        if ok is False:
            raise self.pg.fail(err or tr("the last rows could not be written"))

    def discard(self, err: str = "") -> QgsProcessingException | None:
        """Give up the output: the temporary table goes; with ``err``, the message to raise."""
        if self.done:
            return None
        self.done = True
        if self.sink is not None:
            from qgis.PyQt import sip

            sink, self.sink = self.sink, None
            sip.delete(sink)
        if err:
            return self.pg.fail(err)
        self.pg.drop_tmp()
        return None

    def __enter__(self) -> OutputTable:
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        if self.done:
            return False
        if self.pg is None:
            self.done = True
            return False
        # an error while writing (lost connection, full disk …) becomes a message that says the
        # table is untouched; a cancel stays a cancel
        if exc is not None and isinstance(exc, (QgsProcessingException, RuntimeError, OSError)):
            raise self.discard(str(exc)) from None
        self.discard()
        return False


class _PgTarget:
    """The table to write, its temporary twin, and the SQL that swaps them."""

    def __init__(self, prefix: str, uri: QgsDataSourceUri):
        self.prefix = prefix
        self.uri = uri
        self.schema = uri.schema() or "public"
        self.table = uri.table()
        if not self.table:
            raise QgsProcessingException(tr("The PostGIS output {dest} names no table: add table=\"schema\".\"name\" (geom) to it.").format(
                dest=uri.uri(False)))
        base = re.sub(r"[^A-Za-z0-9_]", "_", self.table)[:40]
        self.tmp = f"{base}{TMP_MARK}{uuid.uuid4().hex[:8]}".lower()
        self.role = uri.username() or ""
        self._conn = None

    # -- helpers ---------------------------------------------------------------------------
    @property
    def name(self) -> str:
        return f"{self.schema}.{self.table}"

    def conn(self):
        if self._conn is None:
            self._conn = connection(self.uri)
        return self._conn

    def tmp_uri(self) -> QgsDataSourceUri:
        uri = QgsDataSourceUri(self.uri)
        uri.setDataSource(self.schema, self.tmp, self.uri.geometryColumn() or "geom", self.uri.sql(), self.uri.keyColumn())
        return uri

    def final_uri(self) -> QgsDataSourceUri:
        uri = QgsDataSourceUri(self.uri)
        uri.setDataSource(self.schema, self.table, self.uri.geometryColumn() or "geom", self.uri.sql(), self.uri.keyColumn())
        return uri


    def fail(self, err: str) -> QgsProcessingException:
        """Drop the temporary table and say what happened and what to do."""
        text = self.explain(err)
        if not self.drop_tmp():
            text += " " + tr("The unfinished table {tmp} could not be removed while the database is unreachable: remove it later (DROP TABLE {tmp};).").format(
                tmp=f"{self.schema}.{self.tmp}")
        return QgsProcessingException(text)

    def explain(self, err: str) -> str:
        """A QGIS/database error turned into a message with the fix."""
        text = _first_line(err)
        if "permission denied" in err.lower() or "must be owner" in err.lower():
            return self._rights_message()
        if _lost_connection(err):
            return tr("The connection to the database {db} was lost while writing {table} ({err}). Nothing was written: {table} is as it was before the run. Run again when the database is reachable.").format(
                db=database_label(self.uri), table=self.name, err=text)
        return tr("Writing the table {table} to the database {db} failed ({err}). Nothing was written: {table} is as it was before the run.").format(
            table=self.name, db=database_label(self.uri), err=text)

    def _rights_message(self) -> str:
        role = self.role or self._current_user() or "?"
        return tr("The database role {role} may not write the table {table} (permission denied). Write to a schema where {role} may create tables, or ask the database administrator: GRANT CREATE ON SCHEMA {schema} TO {role}; (and, if {table} exists already, make {role} its owner: ALTER TABLE {table} OWNER TO {role};).").format(
            role=role, table=self.name, schema=self.schema)

    def _current_user(self) -> str:
        try:
            rows = sql(self.conn(), "SELECT current_user")
            return str(rows[0][0]) if rows else ""
        except QgsProviderConnectionException:
            return ""

    # -- steps -----------------------------------------------------------------------------
    def check_rights(self) -> None:
        """Before anything is written: may this role create the table (and replace the old one)?"""
        try:
            rows = sql(self.conn(), (
                "SELECT current_user, has_schema_privilege(n.oid, 'CREATE'), "
                "(SELECT pg_has_role(c.relowner, 'USAGE') FROM pg_class c "
                f" WHERE c.relnamespace = n.oid AND c.relname = {_quote_literal(self.table)}) "
                f"FROM pg_namespace n WHERE n.nspname = {_quote_literal(self.schema)}"))
        except QgsProviderConnectionException as err:
            raise QgsProcessingException(tr("The database {db} cannot be reached ({err}). Check the connection (host, port, user, password) and run again.").format(
                db=database_label(self.uri), err=_first_line(str(err)))) from None
        if not rows:
            raise QgsProcessingException(tr("The schema {schema} does not exist in the database {db}: create it (CREATE SCHEMA {schema};) or write to another schema.").format(
                schema=self.schema, db=database_label(self.uri)))
        user, can_create, owns = rows[0]
        self.role = self.role or str(user)
        if not _truthy(can_create) or (owns is not None and str(owns) != "NULL" and not _truthy(owns)):
            raise QgsProcessingException(self._rights_message())

    def publish(self, written: int) -> str:
        """Check the temporary table and put it in the target's place, in one transaction."""
        tmp = f"{_quote_ident(self.schema)}.{_quote_ident(self.tmp)}"
        try:
            rows = sql(self.conn(), f"SELECT count(*) FROM {tmp}")
            count = int(rows[0][0]) if rows else -1
        except QgsProviderConnectionException as err:
            raise self.fail(str(err)) from None
        if count != written:
            raise self.fail(tr("{count} of {n} rows arrived").format(count=count, n=written))
        target = f"{_quote_ident(self.schema)}.{_quote_ident(self.table)}"
        renames = [f"ALTER TABLE {tmp} RENAME TO {_quote_ident(self.table)}"]
        geom = self.uri.geometryColumn() or "geom"
        try:
            has_gist = False
            for index, definition in sql(self.conn(), "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = "
                                                     f"{_quote_literal(self.schema)} AND tablename = {_quote_literal(self.tmp)}"):
                has_gist = has_gist or "gist" in str(definition).lower()
                new = str(index).replace(self.tmp, self.table)[:63]
                if new != index:
                    renames.append(f"ALTER INDEX {_quote_ident(self.schema)}.{_quote_ident(str(index))} RENAME TO {_quote_ident(new)}")
            if not has_gist:  # a web map or a later query by extent needs one
                renames.append(f"CREATE INDEX {_quote_ident((self.table + '_' + geom)[:55] + '_gist')} "
                               f"ON {target} USING gist ({_quote_ident(geom)})")
            statements = ["BEGIN", f"DROP TABLE IF EXISTS {target}", *renames, "COMMIT"]
            self._run_transaction(statements)
        except QgsProviderConnectionException as err:
            raise self.fail(str(err)) from None
        return self.prefix + self.final_uri().uri(False)

    def _run_transaction(self, statements: list[str]) -> None:
        try:
            sql(self.conn(), ";\n".join(statements) + ";")
        except QgsProviderConnectionException:
            try:
                sql(self.conn(), "ROLLBACK")
            except QgsProviderConnectionException:
                pass
            raise

    def drop_tmp(self) -> bool:
        """Remove the temporary table (a fresh connection: the old one may be the broken one).
        False if the database could not be reached."""
        statement = f"DROP TABLE IF EXISTS {_quote_ident(self.schema)}.{_quote_ident(self.tmp)}"
        for attempt in range(2):
            try:
                if attempt:
                    self._conn = None
                sql(self.conn(), statement)
                return True
            except (QgsProviderConnectionException, QgsProcessingException):
                continue
        return False
