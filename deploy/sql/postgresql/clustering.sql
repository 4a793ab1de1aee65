-- Orleans.SoSucKhoe: cluster membership for the cluster profile (PostgreSQL 15).
--
-- Used by Microsoft.Orleans.Clustering.AdoNet with the invariant "Npgsql" (silos: membership table; clients:
-- gateway list). The provider loads every row of OrleansQuery and requires these keys:
--   InsertMembershipVersionKey, MembershipReadAllKey, MembershipReadRowKey, InsertMembershipKey,
--   UpdateMembershipKey, UpdateIAmAlivetimeKey, GatewaysQueryKey, DeleteMembershipTableEntriesKey,
--   CleanupDefunctSiloEntriesKey.
-- Parameters: @DeploymentId (the cluster id), @Address (text), @Port, @Generation, @Status, @ProxyPort (int4),
-- @SiloName, @HostName, @SuspectTimes (text), @StartTime, @IAmAliveTime (timestamp), @Version (int4: the
-- membership table version the silo read).
-- Contract: every membership change bumps the cluster's table version, and succeeds only when the caller
-- holds the current version (optimistic concurrency of the Orleans membership protocol). Insert, update and
-- version-row creation return a single boolean-like value; reads return the version row even when the
-- cluster has no member yet (outer join), with the member columns NULL.
--
-- Idempotent: PostgresStorage.ApplySchemaAsync runs it at every start (under an advisory lock).

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

-- One row per cluster: the membership table version.
CREATE TABLE IF NOT EXISTS SiloMembershipVersion
(
    DeploymentId text        NOT NULL PRIMARY KEY,
    Version      integer     NOT NULL DEFAULT 0,
    ChangedAt    timestamptz NOT NULL DEFAULT now()
);

-- One row per silo incarnation (address, port, generation).
CREATE TABLE IF NOT EXISTS SiloMembership
(
    DeploymentId text        NOT NULL REFERENCES SiloMembershipVersion (DeploymentId),
    Address      text        NOT NULL,
    Port         integer     NOT NULL,
    Generation   integer     NOT NULL,
    SiloName     text        NOT NULL,
    HostName     text        NOT NULL,
    Status       integer     NOT NULL,
    ProxyPort    integer     NULL,
    SuspectTimes text        NULL,
    StartTime    timestamptz NOT NULL,
    IAmAliveTime timestamptz NOT NULL,
    CONSTRAINT PK_SiloMembership PRIMARY KEY (DeploymentId, Address, Port, Generation)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipVersionKey', $query$
WITH created AS (
    INSERT INTO SiloMembershipVersion (DeploymentId)
    VALUES (@DeploymentId)
    ON CONFLICT (DeploymentId) DO NOTHING
    RETURNING 1
)
SELECT count(*) > 0 AS Created FROM created;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadAllKey', $query$
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM SiloMembershipVersion v
LEFT JOIN SiloMembership m ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadRowKey', $query$
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM SiloMembershipVersion v
LEFT JOIN SiloMembership m ON m.DeploymentId = v.DeploymentId
                          AND m.Address = @Address
                          AND m.Port = @Port
                          AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- The version row is locked and bumped first (READ COMMITTED re-checks Version after a concurrent bump), and
-- only then is the silo row inserted from it; a silo that is already present neither bumps nor inserts.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipKey', $query$
WITH bumped AS (
    UPDATE SiloMembershipVersion
    SET Version = Version + 1, ChangedAt = now()
    WHERE DeploymentId = @DeploymentId
      AND Version = @Version
      AND NOT EXISTS (SELECT 1 FROM SiloMembership
                      WHERE DeploymentId = @DeploymentId
                        AND Address = @Address AND Port = @Port AND Generation = @Generation)
    RETURNING DeploymentId
), inserted AS (
    INSERT INTO SiloMembership
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    SELECT b.DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
           @StartTime, @IAmAliveTime
    FROM bumped b
    ON CONFLICT ON CONSTRAINT PK_SiloMembership DO NOTHING
    RETURNING 1
)
SELECT count(*) > 0 AS Inserted FROM inserted;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateMembershipKey', $query$
WITH bumped AS (
    UPDATE SiloMembershipVersion
    SET Version = Version + 1, ChangedAt = now()
    WHERE DeploymentId = @DeploymentId
      AND Version = @Version
      AND EXISTS (SELECT 1 FROM SiloMembership
                  WHERE DeploymentId = @DeploymentId
                    AND Address = @Address AND Port = @Port AND Generation = @Generation)
    RETURNING DeploymentId
), updated AS (
    UPDATE SiloMembership m
    SET Status = @Status, SuspectTimes = @SuspectTimes, IAmAliveTime = @IAmAliveTime
    FROM bumped b
    WHERE m.DeploymentId = b.DeploymentId
      AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
    RETURNING 1
)
SELECT count(*) > 0 AS Updated FROM updated;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Heartbeat: not versioned, never expected to fail.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateIAmAlivetimeKey', $query$
UPDATE SiloMembership
SET IAmAliveTime = @IAmAliveTime
WHERE DeploymentId = @DeploymentId
  AND Address = @Address AND Port = @Port AND Generation = @Generation;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('GatewaysQueryKey', $query$
SELECT Address, ProxyPort, Generation
FROM SiloMembership
WHERE DeploymentId = @DeploymentId
  AND Status = @Status
  AND ProxyPort > 0;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteMembershipTableEntriesKey', $query$
DELETE FROM SiloMembership WHERE DeploymentId = @DeploymentId;
DELETE FROM SiloMembershipVersion WHERE DeploymentId = @DeploymentId;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Removes silos that stopped sending heartbeats before @IAmAliveTime; an Active silo (Status 3) is kept.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntriesKey', $query$
DELETE FROM SiloMembership
WHERE DeploymentId = @DeploymentId
  AND IAmAliveTime < @IAmAliveTime
  AND Status <> 3;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
