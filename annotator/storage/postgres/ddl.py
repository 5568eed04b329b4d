"""A server project's tables, the same as a project file's (both made from
storage/tables.py), in a schema of their own, with the rights of each kind of person built in.

Who may do what is the database's business, not the app's:
- everyone of the project (the role ``<db>.<project>.annotators``) reads the documents and
  the schema, and writes only their own annotations, relations and statuses: the rows of
  the annotator whose name is their role's, or of their own suggestions' layers
  (``model:crf@<role>``); their colleagues' they read only when the project is not blind
  (meta ``blind_annotation``);
- curators (``<db>.<project>.curators``, and whoever made the project) write everything:
  documents, labels, relation types, settings, the gold layer, and anyone's work (imports
  on behalf of others).
Rows are filtered by row-level security; a write to someone else's row is refused by a
trigger that says whose it is (a policy alone would make it silently change nothing).
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.model import GOLD
from annotator.storage.postgres import search
from annotator.storage.tables import ALL_TABLES, annotations_view

NOTIFY_PREFIX = "annotator."
# The most documents a notice names (a notice holds under 8,000 bytes); more are "the
# documents table changed".
NOTIFIED_DOCUMENTS = 200

# The project's tables (storage/tables.py) in PostgreSQL's SQL; made up front, the
# suggestions' too (a project file makes it on the first rejection): annotators may not
# create tables.
TABLES = [
    *(statement for table in ALL_TABLES for statement in table.statements("postgresql")),
    # The light stems of each document's name and text (core/textsearch.py), as the file's
    # documents_search holds them; 'simple' keeps them as they are.
    """CREATE TABLE documents_search (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        words TSVECTOR NOT NULL
    )""",
    "CREATE INDEX documents_search_words ON documents_search USING GIN (words)",
]
ANNOTATIONS_VIEW = annotations_view("postgresql")


@dataclass(frozen=True)
class ServerVersion:
    """What one version of a server project's schema changed (its number: its place in
    SERVER_VERSIONS, from 1), kept in its meta table (storage/settings.py
    SERVER_SCHEMA_KEY) and brought up to date by postgres/upgrade.py.

    A project's rights (its policies, triggers, functions and grants) hold no data: an
    upgrade drops them all, whatever version made them, and makes this annotator's
    (``functions``, ``policies`` and staging.py's), so they are written once, below. What
    a version changes in the tables or their rows, which must be kept, it says in
    ``tables``: statements the upgrade runs, in order, before it makes the rights."""

    changes: str
    tables: tuple[str, ...] = ()


SERVER_VERSIONS = (
    ServerVersion(
        "the tables of project file schema 3, with rights as policies that call SQL "
        "functions (is_curator, my_annotator_ids, row_owner); made before versions were kept"
    ),
    ServerVersion(
        "rights written out in each policy and in the ownership trigger (a tenth of the "
        "server's time per edit), annotators' own suggestion layers (model:crf@login), "
        "notices that name the documents changed, curators' bulk import functions, and "
        "documents with a word past 2 KB found by it",
        tables=(search.MARK_LONG_WORDS,),
    ),
)
SERVER_SCHEMA = len(SERVER_VERSIONS)

# Tables whose rows belong to one annotator, and how a row names its owner's id.
OWNED = {
    "annotations": "annotator_id",
    "document_status": "annotator_id",
    # A relation is its first end's annotator's.
    "relations": "(SELECT a.annotator_id FROM annotations a WHERE a.id = {row}.from_id)",
}
# Tables everyone of the project may write, within the policies.
ANNOTATOR_WRITES = ["annotations", "relations", "document_status", "suggestion_rejected"]
# Tables only curators write (besides every other table not listed above).
GOLD_TABLES = ["gold_provenance", "gold_rejected", "curation_status"]


@dataclass(frozen=True)
class Roles:
    """The names that a project's rights are written with."""

    schema: str
    curators: str
    annotators: str
    owner: str  # who made the project: a curator whatever their groups


def literal(text: str) -> str:
    """A string as an SQL literal (DDL takes no parameters)."""
    return "'" + text.replace("'", "''") + "'"


def ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _is_curator(roles: Roles) -> str:
    """Whether the person is a curator: of built-in functions only (pg_has_role answers
    from a cache), so that a policy or a trigger's condition costs next to nothing."""
    return (
        f"(current_user = {literal(roles.owner)} "
        f"OR pg_has_role(current_user, {literal(roles.curators)}, 'MEMBER'))"
    )


# The rights are written out in each policy rather than called as functions: PostgreSQL
# plans a function with its own search path again at each call, which made the policies
# and the trigger cost a millisecond of the server's time per edit. Each sub-select below
# is evaluated once per statement (an InitPlan), not once per row.
_SIGHTED = (
    "NOT (SELECT coalesce((SELECT value = '1' FROM meta WHERE key = 'blind_annotation'), false))"
)


def my_name_sql(name: str) -> str:
    """Whether the annotator name ``name`` is one the person writes as: their role's, or
    one of their own suggestions' layers (core/model.py ``personal_layer``: a machine's
    name, with a colon, before the first @, the role after it: ``model:crf@alice``)."""
    return (
        f"({name} = current_user OR (strpos({name}, '@') > 0 "
        f"AND strpos(split_part({name}, '@', 1), ':') > 0 "
        f"AND substr({name}, strpos({name}, '@') + 1) = current_user))"
    )


# The ids a person writes as.
_MY_IDS = f"(SELECT id FROM annotators WHERE {my_name_sql('name')})"


def functions(roles: Roles) -> list[str]:
    s = ident(roles.schema)
    path = f"SET search_path = {s}, pg_catalog"
    return [
        # Refuses a change to someone else's row, saying whose it is (curators never get
        # here: see the trigger's condition). The project's tables are named with their
        # schema, so that no search path is set (and restored) at every call.
        f"""CREATE FUNCTION refuse_others_rows() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                r record;
                owner_id integer;
                owner_name text;
                mine integer[];
            BEGIN
                mine := ARRAY(SELECT id FROM {s}.annotators WHERE {my_name_sql("name")});
                FOR step IN 1..2 LOOP
                    CONTINUE WHEN step = 1 AND TG_OP = 'INSERT'
                        OR step = 2 AND TG_OP = 'DELETE';
                    r := CASE step WHEN 1 THEN OLD ELSE NEW END;
                    IF TG_TABLE_NAME = 'relations' THEN
                        owner_id := (SELECT a.annotator_id FROM {s}.annotations a
                            WHERE a.id = r.from_id);
                    ELSE
                        owner_id := r.annotator_id;
                    END IF;
                    IF owner_id IS NULL OR NOT owner_id = ANY(mine) THEN
                        SELECT name INTO owner_name FROM {s}.annotators WHERE id = owner_id;
                        IF owner_name = {literal(GOLD)} THEN
                            RAISE EXCEPTION USING
                                ERRCODE = 'insufficient_privilege',
                                MESSAGE = format('%s may not change the gold layer',
                                    current_user),
                                HINT = 'only curators can';
                        END IF;
                        RAISE EXCEPTION USING
                            ERRCODE = 'insufficient_privilege',
                            MESSAGE = format('%s may not change %s of %s',
                                current_user, replace(TG_TABLE_NAME, '_', ' '),
                                coalesce(owner_name, 'another annotator')),
                            HINT = 'only its own annotator or a curator can';
                    END IF;
                END LOOP;
                RETURN coalesce(NEW, OLD);
            END $$""",
        # Refuses a new annotator's name that is not the person's own, saying why (curators
        # never get here: see the trigger's condition).
        f"""CREATE FUNCTION refuse_others_names() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF {my_name_sql("NEW.name")} THEN
                    RETURN NEW;
                END IF;
                IF NEW.name = {literal(GOLD)} THEN
                    RAISE EXCEPTION USING
                        ERRCODE = 'insufficient_privilege',
                        MESSAGE = format('%s may not change the gold layer', current_user),
                        HINT = 'only curators can';
                END IF;
                RAISE EXCEPTION USING
                    ERRCODE = 'insufficient_privilege',
                    MESSAGE = format('%s may not annotate as %s', current_user, NEW.name),
                    HINT = format('only a curator can; %s writes as %s, and suggestions '
                        'as model:crf@%s', current_user, current_user, current_user);
            END $$""",
        # Tells the other windows on the project that something changed (LISTEN/NOTIFY):
        # one notice per table and transaction, sent when it commits.
        f"""CREATE FUNCTION notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify({literal(NOTIFY_PREFIX + roles.schema)}, TG_TABLE_NAME);
                RETURN NULL;
            END $$""",
        # The documents' notice also names the documents a statement added, changed or
        # removed (up to NOTIFIED_DOCUMENTS; more, the table alone): a documents list of
        # 10,000 updates those rows instead of reading the whole table again.
        f"""CREATE FUNCTION notify_documents_change() RETURNS trigger LANGUAGE plpgsql
            {path} AS $$
            DECLARE
                ids integer[];
            BEGIN
                ids := ARRAY(SELECT id FROM changed_rows LIMIT {NOTIFIED_DOCUMENTS + 1});
                IF cardinality(ids) = 0 THEN
                    RETURN NULL;
                END IF;
                PERFORM pg_notify({literal(NOTIFY_PREFIX + roles.schema)}, 'documents'
                    || CASE WHEN cardinality(ids) > {NOTIFIED_DOCUMENTS} THEN ''
                       ELSE ' ' || array_to_string(ids, ' ') END);
                RETURN NULL;
            END $$""",
    ]


def policies(roles: Roles) -> list[str]:
    curator = f"(SELECT {_is_curator(roles)})"
    out: list[str] = []
    every_table = [*table_names(), "annotations_view"]
    tables = table_names()
    for table in tables:
        out.append(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        out.append(f"CREATE POLICY curators ON {table} USING ({curator}) WITH CHECK ({curator})")
        out += _notify_triggers(table)
    for table, column in OWNED.items():
        mine = f"{column.format(row=table)} IN {_MY_IDS}"
        out += [
            f"CREATE POLICY visible ON {table} FOR SELECT USING ({_SIGHTED} OR {mine})",
            f"CREATE POLICY own_insert ON {table} FOR INSERT WITH CHECK ({mine})",
            # Update and delete reach the visible rows, so that the trigger can refuse a
            # colleague's with a message instead of the policy silently changing nothing.
            f"CREATE POLICY own_update ON {table} FOR UPDATE USING ({_SIGHTED} OR {mine}) "
            f"WITH CHECK ({mine})",
            f"CREATE POLICY own_delete ON {table} FOR DELETE USING ({_SIGHTED} OR {mine})",
            # Curators skip it in the trigger's own condition, of built-in functions only:
            # an import of 200,000 spans would otherwise call it for each (a third of the
            # import's time).
            f"CREATE TRIGGER refuse_others_rows BEFORE INSERT OR UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW WHEN (NOT {_is_curator(roles)}) EXECUTE FUNCTION refuse_others_rows()",
        ]
    for table in ["meta", "documents", "labels", "relation_types", "documents_search"]:
        out.append(f"CREATE POLICY everyone_reads ON {table} FOR SELECT USING (true)")
    out += [
        "CREATE POLICY everyone_reads ON annotators FOR SELECT USING (true)",
        # Anyone joins as themselves (their first span adds their annotator row), and adds
        # their own suggestions' layers.
        "CREATE POLICY join_as_oneself ON annotators FOR INSERT "
        f"WITH CHECK ({my_name_sql('name')})",
        "CREATE TRIGGER refuse_others_names BEFORE INSERT ON annotators FOR EACH ROW "
        f"WHEN (NOT {_is_curator(roles)}) EXECUTE FUNCTION refuse_others_names()",
        # Anyone rejects a suggestion in their own name, also one a colleague rejected
        # before (the rejection becomes theirs), and takes back only their own; all read
        # them (no spans inside).
        "CREATE POLICY everyone_reads ON suggestion_rejected FOR SELECT USING (true)",
        "CREATE POLICY own_rejections ON suggestion_rejected FOR INSERT "
        "WITH CHECK (annotator = current_user)",
        "CREATE POLICY rejected_again ON suggestion_rejected FOR UPDATE USING (true) "
        "WITH CHECK (annotator = current_user)",
        "CREATE POLICY own_taken_back ON suggestion_rejected FOR DELETE "
        "USING (annotator = current_user)",
    ]
    for table in GOLD_TABLES:
        out.append(f"CREATE POLICY sighted_read ON {table} FOR SELECT USING ({_SIGHTED})")
    s = ident(roles.schema)
    team, curators = ident(roles.annotators), ident(roles.curators)
    out += [
        f"GRANT USAGE ON SCHEMA {s} TO {team}",
        f"GRANT SELECT ON {', '.join(every_table)} TO {team}",
        f"GRANT INSERT, UPDATE, DELETE ON {', '.join(ANNOTATOR_WRITES)} TO {team}",
        f"GRANT INSERT ON annotators TO {team}",
        f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {s} TO {team}",
        f"GRANT ALL ON {', '.join(every_table)} TO {curators}",
        f"GRANT {team} TO {curators}",
    ]
    return out


def _notify_triggers(table: str) -> list[str]:
    """The triggers that announce a statement's changes to ``table`` when it commits."""
    if table != "documents":
        return [
            f"CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION notify_change()"
        ]
    # A trigger reading the changed rows (a transition table) serves one event only.
    return [
        f"CREATE TRIGGER notify_{event.lower()} AFTER {event} ON {table} "
        f"REFERENCING {rows} TABLE AS changed_rows FOR EACH STATEMENT "
        "EXECUTE FUNCTION notify_documents_change()"
        for event, rows in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD"))
    ] + [
        f"CREATE TRIGGER notify_truncate AFTER TRUNCATE ON {table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION notify_change()"
    ]


def table_names() -> list[str]:
    return [t.split()[2] for t in TABLES if t.startswith("CREATE TABLE")]


def reserved_role_problem(name: str) -> str | None:
    """Why ``name`` cannot be a person of a project, if it cannot."""
    if name == GOLD:
        return f"{name!r} is the gold layer's name, not a person's"
    if not name or name != name.strip() or len(name.encode()) > 63:
        return f"{name!r} is not a name a database role can have (1 to 63 bytes, no edge spaces)"
    return None
