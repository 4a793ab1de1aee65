-- Orleans.SoSucKhoe: reminders for the cluster profile (PostgreSQL 15).
--
-- Used by Microsoft.Orleans.Reminders.AdoNet with the invariant "Npgsql". The provider loads every row of
-- OrleansQuery and requires these keys:
--   ReadReminderRowsKey, ReadReminderRowKey, ReadRangeRows1Key, ReadRangeRows2Key, UpsertReminderRowKey,
--   DeleteReminderRowKey, DeleteReminderRowsKey.
-- Parameters: @ServiceId, @GrainId, @ReminderName (text), @GrainHash, @BeginHash, @EndHash (int4: the grain's
-- uniform hash as a signed integer), @StartTime (timestamp, UTC), @Period (int4 or int8 milliseconds),
-- @Version (int4: the reminder's ETag).
-- Contract: rows come back as (GrainId, ReminderName, StartTime, Period, Version); upsert returns the new
-- Version; delete returns whether the row with that Version was deleted. A range (BeginHash, EndHash] that
-- wraps around (BeginHash >= EndHash as signed ints) is read with ReadRangeRows2Key.
--
-- Idempotent: PostgresStorage.ApplySchemaAsync runs it at every start (under an advisory lock).

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

CREATE TABLE IF NOT EXISTS Reminder
(
    ServiceId    text        NOT NULL,
    GrainId      text        NOT NULL,
    ReminderName text        NOT NULL,
    StartTime    timestamptz NOT NULL,
    Period       bigint      NOT NULL,
    GrainHash    integer     NOT NULL,
    Version      integer     NOT NULL,
    CONSTRAINT PK_Reminder PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

-- Range reads (each silo loads the reminders of its hash range) go through this index.
CREATE INDEX IF NOT EXISTS IX_Reminder_ServiceId_GrainHash ON Reminder (ServiceId, GrainHash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowsKey', $query$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM Reminder
WHERE ServiceId = @ServiceId AND GrainId = @GrainId;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowKey', $query$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM Reminder
WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows1Key', $query$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM Reminder
WHERE ServiceId = @ServiceId AND GrainHash > @BeginHash AND GrainHash <= @EndHash;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows2Key', $query$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM Reminder
WHERE ServiceId = @ServiceId AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- A new reminder starts at version 0; re-registering it replaces its schedule and moves the version on.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpsertReminderRowKey', $query$
INSERT INTO Reminder AS r (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT ON CONSTRAINT PK_Reminder DO UPDATE
SET StartTime = excluded.StartTime,
    Period = excluded.Period,
    GrainHash = excluded.GrainHash,
    Version = r.Version + 1
RETURNING r.Version AS Version;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowKey', $query$
WITH deleted AS (
    DELETE FROM Reminder
    WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName
      AND Version = @Version
    RETURNING 1
)
SELECT count(*) > 0 AS Deleted FROM deleted;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowsKey', $query$
DELETE FROM Reminder WHERE ServiceId = @ServiceId;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
