-- Orleans.SoSucKhoe: grain state of the embedded profile's own group-commit storage (SqliteGrainStore).
--
-- One row per grain state, keyed by the service, the state name ([PersistentState] name) and the grain id's text form
-- ("patient/…"). Version is the ETag: 1 after the first write, +1 on every write and every clear. A cleared state keeps
-- its row with a NULL payload and a higher version, so a stale ETag still conflicts after a clear.
--
-- Migration: builds before this table stored grain state in a GrainState table through the Orleans ADO.NET provider.
-- The embedded profile no longer reads it; data folders from those builds are test data and may be deleted (README).
-- Nothing is copied between the two tables.
--
-- The script is idempotent: the host runs it at every start.

CREATE TABLE IF NOT EXISTS GrainRecord
(
    ServiceId  TEXT    NOT NULL,
    StateName  TEXT    NOT NULL,
    GrainId    TEXT    NOT NULL,
    Version    INTEGER NOT NULL,
    Payload    BLOB    NULL,
    ModifiedOn TEXT    NOT NULL,
    PRIMARY KEY (ServiceId, StateName, GrainId)
) STRICT;
