"""The core's error lines in the interface's language, for dialogs and the status bar.

The core says what went wrong in English (it imports no Qt, and the command line prints
its lines as they are). Where the window shows one, it translates the reason through
this table: each entry is the core's message with ``{}`` where the core puts a value,
and its translation with %1, %2, ... in their place. A reason the table lacks is shown
as the core gives it. A test checks that every entry is a message the core makes.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QCoreApplication

from annotator.core.errors import UserError, printable


def _table() -> dict[str, str]:
    # Literal calls, not a loop over the keys: pyside6-lupdate extracts only literals.
    return {
        # Opening and making projects.
        "already exists; choose another name or open it": QCoreApplication.translate(
            "CoreErrors", "already exists; choose another name or open it"
        ),
        "no such project file": QCoreApplication.translate("CoreErrors", "no such project file"),
        "is a folder, not a project file": QCoreApplication.translate(
            "CoreErrors", "is a folder, not a project file"
        ),
        "cannot be read (Permission denied)": QCoreApplication.translate(
            "CoreErrors", "cannot be read (Permission denied)"
        ),
        "is an SQLite database but not an annotator project": QCoreApplication.translate(
            "CoreErrors", "is an SQLite database but not an annotator project"
        ),
        "is damaged and cannot be opened ({})": QCoreApplication.translate(
            "CoreErrors", "is damaged and cannot be opened (%1)"
        ),
        "cannot be opened: the disk is full (the project is not damaged; free some space "
        "and open it again)": QCoreApplication.translate(
            "CoreErrors",
            "cannot be opened: the disk is full (the project is not damaged; free some "
            "space and open it again)",
        ),
        "cannot be made ({})": QCoreApplication.translate("CoreErrors", "cannot be made (%1)"),
        "the disk is full: no project was made": QCoreApplication.translate(
            "CoreErrors", "the disk is full: no project was made"
        ),
        # Saving an edit.
        "is open read-only; nothing can be changed": QCoreApplication.translate(
            "CoreErrors", "is open read-only; nothing can be changed"
        ),
        "is busy: another program has been writing to it for {} seconds; the change was "
        "not saved, try again": QCoreApplication.translate(
            "CoreErrors",
            "is busy: another program has been writing to it for %1 seconds; the change "
            "was not saved, try again",
        ),
        "the disk is full: the change was not saved": QCoreApplication.translate(
            "CoreErrors", "the disk is full: the change was not saved"
        ),
        "cannot be written: the change was not saved": QCoreApplication.translate(
            "CoreErrors", "cannot be written: the change was not saved"
        ),
        "span {}-{} was not added to document {}: the project changed meanwhile; "
        "try again": QCoreApplication.translate(
            "CoreErrors",
            "span %1-%2 was not added to document %3: the project changed meanwhile; try again",
        ),
        "the span {} ({}) is no longer there: another person or program deleted it; "
        "nothing was changed": QCoreApplication.translate(
            "CoreErrors",
            "the span %1 (%2) is no longer there: another person or program deleted it; "
            "nothing was changed",
        ),
        "the span {} was changed by another program": QCoreApplication.translate(
            "CoreErrors", "the span %1 was changed by another program"
        ),
        "no annotation with id {} (another person or program may have deleted "
        "it)": QCoreApplication.translate(
            "CoreErrors",
            "no annotation with id %1 (another person or program may have deleted it)",
        ),
        "a span cannot be related to itself": QCoreApplication.translate(
            "CoreErrors", "a span cannot be related to itself"
        ),
        "a relation links two spans of one annotator in one document": QCoreApplication.translate(
            "CoreErrors", "a relation links two spans of one annotator in one document"
        ),
        "these spans are already linked by {}": QCoreApplication.translate(
            "CoreErrors", "these spans are already linked by %1"
        ),
        "unknown relation type {}": QCoreApplication.translate(
            "CoreErrors", "unknown relation type %1"
        ),
        # The schema.
        "the new schema drops labels that annotations use: {}": QCoreApplication.translate(
            "CoreErrors", "the new schema drops labels that annotations use: %1"
        ),
        "invalid label name {}": QCoreApplication.translate("CoreErrors", "invalid label name %1"),
        # Before the general line it would also match.
        "unknown label: {}": QCoreApplication.translate(
            "CoreErrors",
            "unknown label: %1",
        ),
        "unknown label {}": QCoreApplication.translate("CoreErrors", "unknown label %1"),
        "there is already a label named {}": QCoreApplication.translate(
            "CoreErrors", "there is already a label named %1"
        ),
        # Suggestions.
        "no spans to learn from yet: annotate, or mark documents done": QCoreApplication.translate(
            "CoreErrors", "no spans to learn from yet: annotate, or mark documents done"
        ),
        # Reading files (import, schema, lists of names).
        "no such file": QCoreApplication.translate("CoreErrors", "no such file"),
        "no such file or folder": QCoreApplication.translate(
            "CoreErrors", "no such file or folder"
        ),
        "is empty": QCoreApplication.translate("CoreErrors", "is empty"),
        "cannot be read ({})": QCoreApplication.translate("CoreErrors", "cannot be read (%1)"),
        "is a binary file, not text (it contains NUL bytes)": QCoreApplication.translate(
            "CoreErrors", "is a binary file, not text (it contains NUL bytes)"
        ),
        "is not UTF-8 (bad byte at offset {}), nor UTF-16 with a BOM, nor Arabic Windows-1256 "
        "text": QCoreApplication.translate(
            "CoreErrors",
            "is not UTF-8 (bad byte at offset %1), nor UTF-16 with a BOM, nor Arabic "
            "Windows-1256 text",
        ),
        # Before the general line it would also match.
        "malformed JSON ({} at column {})": QCoreApplication.translate(
            "CoreErrors",
            "malformed JSON (%1 at column %2)",
        ),
        "malformed JSON ({})": QCoreApplication.translate("CoreErrors", "malformed JSON (%1)"),
        "holds no documents": QCoreApplication.translate("CoreErrors", "holds no documents"),
        "each line must be a JSON object": QCoreApplication.translate(
            "CoreErrors", "each line must be a JSON object"
        ),
        '"text" must be a non-empty string': QCoreApplication.translate(
            "CoreErrors", '"text" must be a non-empty string'
        ),
        "{}: offsets {}-{} are out of range for a text of {} characters (start must be "
        "before end)": QCoreApplication.translate(
            "CoreErrors",
            "%1: offsets %2-%3 are out of range for a text of %4 characters (start must be "
            "before end)",
        ),
        "{}: text {} does not match {} at {}-{}": QCoreApplication.translate(
            "CoreErrors", "%1: text %2 does not match %3 at %4-%5"
        ),
        "{} is out of range for a text of {} characters (start must be before end)": (
            QCoreApplication.translate(
                "CoreErrors",
                "%1 is out of range for a text of %2 characters (start must be before end)",
            )
        ),
        "span {} at {}-{}: the file says {} but the text has {}": QCoreApplication.translate(
            "CoreErrors", "span %1 at %2-%3: the file says %4 but the text has %5"
        ),
        "span {} at {}-{} has no label": QCoreApplication.translate(
            "CoreErrors", "span %1 at %2-%3 has no label"
        ),
        # After the span's own: a general end, matched last.
        "{} has no label": QCoreApplication.translate("CoreErrors", "%1 has no label"),
        "document {} has {} characters; annotator takes articles of up to {} (split the "
        "text into parts)": QCoreApplication.translate(
            "CoreErrors",
            "document %1 has %2 characters; annotator takes articles of up to %3 (split "
            "the text into parts)",
        ),
        # Writing files (export, share, backups).
        "the disk is full: nothing was written": QCoreApplication.translate(
            "CoreErrors", "the disk is full: nothing was written"
        ),
        "the disk is full: no copy was made": QCoreApplication.translate(
            "CoreErrors", "the disk is full: no copy was made"
        ),
        "cannot be written ({})": QCoreApplication.translate(
            "CoreErrors", "cannot be written (%1)"
        ),
        "cannot be written: permission denied": QCoreApplication.translate(
            "CoreErrors", "cannot be written: permission denied"
        ),
        "cannot be written: the file system is read-only": QCoreApplication.translate(
            "CoreErrors", "cannot be written: the file system is read-only"
        ),
        "the file name is too long for the file system": QCoreApplication.translate(
            "CoreErrors", "the file name is too long for the file system"
        ),
        "is a folder; give the name of a file to write": QCoreApplication.translate(
            "CoreErrors", "is a folder; give the name of a file to write"
        ),
        "the folder to write into does not exist": QCoreApplication.translate(
            "CoreErrors", "the folder to write into does not exist"
        ),
        "is a symbolic link; annotator does not write through links": QCoreApplication.translate(
            "CoreErrors", "is a symbolic link; annotator does not write through links"
        ),
        "already exists; it is not replaced": QCoreApplication.translate(
            "CoreErrors", "already exists; it is not replaced"
        ),
        "is a file; this format writes a folder of files": QCoreApplication.translate(
            "CoreErrors", "is a file; this format writes a folder of files"
        ),
        # Opening a project, its backups and its upgrades.
        "is not an annotator project (not an SQLite file)": QCoreApplication.translate(
            "CoreErrors",
            "is not an annotator project (not an SQLite file)",
        ),
        (
            "was made by a newer version of annotator (schema {}, "
            "this version reads up to {}); upgrade annotator to open "
            "it"
        ): QCoreApplication.translate(
            "CoreErrors",
            "was made by a newer version of annotator (schema %1, "
            "this version reads up to %2); upgrade annotator to open "
            "it",
        ),
        (
            "could not be upgraded from schema {} ({}); the file is unchanged"
        ): QCoreApplication.translate(
            "CoreErrors",
            "could not be upgraded from schema %1 (%2); the file is unchanged",
        ),
        "needs upgrading from schema {} but is read-only": QCoreApplication.translate(
            "CoreErrors",
            "needs upgrading from schema %1 but is read-only",
        ),
        (
            "is damaged ({}); `annotator check` lists what is wrong, "
            "`annotator backup --restore` brings back a copy"
        ): QCoreApplication.translate(
            "CoreErrors",
            "is damaged (%1); `annotator check` lists what is wrong, "
            "`annotator backup --restore` brings back a copy",
        ),
        "is damaged: it has no table {}": QCoreApplication.translate(
            "CoreErrors",
            "is damaged: it has no table %1",
        ),
        "is damaged: its table {} has no column {}": QCoreApplication.translate(
            "CoreErrors",
            "is damaged: its table %1 has no column %2",
        ),
        "is a backup of another project, not of {}; nothing changed": QCoreApplication.translate(
            "CoreErrors",
            "is a backup of another project, not of %1; nothing changed",
        ),
        "could not be restored ({})": QCoreApplication.translate(
            "CoreErrors",
            "could not be restored (%1)",
        ),
        (
            "its identity {} (project_id in its meta table) is not "
            "one annotator makes: another program changed it; no "
            "backup is taken"
        ): QCoreApplication.translate(
            "CoreErrors",
            "its identity %1 (project_id in its meta table) is not "
            "one annotator makes: another program changed it; no "
            "backup is taken",
        ),
        # Saving an edit: what it was about.
        (
            "holds a trigger or view that another program added, "
            "which SQLite refused to run ({}); the change was not "
            "saved"
        ): QCoreApplication.translate(
            "CoreErrors",
            "holds a trigger or view that another program added, "
            "which SQLite refused to run (%1); the change was not "
            "saved",
        ),
        "no document with id {}": QCoreApplication.translate(
            "CoreErrors",
            "no document with id %1",
        ),
        "span {}-{} is outside the document (length {})": QCoreApplication.translate(
            "CoreErrors",
            "span %1-%2 is outside the document (length %3)",
        ),
        "no relation with id {}": QCoreApplication.translate(
            "CoreErrors",
            "no relation with id %1",
        ),
        "invalid annotator name {}": QCoreApplication.translate(
            "CoreErrors",
            "invalid annotator name %1",
        ),
        # A schema file read in the schema editor.
        'a schema is a JSON object with a "labels" list': QCoreApplication.translate(
            "CoreErrors",
            'a schema is a JSON object with a "labels" list',
        ),
        "label {} has no name": QCoreApplication.translate(
            "CoreErrors",
            "label %1 has no name",
        ),
        "label {}: kind must be entity, claim or quote, not {}": QCoreApplication.translate(
            "CoreErrors",
            "label %1: kind must be entity, claim or quote, not %2",
        ),
        "label {}: each attribute needs a name": QCoreApplication.translate(
            "CoreErrors",
            "label %1: each attribute needs a name",
        ),
        "label {} is defined twice": QCoreApplication.translate(
            "CoreErrors",
            "label %1 is defined twice",
        ),
        '"relation_types" must be a list': QCoreApplication.translate(
            "CoreErrors",
            '"relation_types" must be a list',
        ),
        "relation type {} is malformed": QCoreApplication.translate(
            "CoreErrors",
            "relation type %1 is malformed",
        ),
        # Training and suggestions in the window: what they learn from.
        (
            "the model knows none of the project's labels (it knows "
            "{}); it was trained on another schema"
        ): QCoreApplication.translate(
            "CoreErrors",
            "the model knows none of the project's labels (it knows "
            "%1); it was trained on another schema",
        ),
        "train from the gold layer or from annotators, not both": QCoreApplication.translate(
            "CoreErrors",
            "train from the gold layer or from annotators, not both",
        ),
        (
            "the project is blind: {} sees only their own work, not "
            "{}; a curator measures the agreement"
        ): QCoreApplication.translate(
            "CoreErrors",
            "the project is blind: %1 sees only their own work, not "
            "%2; a curator measures the agreement",
        ),
        "the project is blind: {} sees only their own work, not {}": QCoreApplication.translate(
            "CoreErrors",
            "the project is blind: %1 sees only their own work, not %2",
        ),
        "no annotator named {} in the project": QCoreApplication.translate(
            "CoreErrors",
            "no annotator named %1 in the project",
        ),
        "no label named {} in the schema": QCoreApplication.translate(
            "CoreErrors",
            "no label named %1 in the schema",
        ),
        "no document named {} in the project": QCoreApplication.translate(
            "CoreErrors",
            "no document named %1 in the project",
        ),
        # A model file chosen for suggestions.
        "cannot read the model: {}": QCoreApplication.translate(
            "CoreErrors",
            "cannot read the model: %1",
        ),
        "not a valid model file: {}": QCoreApplication.translate(
            "CoreErrors",
            "not a valid model file: %1",
        ),
        "model.json is not UTF-8 text ({})": QCoreApplication.translate(
            "CoreErrors",
            "model.json is not UTF-8 text (%1)",
        ),
        "not a model made by `annotator learn`": QCoreApplication.translate(
            "CoreErrors",
            "not a model made by `annotator learn`",
        ),
        "a model of an earlier annotator: train it again": QCoreApplication.translate(
            "CoreErrors",
            "a model of an earlier annotator: train it again",
        ),
        "model version {} is not known": QCoreApplication.translate(
            "CoreErrors",
            "model version %1 is not known",
        ),
        "the model lacks {}": QCoreApplication.translate(
            "CoreErrors",
            "the model lacks %1",
        ),
        "{} in the model is too large ({} bytes)": QCoreApplication.translate(
            "CoreErrors",
            "%1 in the model is too large (%2 bytes)",
        ),
        "{} in the model is encrypted": QCoreApplication.translate(
            "CoreErrors",
            "%1 in the model is encrypted",
        ),
        (
            "{} in the model is compressed in a way annotator cannot read"
        ): QCoreApplication.translate(
            "CoreErrors",
            "%1 in the model is compressed in a way annotator cannot read",
        ),
        "the model's weights are damaged ({})": QCoreApplication.translate(
            "CoreErrors",
            "the model's weights are damaged (%1)",
        ),
        # Lists of names and patterns for suggestions.
        "expected TEXT, a tab, then a LABEL": QCoreApplication.translate(
            "CoreErrors",
            "expected TEXT, a tab, then a LABEL",
        ),
        "not a valid pattern: {}": QCoreApplication.translate(
            "CoreErrors",
            "not a valid pattern: %1",
        ),
        (
            "the pattern took longer than {} s on document {}; "
            "simplify it (nested repeats such as (a+)+ try every "
            "split)"
        ): QCoreApplication.translate(
            "CoreErrors",
            "the pattern took longer than %1 s on document %2; "
            "simplify it (nested repeats such as (a+)+ try every "
            "split)",
        ),
        # Review, gold and agreement.
        "{} may not change the gold layer (only curators can)": QCoreApplication.translate(
            "CoreErrors",
            "%1 may not change the gold layer (only curators can)",
        ),
        (
            "unknown strategy {}; use unanimous, majority or min-votes=N (N ≥ 1)"
        ): QCoreApplication.translate(
            "CoreErrors",
            "unknown strategy %1; use unanimous, majority or min-votes=N (N ≥ 1)",
        ),
        "no annotations by {} in the project": QCoreApplication.translate(
            "CoreErrors",
            "no annotations by %1 in the project",
        ),
        "agreement needs at least two annotators": QCoreApplication.translate(
            "CoreErrors",
            "agreement needs at least two annotators",
        ),
        # Projects on a server: connecting, permissions, upgrades.
        "cannot connect: {}": QCoreApplication.translate(
            "CoreErrors",
            "cannot connect: %1",
        ),
        (
            "authentication failed for {} (the password comes from "
            "the URL, PGPASSWORD, ~/.pgpass or a service file)"
        ): QCoreApplication.translate(
            "CoreErrors",
            "authentication failed for %1 (the password comes from "
            "the URL, PGPASSWORD, ~/.pgpass or a service file)",
        ),
        "the server refused: {}": QCoreApplication.translate(
            "CoreErrors",
            "the server refused: %1",
        ),
        "is not a PostgreSQL URL libpq reads ({})": QCoreApplication.translate(
            "CoreErrors",
            "is not a PostgreSQL URL libpq reads (%1)",
        ),
        "names no project: add ?project=NAME to the URL": QCoreApplication.translate(
            "CoreErrors",
            "names no project: add ?project=NAME to the URL",
        ),
        (
            "project name {} must be 1 to 40 lowercase letters, "
            "digits or _, beginning with a letter"
        ): QCoreApplication.translate(
            "CoreErrors",
            "project name %1 must be 1 to 40 lowercase letters, "
            "digits or _, beginning with a letter",
        ),
        "answer_timeout must be a number of seconds, not {}": QCoreApplication.translate(
            "CoreErrors",
            "answer_timeout must be a number of seconds, not %1",
        ),
        (
            "no project {} on this server (make it with `annotator server init`)"
        ): QCoreApplication.translate(
            "CoreErrors",
            "no project %1 on this server (make it with `annotator server init`)",
        ),
        (
            "no project {} on this server (make it with `annotator "
            "server init`, or check ?project=)"
        ): QCoreApplication.translate(
            "CoreErrors",
            "no project %1 on this server (make it with `annotator "
            "server init`, or check ?project=)",
        ),
        (
            "project {} already exists on this server; open it, or choose another name"
        ): QCoreApplication.translate(
            "CoreErrors",
            "project %1 already exists on this server; open it, or choose another name",
        ),
        (
            "{} may not make a project here: that needs a superuser, "
            "or a role with CREATEROLE that may create schemas in "
            "the database"
        ): QCoreApplication.translate(
            "CoreErrors",
            "%1 may not make a project here: that needs a superuser, "
            "or a role with CREATEROLE that may create schemas in "
            "the database",
        ),
        (
            "{} is not a person of the project {}: its owner adds "
            "them with `annotator server add-user URL {}`"
        ): QCoreApplication.translate(
            "CoreErrors",
            "%1 is not a person of the project %2: its owner adds "
            "them with `annotator server add-user URL %3`",
        ),
        (
            "was made by a newer version of annotator ({} {}, this "
            "version reads up to {}); upgrade annotator to open it"
        ): QCoreApplication.translate(
            "CoreErrors",
            "was made by a newer version of annotator (%1 %2, this "
            "version reads up to %3); upgrade annotator to open it",
        ),
        (
            "was made by an older annotator (server schema {}; this "
            "one needs {}): its owner, {}, must open it once with "
            "this version, or run `annotator server upgrade URL`; "
            "nothing was changed"
        ): QCoreApplication.translate(
            "CoreErrors",
            "was made by an older annotator (server schema %1; this "
            "one needs %2): its owner, %3, must open it once with "
            "this version, or run `annotator server upgrade URL`; "
            "nothing was changed",
        ),
        "has a server schema version that is not a number ({})": QCoreApplication.translate(
            "CoreErrors",
            "has a server schema version that is not a number (%1)",
        ),
        (
            "could not be upgraded from server schema {} to {}: "
            "colleagues' work held its tables for too long; nothing "
            "was changed, try again"
        ): QCoreApplication.translate(
            "CoreErrors",
            "could not be upgraded from server schema %1 to %2: "
            "colleagues' work held its tables for too long; nothing "
            "was changed, try again",
        ),
        (
            "could not be upgraded from server schema {} to {} ({}); nothing was changed"
        ): QCoreApplication.translate(
            "CoreErrors",
            "could not be upgraded from server schema %1 to %2 (%3); nothing was changed",
        ),
        (
            "not done: still waiting for the server to answer the change before"
        ): QCoreApplication.translate(
            "CoreErrors",
            "not done: still waiting for the server to answer the change before",
        ),
        (
            "not saved: another person's change held what this one needed for too long; try again"
        ): QCoreApplication.translate(
            "CoreErrors",
            "not saved: another person's change held what this one needed for too long; try again",
        ),
        "not saved: the server took too long and stopped it": QCoreApplication.translate(
            "CoreErrors",
            "not saved: the server took too long and stopped it",
        ),
        (
            "{} may not write this row of {} (it is another annotator's, or only curators may)"
        ): QCoreApplication.translate(
            "CoreErrors",
            "%1 may not write this row of %2 (it is another annotator's, or only curators may)",
        ),
        "{} may not change {}: only curators can": QCoreApplication.translate(
            "CoreErrors",
            "%1 may not change %2: only curators can",
        ),
        # Importing files: their formats.
        "the JSON is nested too deeply": QCoreApplication.translate(
            "CoreErrors",
            "the JSON is nested too deeply",
        ),
        "the folder cannot be read ({})": QCoreApplication.translate(
            "CoreErrors",
            "the folder cannot be read (%1)",
        ),
        "is not valid {} (bad byte at offset {})": QCoreApplication.translate(
            "CoreErrors",
            "is not valid %1 (bad byte at offset %2)",
        ),
        (
            "mixes UTF-8 with another encoding (the first byte that "
            "is not UTF-8 is at offset {}); save it in one encoding"
        ): QCoreApplication.translate(
            "CoreErrors",
            "mixes UTF-8 with another encoding (the first byte that "
            "is not UTF-8 is at offset %1); save it in one encoding",
        ),
        "is not UTF-8 text (bad byte at offset {})": QCoreApplication.translate(
            "CoreErrors",
            "is not UTF-8 text (bad byte at offset %1)",
        ),
        "the file's name is not valid UTF-8 text; rename the file": QCoreApplication.translate(
            "CoreErrors",
            "the file's name is not valid UTF-8 text; rename the file",
        ),
        "the {} format can only be exported": QCoreApplication.translate(
            "CoreErrors",
            "the %1 format can only be exported",
        ),
        "holds no tokens": QCoreApplication.translate(
            "CoreErrors",
            "holds no tokens",
        ),
        "has more cells than the header has columns": QCoreApplication.translate(
            "CoreErrors",
            "has more cells than the header has columns",
        ),
        "the {} cell is empty": QCoreApplication.translate(
            "CoreErrors",
            "the %1 cell is empty",
        ),
        "is not valid CSV ({})": QCoreApplication.translate(
            "CoreErrors",
            "is not valid CSV (%1)",
        ),
        "has a header but no rows": QCoreApplication.translate(
            "CoreErrors",
            "has a header but no rows",
        ),
        "holds no records": QCoreApplication.translate(
            "CoreErrors",
            "holds no records",
        ),
        "unknown offset unit {}; use {}": QCoreApplication.translate(
            "CoreErrors",
            "unknown offset unit %1; use %2",
        ),
        "unknown doccano project type {}; use {}": QCoreApplication.translate(
            "CoreErrors",
            "unknown doccano project type %1; use %2",
        ),
        "no article text was found in this HTML page": QCoreApplication.translate(
            "CoreErrors",
            "no article text was found in this HTML page",
        ),
        "holds no sentences": QCoreApplication.translate(
            "CoreErrors",
            "holds no sentences",
        ),
        (
            "is not WebAnno TSV 3 (no #FORMAT=WebAnno TSV 3.x first line)"
        ): QCoreApplication.translate(
            "CoreErrors",
            "is not WebAnno TSV 3 (no #FORMAT=WebAnno TSV 3.x first line)",
        ),
        "a token row must read SENT-TOK<TAB>BEGIN-END<TAB>FORM": QCoreApplication.translate(
            "CoreErrors",
            "a token row must read SENT-TOK<TAB>BEGIN-END<TAB>FORM",
        ),
        "token {} is not in its sentence's #Text": QCoreApplication.translate(
            "CoreErrors",
            "token %1 is not in its sentence's #Text",
        ),
        "a sentence overlaps the one before it": QCoreApplication.translate(
            "CoreErrors",
            "a sentence overlaps the one before it",
        ),
        (
            "offset {} is beyond the longest article annotator takes ({} characters)"
        ): QCoreApplication.translate(
            "CoreErrors",
            "offset %1 is beyond the longest article annotator takes (%2 characters)",
        ),
        (
            "token {} at {}-{} does not match the text there ({}); offsets count UTF-16 units"
        ): QCoreApplication.translate(
            "CoreErrors",
            "token %1 at %2-%3 does not match the text there (%4); offsets count UTF-16 units",
        ),
        "bad relation source {}": QCoreApplication.translate(
            "CoreErrors",
            "bad relation source %1",
        ),
        "relation {} does not link two spans": QCoreApplication.translate(
            "CoreErrors",
            "relation %1 does not link two spans",
        ),
        "is not a UIMA CAS XMI file this type system reads ({})": QCoreApplication.translate(
            "CoreErrors",
            "is not a UIMA CAS XMI file this type system reads (%1)",
        ),
        "has no text (an empty sofaString)": QCoreApplication.translate(
            "CoreErrors",
            "has no text (an empty sofaString)",
        ),
        "{}: the text at {}-{} is {}, not {}": QCoreApplication.translate(
            "CoreErrors",
            "%1: the text at %2-%3 is %4, not %5",
        ),
        "has no text file {} beside it": QCoreApplication.translate(
            "CoreErrors",
            "has no text file %1 beside it",
        ),
        "{}: relation {} refers to a missing annotation {}": QCoreApplication.translate(
            "CoreErrors",
            "%1: relation %2 refers to a missing annotation %3",
        ),
        # Exporting: what a format needs, what it cannot write.
        "the {} format can only be imported": QCoreApplication.translate(
            "CoreErrors",
            "the %1 format can only be imported",
        ),
        (
            "is the project itself; it is not replaced: give another name"
        ): QCoreApplication.translate(
            "CoreErrors",
            "is the project itself; it is not replaced: give another name",
        ),
        (
            "is not a regular file (a device or a pipe); it is not replaced"
        ): QCoreApplication.translate(
            "CoreErrors",
            "is not a regular file (a device or a pipe); it is not replaced",
        ),
        "the file name is longer than {} bytes": QCoreApplication.translate(
            "CoreErrors",
            "the file name is longer than %1 bytes",
        ),
        (
            "writing Parquet needs pyarrow: pip install 'annotator[parquet]'"
        ): QCoreApplication.translate(
            "CoreErrors",
            "writing Parquet needs pyarrow: pip install 'annotator[parquet]'",
        ),
        (
            "the spaCy export needs spaCy: pip install 'annotator[spacy]'"
        ): QCoreApplication.translate(
            "CoreErrors",
            "the spaCy export needs spaCy: pip install 'annotator[spacy]'",
        ),
        (
            "document {} holds characters XML cannot hold (run "
            "`annotator check` to find them); the export stopped "
            "there"
        ): QCoreApplication.translate(
            "CoreErrors",
            "document %1 holds characters XML cannot hold (run "
            "`annotator check` to find them); the export stopped "
            "there",
        ),
        "{}: NaN and Infinity are not JSON; run `annotator check`": QCoreApplication.translate(
            "CoreErrors",
            "%1: NaN and Infinity are not JSON; run `annotator check`",
        ),
        (
            "a text in the project is not valid UTF-8; was the file "
            "changed by another program? (`annotator check` names it)"
        ): QCoreApplication.translate(
            "CoreErrors",
            "a text in the project is not valid UTF-8; was the file "
            "changed by another program? (`annotator check` names it)",
        ),
        (
            "a metadata or attributes cell is not valid JSON; was "
            "the file changed by another program? (`annotator check` "
            "names it)"
        ): QCoreApplication.translate(
            "CoreErrors",
            "a metadata or attributes cell is not valid JSON; was "
            "the file changed by another program? (`annotator check` "
            "names it)",
        ),
        "the chart is written as .png, .pdf or .svg": QCoreApplication.translate(
            "CoreErrors",
            "the chart is written as .png, .pdf or .svg",
        ),
        "charts need matplotlib: pip install 'annotator[charts]'": QCoreApplication.translate(
            "CoreErrors",
            "charts need matplotlib: pip install 'annotator[charts]'",
        ),
        # Projects on a server: a connection refused, lost or slow; backups.
        "the server cannot be reached ({})": QCoreApplication.translate(
            "CoreErrors",
            "the server cannot be reached (%1)",
        ),
        (
            "the connection to the server was lost: the change is not saved ({})"
        ): QCoreApplication.translate(
            "CoreErrors",
            "the connection to the server was lost: the change is not saved (%1)",
        ),
        "the server did not answer within {} seconds": QCoreApplication.translate(
            "CoreErrors",
            "the server did not answer within %1 seconds",
        ),
        (
            "is a project on a server, which a backup file does not "
            "replace; copy the backup to a new server project "
            "instead (annotator copy BACKUP URL)"
        ): QCoreApplication.translate(
            "CoreErrors",
            "is a project on a server, which a backup file does not "
            "replace; copy the backup to a new server project "
            "instead (annotator copy BACKUP URL)",
        ),
        (
            "the database's and the project's names together are too "
            "long for role names (at most 63 bytes with .curators)"
        ): QCoreApplication.translate(
            "CoreErrors",
            "the database's and the project's names together are too "
            "long for role names (at most 63 bytes with .curators)",
        ),
        # Importing annotator's own JSONL and reading its cells.
        "annotation {} is not an object": QCoreApplication.translate(
            "CoreErrors",
            "annotation %1 is not an object",
        ),
        "{}: attributes must be an object": QCoreApplication.translate(
            "CoreErrors",
            "%1: attributes must be an object",
        ),
        "annotation id {} appears twice": QCoreApplication.translate(
            "CoreErrors",
            "annotation id %1 appears twice",
        ),
        "relation {} is not an object": QCoreApplication.translate(
            "CoreErrors",
            "relation %1 is not an object",
        ),
        "relation {} refers to a missing annotation {}": QCoreApplication.translate(
            "CoreErrors",
            "relation %1 refers to a missing annotation %2",
        ),
        "relation {} has no type": QCoreApplication.translate(
            "CoreErrors",
            "relation %1 has no type",
        ),
        (
            "status of {} must be not_started, in_progress or done, not {}"
        ): QCoreApplication.translate(
            "CoreErrors",
            "status of %1 must be not_started, in_progress or done, not %2",
        ),
        (
            "{}: its attributes {} are not what annotator writes; "
            "was the file changed by another program?"
        ): QCoreApplication.translate(
            "CoreErrors",
            "%1: its attributes %2 are not what annotator writes; "
            "was the file changed by another program?",
        ),
        # Importing doccano files.
        "each record must be a JSON object": QCoreApplication.translate(
            "CoreErrors",
            "each record must be a JSON object",
        ),
        '"{}" must be a list of spans': QCoreApplication.translate(
            "CoreErrors",
            '"%1" must be a list of spans',
        ),
        "span {}: its id must be a number or text": QCoreApplication.translate(
            "CoreErrors",
            "span %1: its id must be a number or text",
        ),
        "span {} is neither [start, end, label] nor an object": QCoreApplication.translate(
            "CoreErrors",
            "span %1 is neither [start, end, label] nor an object",
        ),
        "span {}: start and end must be whole numbers": QCoreApplication.translate(
            "CoreErrors",
            "span %1: start and end must be whole numbers",
        ),
        '"relations" must be a list': QCoreApplication.translate(
            "CoreErrors",
            '"relations" must be a list',
        ),
        "relation {} must be an object with from_id, to_id and type": QCoreApplication.translate(
            "CoreErrors",
            "relation %1 must be an object with from_id, to_id and type",
        ),
        "relation {} refers to a missing entity": QCoreApplication.translate(
            "CoreErrors",
            "relation %1 refers to a missing entity",
        ),
        # Importing Label Studio files.
        "must hold a list of tasks": QCoreApplication.translate(
            "CoreErrors",
            "must hold a list of tasks",
        ),
        'each task must be an object with "data"': QCoreApplication.translate(
            "CoreErrors",
            'each task must be an object with "data"',
        ),
        '"data.{}" must be a non-empty string': QCoreApplication.translate(
            "CoreErrors",
            '"data.%1" must be a non-empty string',
        ),
        "each annotation and prediction needs a result list": QCoreApplication.translate(
            "CoreErrors",
            "each annotation and prediction needs a result list",
        ),
        "a relation refers to a region that is not a labelled span": QCoreApplication.translate(
            "CoreErrors",
            "a relation refers to a region that is not a labelled span",
        ),
        "a relation's labels must be a list of names": QCoreApplication.translate(
            "CoreErrors",
            "a relation's labels must be a list of names",
        ),
        '"{}" must be a list of objects': QCoreApplication.translate(
            "CoreErrors",
            '"%1" must be a list of objects',
        ),
        (
            'needs a "{}" column holding the spans (Label Studio\'s CSV export)'
        ): QCoreApplication.translate(
            "CoreErrors",
            'needs a "%1" column holding the spans (Label Studio\'s CSV export)',
        ),
        'row {}: the "{}" cell is not JSON': QCoreApplication.translate(
            "CoreErrors",
            'row %1: the "%2" cell is not JSON',
        ),
        "result {} has no value with labels": QCoreApplication.translate(
            "CoreErrors",
            "result %1 has no value with labels",
        ),
        "result {}: start and end must be whole numbers": QCoreApplication.translate(
            "CoreErrors",
            "result %1: start and end must be whole numbers",
        ),
        (
            "the span texts do not match the text counted in {} (first: {} at {}-{})"
        ): QCoreApplication.translate(
            "CoreErrors",
            "the span texts do not match the text counted in %1 (first: %2 at %3-%4)",
        ),
        # Importing brat standoff files.
        "the id {} is given twice (first on line {})": QCoreApplication.translate(
            "CoreErrors",
            "the id %1 is given twice (first on line %2)",
        ),
        "a T line must read ID<TAB>TYPE START END<TAB>TEXT": QCoreApplication.translate(
            "CoreErrors",
            "a T line must read ID<TAB>TYPE START END<TAB>TEXT",
        ),
        "{}: fragments must be ordered, non-empty and apart": QCoreApplication.translate(
            "CoreErrors",
            "%1: fragments must be ordered, non-empty and apart",
        ),
        "{}: a relation must read TYPE Arg1:ID Arg2:ID": QCoreApplication.translate(
            "CoreErrors",
            "%1: a relation must read TYPE Arg1:ID Arg2:ID",
        ),
        "{}: an attribute must read NAME ID [VALUE]": QCoreApplication.translate(
            "CoreErrors",
            "%1: an attribute must read NAME ID [VALUE]",
        ),
        "{}: a note must read TYPE ID<TAB>TEXT": QCoreApplication.translate(
            "CoreErrors",
            "%1: a note must read TYPE ID<TAB>TEXT",
        ),
        # After the lines above, whose values these general ends would also match.
        '"{}" must be a non-empty string': QCoreApplication.translate(
            "CoreErrors",
            '"%1" must be a non-empty string',
        ),
        "{}: start and end must be whole numbers": QCoreApplication.translate(
            "CoreErrors",
            "%1: start and end must be whole numbers",
        ),
        # Import problems naming a command-line option: the translation says what to
        # choose, and names the option as the command line's.
        "unknown kind of file {}; name it with --format": QCoreApplication.translate(
            "CoreErrors",
            "unknown kind of file %1; name it with --format",
        ),
        (
            "has no column {} (columns: {}); name the text column with --text-column"
        ): QCoreApplication.translate(
            "CoreErrors",
            "has no column %1 (columns: %2); name the text column with --text-column",
        ),
        (
            "the file names no annotator for its annotations; give one with --annotator NAME"
        ): QCoreApplication.translate(
            "CoreErrors",
            "the file names no annotator for its annotations; give one with --annotator NAME",
        ),
        # A reason inside a reason: its own line translated too (_REASON_INSIDE); after
        # the particular lines these general ones would also match.
        "task {}: {}": QCoreApplication.translate("CoreErrors", "task %1: %2"),
        "result {}: {}": QCoreApplication.translate("CoreErrors", "result %1: %2"),
        "span {}: {} (offsets counted in {})": QCoreApplication.translate(
            "CoreErrors", "span %1: %2 (offsets counted in %3)"
        ),
        # Whose work a blind project hides (inside the lines above).
        "the gold layer": QCoreApplication.translate("CoreErrors", "the gold layer"),
        "their colleagues'": QCoreApplication.translate("CoreErrors", "their colleagues'"),
        "{}'s work": QCoreApplication.translate("CoreErrors", "%1's work"),
        "{}'s": QCoreApplication.translate("CoreErrors", "%1's"),
        # A file that is not one, or too big, and a text's refused character (the lines
        # with their values inside, then the values).
        "is {}, not a regular file": QCoreApplication.translate(
            "CoreErrors", "is %1, not a regular file"
        ),
        "is {}; {} can be at most {} (split it into parts)": QCoreApplication.translate(
            "CoreErrors", "is %1; %2 can be at most %3 (split it into parts)"
        ),
        "{}; is it a binary file?": QCoreApplication.translate(
            "CoreErrors", "%1; is it a binary file?"
        ),
        "contains {} at {}": QCoreApplication.translate("CoreErrors", "contains %1 at %2"),
        "a named pipe (FIFO)": QCoreApplication.translate("CoreErrors", "a named pipe (FIFO)"),
        "a character device": QCoreApplication.translate("CoreErrors", "a character device"),
        "a block device": QCoreApplication.translate("CoreErrors", "a block device"),
        "a socket": QCoreApplication.translate("CoreErrors", "a socket"),
        "a folder": QCoreApplication.translate("CoreErrors", "a folder"),
        "a file": QCoreApplication.translate("CoreErrors", "a file"),
        "a model": QCoreApplication.translate("CoreErrors", "a model"),
        "{} MB": QCoreApplication.translate("CoreErrors", "%1 MB"),
        "{} bytes": QCoreApplication.translate("CoreErrors", "%1 bytes"),
        "line {}, column {}": QCoreApplication.translate("CoreErrors", "line %1, column %2"),
        "character {}": QCoreApplication.translate("CoreErrors", "character %1"),
        # A server gone silent, a document naming what the schema lacks (their values
        # inside translated too).
        (
            "{}, so the connection was cut: the change under way is not saved"
        ): QCoreApplication.translate(
            "CoreErrors", "%1, so the connection was cut: the change under way is not saved"
        ),
        (
            "document {}: unknown {} {} (add it to the schema, or import with --add-labels)"
        ): QCoreApplication.translate(
            "CoreErrors",
            "document %1: unknown %2 %3 (add it to the schema, or import with --add-labels)",
        ),
        "label": QCoreApplication.translate("CoreErrors", "label"),
        "relation type": QCoreApplication.translate("CoreErrors", "relation type"),
    }


# The lines whose value at this place (1 for the first) is itself a reason from the core:
# the file's record numbered, then what is wrong with it.
_REASON_INSIDE: dict[str, tuple[int, ...]] = {
    "task {}: {}": (2,),
    "result {}: {}": (2,),
    "span {}: {} (offsets counted in {})": (2,),
    # whose work a blind project hides: "the gold layer", "alice's work", ...
    "the project is blind: {} sees only their own work, not {}; a curator measures the agreement": (
        2,
    ),
    "the project is blind: {} sees only their own work, not {}": (2,),
    # what a file is instead, its size, what it is for; the character refused, where
    "is {}, not a regular file": (1,),
    "is {}; {} can be at most {} (split it into parts)": (1, 2, 3),
    "{}; is it a binary file?": (1,),
    "contains {} at {}": (2,),
    # the server's silence; what a file's document names that the schema lacks
    "{}, so the connection was cut: the change under way is not saved": (1,),
    "document {}: unknown {} {} (add it to the schema, or import with --add-labels)": (2,),
}

# A file name or a value inside a translated line keeps its own direction (a Latin path
# in an Arabic line is not reordered around it): first-strong isolates.
_ISOLATE = "\u2068{}\u2069"
_PLACEHOLDER = re.compile(r"%(\d+)")  # a translation's %1, %2, ...


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(
        re.compile("(.+?)".join(re.escape(part) for part in english.split("{}")), re.DOTALL)
        for english in _table()
    )


def _numbered(english: str) -> str:
    """``english`` with its ``{}`` numbered as a translation's %1, %2, ..."""
    parts = english.split("{}")
    return "".join(f"{part}%{n}" for n, part in enumerate(parts[:-1], start=1)) + parts[-1]


