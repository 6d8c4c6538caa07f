#!/usr/bin/env python3
"""Generates the seeder's DDL, one file per known schema version, from the reference facts.

reference/<version>/ holds what the platform's schema looked like at that version (information_schema / pg_catalog
extracts): columns, constraints, indexes, enums, and for the newer versions views, functions and triggers. This writes
seed-jpa/src/main/resources/io/autogpt/seed/jpa/schema/<version>.sql for each.

Each file is idempotent: it creates only the enums, tables, constraints, indexes, views, functions and triggers that
do not exist yet, so it can run on an empty database and on one the platform migrated (an existing view or function
of the platform is never replaced). Names are unqualified: the connection's search_path (the target schema) decides
where they go. Every object is also listed in a `--@ kind name` line, so the seeder can tell what is missing without
parsing SQL. Objects that need the pgvector extension follow a `--@ section vector` line: a server without pgvector
gets everything else. A `--@ requires` line precedes a statement that is no object of its own: an extension other
objects need (pg_trgm for trigram indexes), or a row the platform's migrations insert.

Usage: python3 tools/generate_ddl.py
"""
import csv
import os
import re
from collections import OrderedDict

here = os.path.dirname(os.path.abspath(__file__))
refs = os.path.join(here, "..", "reference")
out_dir = os.path.join(here, "..", "seed-jpa", "src", "main", "resources", "io", "autogpt", "seed", "jpa", "schema")

# The versions, oldest first. A version without triggers.csv keeps the triggers of the one it was built from (the
# upstream reference was rebuilt from the 2026-01 migrations plus later changes, none of which drops a trigger).
VERSIONS = ["original", "platform-2026-01", "platform-upstream-2026", "platform-2026-09"]
BUILT_FROM = {"platform-upstream-2026": "platform-2026-01"}
BUILTIN = {"text", "integer", "bigint", "boolean", "jsonb", "double precision", "timestamp without time zone",
           "tsvector", "text[]", "vector", "date", "bytea"}
# Extensions a version's indexes need besides pgvector, with an object that shows one is usable: created where missing
# (in the target schema, as the platform's migrations do), or joined to the search path where another schema has it.
REQUIRED_EXTENSIONS = {"gin_trgm_ops": ("pg_trgm", "SELECT 1 FROM pg_opclass WHERE opcname = 'gin_trgm_ops' AND "
                                                   "pg_opclass_is_visible(oid)")}
# Rows a version's migrations insert with its tables, inserted where the table is still empty (before its guard
# triggers exist on a first run).
MIGRATION_ROWS = {"CatalogueState": "INSERT INTO \"CatalogueState\" (id) VALUES ('marketplace')"}


def rows(version, name):
    path = os.path.join(refs, version, name)
    if not os.path.exists(path):
        base = BUILT_FROM.get(version)
        return rows(base, name) if base and name == "triggers.csv" else []
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def q(ident):
    return '"' + ident.replace('"', '""') + '"'


def sql_type(t):
    if t in BUILTIN:
        return t
    if t.endswith("[]"):
        return q(t[:-2]) + "[]"
    return q(t)


def unqualified(sql):
    """Drops the extract's schema names ("public." and "platform.") in front of the object a statement creates."""
    return re.sub(r" ON (public|platform)\.", " ON ", sql)


def guarded(check, statement):
    """A statement run only when `check` (SQL) finds nothing; dollar-quoted so bodies keep their own quoting."""
    return "DO $guard$ BEGIN IF %s THEN EXECUTE $ddl$%s$ddl$; END IF; END $guard$;" % (check, statement)


def dependency_order(views):
    """Views after the views they read (Creator reads StoreCreator), keeping the given order otherwise."""
    names = {v["name"] for v in views if v["kind"] != "function"}
    done, out, pending = set(), [], list(views)
    while pending:
        for v in pending:
            reads = {n for n in names if n != v["name"] and ('"%s"' % n in v["definition"] or
                                                             re.search(r"\b%s\b" % re.escape(n), v["definition"]))}
            if v["kind"] == "function" or reads <= done:
                out.append(v)
                done.add(v["name"])
                pending.remove(v)
                break
        else:
            raise SystemExit("views read each other in a cycle: " + ", ".join(v["name"] for v in pending))
    return out


