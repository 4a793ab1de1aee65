-- Orleans.SoSucKhoe: grain persistence for the cluster profile (PostgreSQL 15).
--
-- Used by Microsoft.Orleans.Persistence.AdoNet with the invariant "Npgsql". The provider loads its
-- statements from OrleansQuery at start-up and calls them with these named parameters:
--   @GrainIdHash, @GrainTypeHash   int4   (hashes; not stored here, the natural key is the primary key)
--   @GrainIdN0, @GrainIdN1         int8   (the two halves of a Guid key, or 0 and the integer key)
--   @GrainTypeString               text   (the grain's state type name)
--   @GrainIdExtensionString        text   (string key, or the key extension; NULL when there is none)
--   @ServiceId                     text
--   @GrainStateVersion             int4   (the ETag the grain holds; NULL when it has never written)
--   @PayloadBinary                 bytea  (write only)
-- Contract: read returns at most one row (PayloadBinary, Version); write and clear return one row whose
-- first column is the new version, or NULL (or no row) on an ETag conflict; the provider then raises
-- InconsistentStateException.
--
-- Idempotent: PostgresStorage.ApplySchemaAsync runs it at every start (under an advisory lock).

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

-- One row per grain state. A missing key extension is stored as '' so that the natural key can be the
-- primary key (Orleans never creates an empty key extension). A cleared state keeps its row with a NULL
-- payload and a higher version, so a stale ETag still conflicts after a clear.
CREATE TABLE IF NOT EXISTS GrainState
(
    ServiceId              text        NOT NULL,
    GrainTypeString        text        NOT NULL,
    GrainIdN0              bigint      NOT NULL,
    GrainIdN1              bigint      NOT NULL,
    GrainIdExtensionString text        NOT NULL,
    Version                integer     NOT NULL,
    PayloadBinary          bytea       NULL,
    ModifiedOn             timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT PK_GrainState PRIMARY KEY (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', $query$
SELECT PayloadBinary, Version
FROM GrainState
WHERE ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString = coalesce(@GrainIdExtensionString, '');
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Write = compare-and-set on Version in one statement:
--   no ETag -> insert version 1; an existing row is a conflict (ON CONFLICT DO NOTHING inserts nothing);
--   ETag n  -> update the row only when its version is n, to n + 1 (READ COMMITTED re-checks the version
--              after waiting for a concurrent writer's lock); a missing row is a conflict.
-- Exactly one row comes back: the new version, or NULL on conflict.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', $query$
WITH updated AS (
    UPDATE GrainState
    SET Version = Version + 1,
        PayloadBinary = @PayloadBinary,
        ModifiedOn = now()
    WHERE ServiceId = @ServiceId
      AND GrainTypeString = @GrainTypeString
      AND GrainIdN0 = @GrainIdN0
      AND GrainIdN1 = @GrainIdN1
      AND GrainIdExtensionString = coalesce(@GrainIdExtensionString, '')
      AND @GrainStateVersion IS NOT NULL
      AND Version = @GrainStateVersion
    RETURNING Version
), inserted AS (
    INSERT INTO GrainState
        (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, Version, PayloadBinary)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, coalesce(@GrainIdExtensionString, ''), 1,
           @PayloadBinary
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT ON CONSTRAINT PK_GrainState DO NOTHING
    RETURNING Version
)
SELECT (SELECT Version FROM updated UNION ALL SELECT Version FROM inserted LIMIT 1) AS NewGrainStateVersion;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Clear keeps the row (NULL payload) and moves the version on; a stale or missing ETag returns no row.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', $query$
UPDATE GrainState
SET Version = Version + 1,
    PayloadBinary = NULL,
    ModifiedOn = now()
WHERE ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString = coalesce(@GrainIdExtensionString, '')
  AND @GrainStateVersion IS NOT NULL
  AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
