-- Orleans.SoSucKhoe: grain persistence for the embedded profile (SQLite, one node, file-backed).
--
-- Used by Microsoft.Orleans.Persistence.AdoNet with the invariant "System.Data.SQLite" (which Orleans maps
-- to Microsoft.Data.Sqlite). The provider loads its statements from OrleansQuery at start-up and calls them
-- with these named parameters:
--   @GrainIdHash, @GrainTypeHash   int     (hashes; not stored here, the natural key is the primary key)
--   @GrainIdN0, @GrainIdN1         bigint  (the two halves of a Guid key, or 0 and the integer key)
--   @GrainTypeString               text    (the grain's state type name)
--   @GrainIdExtensionString        text    (string key, or the key extension; NULL when there is none)
--   @ServiceId                     text
--   @GrainStateVersion             int     (the ETag the grain holds; NULL when it has never written)
--   @PayloadBinary                 blob    (write only)
-- Contract: read returns at most one row (PayloadBinary, Version); write and clear return one row whose
-- first column is the new version, or NULL (or no row) on an ETag conflict; the provider then raises
-- InconsistentStateException.
--
-- The script is idempotent: the host runs it at every start.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
) STRICT;

-- One row per grain state. A missing key extension is stored as '' so that the natural key can be the
-- primary key (Orleans never creates an empty key extension). A cleared state keeps its row with a NULL
-- payload and a higher version, so a stale ETag still conflicts after a clear.
CREATE TABLE IF NOT EXISTS GrainState
(
    ServiceId              TEXT    NOT NULL,
    GrainTypeString        TEXT    NOT NULL,
    GrainIdN0              INTEGER NOT NULL,
    GrainIdN1              INTEGER NOT NULL,
    GrainIdExtensionString TEXT    NOT NULL,
    Version                INTEGER NOT NULL,
    PayloadBinary          BLOB    NULL,
    ModifiedOn             TEXT    NOT NULL,
    PRIMARY KEY (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString)
) STRICT;

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
SELECT PayloadBinary, Version
FROM GrainState
WHERE ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString = coalesce(@GrainIdExtensionString, '''');
');

-- Write = compare-and-set on Version in one statement:
--   no ETag    -> insert version 1; an existing row is a conflict (the DO UPDATE condition is false);
--   ETag n     -> update the row only when its version is n, to n + 1; a missing row is a conflict
--                 (the SELECT yields no row to insert, so nothing changes).
-- The second statement reports the outcome from changes() of the first one on this connection, without
-- reading the table again, so a concurrent writer cannot slip in between.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
INSERT INTO GrainState
    (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, Version, PayloadBinary, ModifiedOn)
SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, coalesce(@GrainIdExtensionString, ''''), 1,
       @PayloadBinary, strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now'')
WHERE @GrainStateVersion IS NULL
   OR EXISTS (SELECT 1 FROM GrainState
              WHERE ServiceId = @ServiceId
                AND GrainTypeString = @GrainTypeString
                AND GrainIdN0 = @GrainIdN0
                AND GrainIdN1 = @GrainIdN1
                AND GrainIdExtensionString = coalesce(@GrainIdExtensionString, ''''))
ON CONFLICT (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString) DO UPDATE
SET Version = Version + 1,
    PayloadBinary = excluded.PayloadBinary,
    ModifiedOn = excluded.ModifiedOn
WHERE @GrainStateVersion IS NOT NULL AND Version = @GrainStateVersion;
SELECT CASE WHEN changes() = 1 THEN coalesce(@GrainStateVersion, 0) + 1 END AS NewGrainStateVersion;
');

-- Clear keeps the row (NULL payload) and moves the version on; a stale or missing ETag returns no row.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
UPDATE GrainState
SET Version = Version + 1,
    PayloadBinary = NULL,
    ModifiedOn = strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now'')
WHERE ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString = coalesce(@GrainIdExtensionString, '''')
  AND @GrainStateVersion IS NOT NULL
  AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;
');
