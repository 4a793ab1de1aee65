-- Orleans.SoSucKhoe: the audit trail for the cluster profile (PostgreSQL 15).
--
-- Written by SoSucKhoe.Silo.Audit.PostgresAuditTrail: one row per audited event (facility registry and readiness
-- changes, credential issue / rotate / revoke, suspensions, health-book reads and refusals, dead-letter replays).
--
-- Append-only, enforced by the database: a row trigger raises on every UPDATE and DELETE (including the UPDATE of
-- INSERT ... ON CONFLICT DO UPDATE) and a statement trigger raises on TRUNCATE, whoever issues them. Ids come from an
-- identity column that refuses explicit values (GENERATED ALWAYS). The writer takes an advisory lock per batch, so ids
-- also grow in commit order across silos. What remains possible is DDL by the table's owner or a superuser (ALTER
-- TABLE ... DISABLE TRIGGER, DROP TABLE): run the hub under a role that does not own the schema where that matters,
-- and ship the table to the province's archive or backups.
--
-- The person concerned is never stored in clear: SubjectMasked keeps the first 4 and last 2 characters, SubjectHash the
-- HMAC-SHA256 (hex) under the hub's configured secret, matched exactly by queries. Details and Purpose hold no personal
-- data. RecordedAt is the server's time of the write; OccurredAt the event's time, as the hub reported it.
--
-- Idempotent: PostgresStorage.ApplySchemaAsync runs every postgresql/*.sql script at every start.

CREATE TABLE IF NOT EXISTS AuditEntry
(
    Id            bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    OccurredAt    timestamptz   NOT NULL,
    Action        varchar(64)   NOT NULL,
    ActorRole     varchar(16)   NOT NULL,
    ActorId       varchar(128)  NOT NULL,
    FacilityCode  varchar(32)   NULL,
    ProvinceCode  varchar(32)   NULL,
    SubjectMasked varchar(64)   NULL,
    SubjectHash   varchar(64)   NULL,
    Purpose       varchar(200)  NULL,
    Outcome       varchar(16)   NOT NULL,
    Details       varchar(1000) NOT NULL,
    RecordedAt    timestamptz   NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT CK_AuditEntry_Subject CHECK ((SubjectMasked IS NULL) = (SubjectHash IS NULL))
);

CREATE OR REPLACE FUNCTION AuditEntry_RefuseChange() RETURNS trigger
LANGUAGE plpgsql AS $function$
BEGIN
    RAISE EXCEPTION 'AuditEntry is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$function$;

CREATE OR REPLACE TRIGGER AuditEntry_RefuseUpdateDelete
    BEFORE UPDATE OR DELETE ON AuditEntry
    FOR EACH ROW EXECUTE FUNCTION AuditEntry_RefuseChange();

CREATE OR REPLACE TRIGGER AuditEntry_RefuseTruncate
    BEFORE TRUNCATE ON AuditEntry
    FOR EACH STATEMENT EXECUTE FUNCTION AuditEntry_RefuseChange();

-- The query filters: each equality filter with the id order of the pages; the time range on its own.
CREATE INDEX IF NOT EXISTS IX_AuditEntry_OccurredAt ON AuditEntry (OccurredAt);
CREATE INDEX IF NOT EXISTS IX_AuditEntry_Action ON AuditEntry (Action, Id);
CREATE INDEX IF NOT EXISTS IX_AuditEntry_ActorId ON AuditEntry (ActorId, Id);
CREATE INDEX IF NOT EXISTS IX_AuditEntry_Outcome ON AuditEntry (Outcome, Id);
CREATE INDEX IF NOT EXISTS IX_AuditEntry_FacilityCode ON AuditEntry (FacilityCode, Id) WHERE FacilityCode IS NOT NULL;
CREATE INDEX IF NOT EXISTS IX_AuditEntry_ProvinceCode ON AuditEntry (ProvinceCode, Id) WHERE ProvinceCode IS NOT NULL;
CREATE INDEX IF NOT EXISTS IX_AuditEntry_SubjectHash ON AuditEntry (SubjectHash, Id) WHERE SubjectHash IS NOT NULL;