def _put(translated: str, values: dict[int, str]) -> str:
    """``translated`` with its %1, %2, ... replaced in one pass: a value may itself hold
    "%2" (a file or a label named so), which must stay as it is."""
    return _PLACEHOLDER.sub(lambda m: values.get(int(m[1]), m[0]), translated)


def reason_text(message: str) -> str:
    """The core's ``message`` in the interface's language (as it is when untranslated)."""
    for pattern, (english, translated) in zip(_patterns(), _table().items(), strict=True):
        found = pattern.fullmatch(message)
        if found is None:
            continue
        if translated == _numbered(english):  # the interface is in English
            return message
        inside = _REASON_INSIDE.get(english, ())
        values = {
            n: _ISOLATE.format(reason_text(value) if n in inside else value)
            for n, value in enumerate(found.groups(), start=1)
        }
        return _put(translated, values)
    return message


def error_text(exc: BaseException) -> str:
    """One line for an error caught in the window: a core UserError's file (and line)
    and its reason in the interface's language; anything else as it prints."""
    if not isinstance(exc, UserError):
        return str(exc)
    reason = reason_text(exc.message)
    if (
        reason == exc.message and QCoreApplication.translate("CoreErrors", "%1: %2") == "%1: %2"
    ):  # the interface is in English
        return str(exc)
    if not exc.path:
        return printable(reason)
    where = _ISOLATE.format(exc.path)
    if exc.line is not None:
        where = _put(
            QCoreApplication.translate("CoreErrors", "%1, line %2"), {1: where, 2: str(exc.line)}
        )
    return printable(
        _put(QCoreApplication.translate("CoreErrors", "%1: %2"), {1: where, 2: reason})
    )
