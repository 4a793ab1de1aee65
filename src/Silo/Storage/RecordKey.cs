namespace SoSucKhoe.Silo.Storage;

/// <summary>The primary key of one grain record in <see cref="SqliteGrainStore"/>.</summary>
/// <param name="ServiceId">The Orleans service id (several services may share one file).</param>
/// <param name="StateName">The state's name (the <c>[PersistentState]</c> name).</param>
/// <param name="GrainId">The grain id's text form, e.g. <c>patient/…</c>.</param>
internal readonly record struct RecordKey(string ServiceId, string StateName, string GrainId);