def generate(version):
    enums = rows(version, "enums.csv")
    columns = rows(version, "columns.csv")
    constraints = rows(version, "constraints.csv")
    indexes = rows(version, "indexes.csv")
    views = rows(version, "views-and-functions.csv")
    triggers = [t for t in rows(version, "triggers.csv") if not t["on_table"].startswith("auth.")]

    tables = OrderedDict()
    for c in columns:
        tables.setdefault(c["table_name"], []).append(c)
    vector_tables = {t for t, cols in tables.items() if any(c["type"] == "vector" for c in cols)}
    sections = {"core": [], "vector": []}

    def emit(table, kind, name, sql):
        sections["vector" if table in vector_tables else "core"].append("--@ %s %s\n%s" % (kind, name, sql))

    for opclass, (extension, usable) in REQUIRED_EXTENSIONS.items():
        if any(opclass in i["definition"] for i in indexes):
            sections["core"].append("--@ requires %s\nDO $requires$ DECLARE home text; BEGIN IF NOT EXISTS (%s) THEN "
                                    "SELECT extnamespace::regnamespace::text INTO home FROM pg_extension WHERE "
                                    "extname = '%s'; IF home IS NULL THEN CREATE EXTENSION %s; ELSE PERFORM "
                                    "set_config('search_path', current_setting('search_path') || ', ' || home, true); "
                                    "END IF; END IF; END $requires$;" % (extension, usable, extension, extension))
    for e in enums:
        labels = ", ".join("'" + l + "'" for l in e["labels"].split())
        emit(None, "type", e["enum_type"], guarded(
            "NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = '%s' AND typnamespace = current_schema()::regnamespace)"
            % e["enum_type"], "CREATE TYPE %s AS ENUM (%s)" % (q(e["enum_type"]), labels)))
    for table, cols in tables.items():
        defs = []
        for c in cols:
            d = "  %s %s" % (q(c["column_name"]), sql_type(c["type"]))
            if c["type"] == "vector":
                d += "(1536)"  # the platform's embedding dimension; information_schema reports the type without it
            serial = "nextval('%s'::regclass)" % q("%s_%s_seq" % (table, c["column_name"]))
            if c["column_default"] == serial:
                # The sequence an identity-like column draws from, named as PostgreSQL names a serial's.
                d = "  %s %s" % (q(c["column_name"]), {"bigint": "bigserial", "integer": "serial"}[c["type"]])
            elif c["column_default"]:
                d += " DEFAULT " + c["column_default"]
            if c["is_nullable"] == "NO":
                d += " NOT NULL"
            defs.append(d)
        for k in constraints:
            if k["table_name"] == table and k["kind"] in ("primary key", "check"):
                defs.append("  CONSTRAINT %s %s" % (q(k["constraint_name"]), k["definition"]))
        emit(table, "relation", table, "CREATE TABLE IF NOT EXISTS %s (\n%s\n);" % (q(table), ",\n".join(defs)))
        if table in MIGRATION_ROWS:
            sections["core"].append("--@ requires %s row\nDO $row$ BEGIN IF NOT EXISTS (SELECT 1 FROM %s) THEN %s; "
                                    "END IF; END $row$;" % (table, q(table), MIGRATION_ROWS[table]))
        for k in constraints:
            if k["table_name"] == table and k["kind"] in ("primary key", "check"):
                emit(table, "constraint", k["constraint_name"], "-- (in the table's definition)")
    constraint_names = {k["constraint_name"] for k in constraints}

    def index(i):
        if i["index_name"] in constraint_names:
            return  # made by its primary key or unique constraint
        d = unqualified(i["definition"])
        d = d.replace("CREATE UNIQUE INDEX ", "CREATE UNIQUE INDEX IF NOT EXISTS ", 1).replace(
            "CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", 1)
        emit(i["table_name"], "relation", i["index_name"], d + ";")

    def constraint(k):
        emit(k["table_name"], "constraint", k["constraint_name"], guarded(
            "NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = '%s' AND connamespace = "
            "current_schema()::regnamespace)" % k["constraint_name"],
            "ALTER TABLE %s ADD CONSTRAINT %s %s" % (q(k["table_name"]), q(k["constraint_name"]), k["definition"])))

    # After every table: unique keys and indexes, then the foreign keys (they form cycles, and some reference a
    # unique index rather than a constraint), then views over the tables and the indexes on materialised views.
    for k in constraints:
        if k["kind"] == "unique":
            constraint(k)
    for i in indexes:
        if i["table_name"] in tables:
            index(i)
    for k in constraints:
        if k["kind"] == "foreign key":
            constraint(k)
    # Materialised views before the views that read them; functions last (plpgsql bodies are checked when called).
    order = {"materialized view": 0, "view": 1, "function": 2}
    for v in dependency_order(sorted(views, key=lambda v: order[v["kind"]])):
        name, body = v["name"], v["definition"].strip()
        if v["kind"] == "function":
            sql = body.replace("FUNCTION public.", "FUNCTION ", 1)
            check = "to_regproc('%s') IS NULL" % name
        else:
            sql = "CREATE %s %s AS\n%s" % (v["kind"].upper(), q(name), body.rstrip(";"))
            check = "to_regclass('%s') IS NULL" % q(name)
        emit(None, "function" if v["kind"] == "function" else "relation", name, guarded(check, sql))
    for i in indexes:
        if i["table_name"] not in tables:
            index(i)
    for t in triggers:
        table = t["on_table"].strip('"')
        emit(table, "trigger", t["trigger_name"], guarded(
            "NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = '%s' AND tgrelid = to_regclass('%s'))"
            % (t["trigger_name"], q(table)), unqualified(t["definition"])))

    lines = ["-- Generated by tools/generate_ddl.py from reference/%s. Do not edit by hand." % version,
             "-- Idempotent: creates only what is missing, in the schema first on the search_path.",
             "--@ section core"] + sections["core"]
    if sections["vector"]:
        lines += ["--@ section vector"] + sections["vector"]
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, version + ".sql")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote", os.path.relpath(path), "(%d tables, %d pgvector)" % (len(tables), len(vector_tables)))


for v in VERSIONS:
    generate(v)
