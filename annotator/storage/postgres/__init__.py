"""A project on a PostgreSQL server: one schema per project in a database, with every
annotator a database role whose rights the database itself enforces (row-level security).

Nothing here imports Qt; psycopg is imported only when a server project is used.
"""
