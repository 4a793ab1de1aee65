-- Orleans.SoSucKhoe: the audit trail for the embedded profile (SQLite, in the same file as the grain state).
--
-- Written by SoSucKhoe.Silo.Audit.SqliteAuditTrail: one row per audited event (facility registry and readiness changes,
-- credential issue / rotate / revoke, suspensions, health-book reads and refusals, dead-letter replays).
--
-- Append-only, enforced by the database: the triggers below abort every UPDATE and DELETE, and an INSERT that would
-- replace an existing row (INSERT OR REPLACE with an explicit Id, whose implicit delete fires no trigger while
-- recursive_triggers is off). AUTOINCREMENT keeps ids increasing and never reused. What remains possible is outside
-- SQL statements on rows: DROP TABLE / DROP TRIGGER, or replacing the file; keep the file's permissions to the hub's
-- service account and back it up.
--
-- Columns: OccurredAt is UTC text 'yyyy-MM-ddTHH:mm:ss.ffffffZ' (fixed width, so text order is time order);
-- RecordedAt is when the row was written. The person concerned is never stored in clear: SubjectMasked keeps the first
-- 4 and last 2 characters, SubjectHash the HMAC-SHA256 (hex) under the hub's configured secret, matched exactly by
-- queries. Details and Purpose hold no personal data.
--
-- Idempotent: EmbeddedStorage.Prepare runs every sqlite/*.sql script at every start.

CREATE TABLE IF NOT EXISTS AuditEntry
(
    Id            INTEGER PRIMARY KEY AUTOINCREMENT,
    OccurredAt    TEXT    NOT NULL,
    Action        TEXT    NOT NULL,
    ActorRole     TEXT    NOT NULL,
    ActorId       TEXT    NOT NULL,
    FacilityCode  TEXT    NULL,
    ProvinceCode  TEXT    NULL,
    SubjectMasked TEXT    NULL,
    SubjectHash   TEXT    NULL,
    Purpose       TEXT    NULL,
    Outcome       TEXT    NOT NULL,
    Details       TEXT    NOT NULL,
    RecordedAt    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK ((SubjectMasked IS NULL) = (SubjectHash IS NULL))
) STRICT;

CREATE TRIGGER IF NOT EXISTS AuditEntry_RefuseUpdate BEFORE UPDATE ON AuditEntry
BEGIN
    SELECT RAISE(ABORT, 'AuditEntry is append-only: UPDATE is not allowed');
END;

CREATE TRIGGER IF NOT EXISTS AuditEntry_RefuseDelete BEFORE DELETE ON AuditEntry
BEGIN
    SELECT RAISE(ABORT, 'AuditEntry is append-only: DELETE is not allowed');
END;

CREATE TRIGGER IF NOT EXISTS AuditEntry_RefuseReplace BEFORE INSERT ON AuditEntry
WHEN EXISTS (SELECT 1 FROM AuditEntry WHERE Id = NEW.Id)
BEGIN
    SELECT RAISE(ABORT, 'AuditEntry is append-only: an existing entry cannot be replaced');
END;

-- The query filters: each equality filter with the id order of the pages; the time range on its own.
CREATE INDEX IF NOT EXISTS IX_AuditEntry_OccurredAt ON AuditEntry (OccurredAt);
CREATE INDEX IF NOT EXISTS IX_AuditEntry_Action ON AuditEntry (Action, Id);
CREATE INDEX IF NOT EXISTS IX_AuditEntry_ActorId ON AuditEntry (ActorId, Id);
CREATE INDEX IF NOT EXISTS IX_AuditEntry_Outcome ON AuditEntry (Outcome, Id);
CREATE INDEX IF NOT EXISTS IX_AuditEntry_FacilityCode ON AuditEntry (FacilityCode, Id) WHERE FacilityCode IS NOT NULL;
CREATE INDEX IF NOT EXISTS IX_AuditEntry_ProvinceCode ON AuditEntry (ProvinceCode, Id) WHERE ProvinceCode IS NOT NULL;
CREATE INDEX IF NOT EXISTS IX_AuditEntry_SubjectHash ON AuditEntry (SubjectHash, Id) WHERE SubjectHash IS NOT NULL;
