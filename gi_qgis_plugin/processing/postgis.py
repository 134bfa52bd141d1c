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
    QgsFeatureSink,
    QgsFeatureSource,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProcessingUtils,
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
def postgres_uri_of(value, context: QgsProcessingContext | None = None) -> QgsDataSourceUri | None:
    """The postgres URI behind a parameter value: ``postgres://…``, a PostGIS layer, its id or
    name in the project (as the dialog passes it), or a source definition of one."""
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source.staticValue()
    if isinstance(value, str):
        text = value.strip()
        if text.lower().startswith("postgres://"):
            return QgsDataSourceUri(text[len("postgres://"):])
        if context is not None and text:
            value = QgsProcessingUtils.mapLayerFromString(text, context, allowLoadingNewLayers=False)
    if isinstance(value, QgsVectorLayer) and value.providerType() == "postgres":
        return QgsDataSourceUri(value.source())
    return None


def _filtered(value) -> bool:
    """A source definition that reads fewer features than the layer counts (limit, filter)."""
    return isinstance(value, QgsProcessingFeatureSourceDefinition) and (
        value.featureLimit >= 0 or bool(value.filterExpression))


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


def warn_about_source(value, layer_name: str, feedback: QgsProcessingFeedback | None,
                      context: QgsProcessingContext | None = None) -> None:
    """Warnings for database layers that QGIS opens but that deserve a word: a table without a
    primary key (rows numbered by their physical position), a type filter on a column of several
    geometry types (the other rows are not scored)."""
    uri = postgres_uri_of(value, context)
    if uri is None or feedback is None or not uri.table():
        return
    schema = uri.schema() or "public"
    table = uri.table()
    try:
        conn = connection(uri)
        kind = sql(conn, "SELECT c.relkind, EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary) "
                         "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                         f"WHERE n.nspname = {_quote_literal(schema)} AND c.relname = {_quote_literal(table)}")
        no_key = uri.keyColumn().strip('"') in ("", "tid", "ctid")  # QGIS writes key='tid' for such a table
        if kind and kind[0][0] in ("r", "p") and not _truthy(kind[0][1]) and no_key:
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


def check_complete(value, source: QgsFeatureSource, read: int, layer_name: str,
                   context: QgsProcessingContext | None = None) -> None:
    """Stop the run when a database layer gave fewer rows than it holds: QGIS's iterator ends
    quietly when the connection is lost. (Not with estimated metadata, whose count is a guess,
    nor with a feature limit or filter of the source.)"""
    uri = postgres_uri_of(value, context)
    if uri is None or uri.useEstimatedMetadata() or _filtered(value):
        return
    expected = source.featureCount()
    if expected < 0 or read >= expected:
        return
    raise QgsProcessingException(tr("Only {read} of {n} features of {name} could be read: the connection to the database was lost while reading. Nothing was written; run again when the database is reachable.").format(
        read=read, n=expected, name=layer_name))


# ----------------------------------------------------------------------------------------------
# Writing: all or nothing
# ----------------------------------------------------------------------------------------------
class _CountingSink:
    """QGIS's exporter, counting the rows it accepted (checked against the table at the end);
    with :meth:`write_arrays` for the bulk way (``pg_write``)."""

    def __init__(self, exporter: QgsVectorLayerExporter, target: _PgTarget | None = None, srid: int = 0):
        self.exporter = exporter
        self.count = 0
        self.target = target
        self.srid = srid

    def addFeature(self, feature, flags=None) -> bool:  # noqa: N802
        ok = self.exporter.addFeature(feature, flags if flags is not None else QgsFeatureSink.Flag(0))
        self.count += int(bool(ok))
        return ok

    def addFeatures(self, features, flags=None) -> bool:  # noqa: N802
        ok = self.exporter.addFeatures(features, flags if flags is not None else QgsFeatureSink.Flag(0))
        if ok:
            self.count += len(features)
        return ok

    def flushBuffer(self) -> bool:  # noqa: N802
        return self.exporter.flushBuffer()

    def lastError(self) -> str:  # noqa: N802
        return self.exporter.lastError()

    def write_arrays(self, fields, geoms, columns, progress, rows=None, keep=(), source_index=None,
                     batch: int = 10000) -> int | None:
        """All rows in chunks of one multi-row INSERT each (committed chunk by chunk); None when
        the fields need QGIS's own conversion (the caller then adds features one by one)."""
        from . import pg_write

        t = self.target
        if t is None or self.srid <= 0 or not pg_write.fast_possible(fields):
            return None
        table_sql = f"{_quote_ident(t.schema)}.{_quote_ident(t.tmp)}"
        geom = t.uri.geometryColumn() or "geom"
        try:
            found = sql(t.conn(), f"SELECT Find_SRID({_quote_literal(t.schema)}, {_quote_literal(t.tmp)}, {_quote_literal(geom)})")
        except QgsProviderConnectionException:
            return None
        if not found or int(found[0][0] or 0) != self.srid:
            return None
        types = {str(name): str(udt) for name, udt in sql(t.conn(), (
            "SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = "
            f"{_quote_literal(t.schema)} AND table_name = {_quote_literal(t.tmp)}"))}
        if any(fields.at(i).name() not in types for i in range(fields.count())):
            return None  # the exporter renamed a column: leave the rows to it
        n = len(geoms)
        for start in range(0, n, batch):
            stop = min(start + batch, n)
            statement, k = pg_write.insert_statement(table_sql, fields, types, geom, self.srid, geoms, columns, rows, keep,
                                                     source_index, start, stop)
            try:
                sql(t.conn(), statement)
            except QgsProviderConnectionException as err:
                from .write import WriteError

                raise WriteError(tr("Writing the output failed: {err}").format(err=_first_line(str(err)))) from None
            self.count += k
            progress(stop / max(n, 1))
        progress(1.0)
        return n


class OutputTable:
    """One Processing output with a PostGIS destination (``postgis:…``, ``postgres://…``),
    written all or nothing. The algorithm base (``GiAlgorithm.sink``) uses it like this:

    1. :meth:`open` – check the role's rights, create the table under a temporary name;
    2. the algorithm writes to :attr:`sink` (one commit per written chunk);
    3. :meth:`close` – the last rows, then the row count is checked;
    4. :func:`publish_all` at the end of a successful run – the targets are replaced in one
       transaction, the run record and the styles are stored with them;
    5. or :meth:`discard` on an error or a cancel – the temporary table is dropped and the
       target stays as it was.
    """

    def __init__(self, sink: _CountingSink, dest: str, context: QgsProcessingContext, pg: _PgTarget):
        self.sink: _CountingSink | None = sink
        self.dest = dest  # the destination as given: Processing loads the output under this key
        self.context = context
        self.pg = pg
        self.written = -1  # rows the exporter accepted, once closed
        self.record: tuple[str, str] | None = None  # (run record JSON, title) to store with it
        self.published = False

    @classmethod
    def open(cls, alg, parameters: dict, name: str, context: QgsProcessingContext, fields, wkb_type, crs) -> OutputTable | None:
        """The output ``name`` as an all-or-nothing table; None when it is no PostGIS destination."""
        value = alg.parameterAsOutputLayer(parameters, name, context)
        parts = split_destination(value) if isinstance(value, str) else None
        if parts is None:
            return None
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
        return cls(_CountingSink(exporter, target, crs.postgisSrid()), value, context, target)

    def close(self) -> None:
        """Write the last rows and check that every row arrived (the table is still temporary)."""
        sink, self.sink = self.sink, None
        if sink is None:
            return
        ok = sink.flushBuffer()
        err = sink.lastError()
        self.written = sink.count
        exporter, sink.exporter = sink.exporter, None
        from qgis.PyQt import sip

        sip.delete(exporter)  # the exporter lets go of its connection now
        if not ok:
            raise self.pg.fail(err or tr("the last rows could not be written"))
        self.pg.check_count(self.written)

    def finish_published(self, feedback: QgsProcessingFeedback | None) -> None:
        """After the swap: the run record and the styles with the table; load it if asked."""
        self.published = True
        layer = QgsVectorLayer(self.pg.final_uri().uri(False), self.pg.table, "postgres")
        if layer.isValid():
            self.pg.store_with(layer, self.record, feedback)
        self._load_as_layer()

    def _load_as_layer(self) -> None:
        """When the output is to be loaded (the dialog asks so), hand Processing the finished
        table as a layer of the context's store, as it does for the sinks it makes itself
        (Processing cannot load a ``postgis:`` destination string)."""
        from .postprocess import ResultStylePostProcessor

        if not self.context.willLoadLayerOnCompletion(self.dest):
            return
        stored = self.context.layerToLoadOnCompletionDetails(self.dest)
        details = QgsProcessingContext.LayerDetails(stored.name, stored.project, stored.outputName)
        details.layerTypeHint = stored.layerTypeHint
        details.forceName = stored.forceName
        details.layerSortKey = stored.layerSortKey
        details.groupName = stored.groupName
        layer = QgsVectorLayer(self.pg.final_uri().uri(False), stored.name or self.pg.table, "postgres")
        if not layer.isValid():
            return
        self.context.temporaryLayerStore().addMapLayer(layer)
        # the context deletes the post-processor of the entry it drops: the new entry gets its own
        self.context.setLayersToLoadOnCompletion(
            {k: v for k, v in self.context.layersToLoadOnCompletion().items() if k != self.dest})
        details.setPostProcessor(ResultStylePostProcessor.create(self.record[0] if self.record else ""))
        self.context.addLayerToLoadOnCompletion(layer.id(), details)

    def discard(self) -> None:
        """Give up the output: the temporary table goes, the target stays as it was."""
        if self.published:
            return
        sink, self.sink = self.sink, None
        if sink is not None and sink.exporter is not None:
            from qgis.PyQt import sip

            exporter, sink.exporter = sink.exporter, None
            sip.delete(exporter)
        self.pg.drop_tmp()

    def explain(self, err: BaseException) -> QgsProcessingException:
        """An error of the run while this table was being written, as a message about the table."""
        return self.pg.fail(str(err))


def check_destination(value) -> None:
    """For a PostGIS destination: may its role create the table (and replace an older one)?
    Raises QgsProcessingException with the role, the table and the GRANT; nothing otherwise."""
    parts = split_destination(value) if isinstance(value, str) else None
    if parts is not None:
        _PgTarget(parts[0], QgsDataSourceUri(parts[1])).check_rights()


def publish_all(tables: list[OutputTable], feedback: QgsProcessingFeedback | None) -> None:
    """The run succeeded: its PostGIS outputs take the place of their targets, those in one
    database in one transaction (a run with a result table and a district table replaces both
    or neither)."""
    pending = [t for t in tables if not t.published]
    for table in pending:
        table.close()  # last rows, row count checked
    groups: dict[str, list[OutputTable]] = {}
    for table in pending:
        groups.setdefault(table.pg.uri.connectionInfo(False), []).append(table)
    for group in groups.values():
        first = group[0].pg
        try:
            statements = [st for table in group for st in table.pg.swap_statements()]
            first._run_transaction(["BEGIN", *statements, "COMMIT"])
        except QgsProviderConnectionException as err:
            raise first.fail(str(err)) from None
        for table in group:
            table.finish_published(feedback)


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

    def check_count(self, written: int) -> None:
        """Every row the exporter accepted must be in the temporary table."""
        tmp = f"{_quote_ident(self.schema)}.{_quote_ident(self.tmp)}"
        try:
            rows = sql(self.conn(), f"SELECT count(*) FROM {tmp}")
            count = int(rows[0][0]) if rows else -1
        except QgsProviderConnectionException as err:
            raise self.fail(str(err)) from None
        if count != written:
            raise self.fail(tr("{count} of {n} rows arrived").format(count=count, n=written))

    def swap_statements(self) -> list[str]:
        """The SQL that puts the temporary table in the target's place (run in one transaction
        with those of the run's other outputs): drop the old table, rename the new one, its
        indexes and its key's sequence after the target, and add a spatial index if it has none."""
        tmp = f"{_quote_ident(self.schema)}.{_quote_ident(self.tmp)}"
        target = f"{_quote_ident(self.schema)}.{_quote_ident(self.table)}"
        statements = [f"DROP TABLE IF EXISTS {target}", f"ALTER TABLE {tmp} RENAME TO {_quote_ident(self.table)}"]
        geom = self.uri.geometryColumn() or "geom"
        has_gist = False
        for index, definition in sql(self.conn(), "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = "
                                                 f"{_quote_literal(self.schema)} AND tablename = {_quote_literal(self.tmp)}"):
            has_gist = has_gist or "gist" in str(definition).lower()
            statements.append(self._rename("INDEX", str(index)))
        for (sequence,) in sql(self.conn(), (
                "SELECT s.relname FROM pg_class s JOIN pg_depend d ON d.objid = s.oid JOIN pg_class t ON t.oid = d.refobjid "
                "JOIN pg_namespace n ON n.oid = t.relnamespace WHERE s.relkind = 'S' AND n.nspname = "
                f"{_quote_literal(self.schema)} AND t.relname = {_quote_literal(self.tmp)}")):
            statements.append(self._rename("SEQUENCE", str(sequence)))
        if not has_gist:  # a web map or a later query by extent needs one
            statements.append(f"CREATE INDEX {_quote_ident((self.table + '_' + geom)[:55] + '_gist')} "
                              f"ON {target} USING gist ({_quote_ident(geom)})")
        return [st for st in statements if st]

    def _rename(self, kind: str, name: str) -> str:
        new = name.replace(self.tmp, self.table)[:63]
        if new == name:
            return ""
        return f"ALTER {kind} {_quote_ident(self.schema)}.{_quote_ident(name)} RENAME TO {_quote_ident(new)}"

    def store_with(self, layer: QgsVectorLayer, record: tuple[str, str] | None, feedback) -> None:
        """The run record and the result styles stored with the table: the record in QGIS's layer
        metadata table (qgis_layer_metadata) and, with the styles, as the table's default style
        in layer_styles, so that QGIS (and QGIS Server) shows the table styled and the dock finds
        the weights when the table is opened a year later."""
        from ..scoring import record as rec
        from ..styles import apply_result_styles
        from .record import metadata_with

        if record is not None:
            text, title = record
            layer.setCustomProperty(rec.PROPERTY, text)
            md = metadata_with(layer.metadata(), text, title)
            if not md.identifier():  # the metadata table requires one
                md.setIdentifier(self.name)
            ok, error = QgsProviderRegistry.instance().saveLayerMetadata("postgres", layer.source(), md)
            if not ok and feedback is not None:
                feedback.pushInfo(tr("The run record could not be stored in the database's layer metadata ({error}); it is in the table's default style and in the output RUN_INFO.").format(
                    error=error or self.name))
        if not apply_result_styles(layer):
            return
        manager = layer.styleManager()
        description = tr("Result style of the Grüne Infrastruktur plugin, with the run record")
        errors = []
        # the score style as an extra named style, the class style (the dock's default) as default
        for style, default in (("gi_score", False), ("gi_class", True)):
            if style not in manager.styles():
                continue
            manager.setCurrentStyle(style)
            error = layer.saveStyleToDatabase(f"{self.table} {style}", description, default, "")
            if error:
                errors.append(str(error))
        manager.setCurrentStyle("gi_class")
        if errors and feedback is not None:
            feedback.pushWarning(tr("The styles could not be stored in the database ({error}); the table is written, style it in QGIS.").format(
                error=errors[0]))

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
