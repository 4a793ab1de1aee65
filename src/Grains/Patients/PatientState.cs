using SoSucKhoe.Book;
using SoSucKhoe.Forwarding;
using SoSucKhoe.Patients;

namespace SoSucKhoe.Grains.Patients;

/// <summary>The persisted state of a patient grain: encounters and the outbox, written together.</summary>
[GenerateSerializer, Alias("sosuckhoe.PatientState")]
public sealed class PatientState
{
    /// <summary>The next per-person encounter sequence number.</summary>
    [Id(0)] public long NextSequence { get; set; } = 1;

    /// <summary>
    /// The encounters that may still change, in sequence order: those with a document not yet finally answered by the gateway,
    /// and those without a dossier yet.
    /// </summary>
    [Id(1)] public List<EncounterRecord> Encounters { get; set; } = [];

    /// <summary>Documents accepted but not yet answered by the gateway, in the order they must be sent.</summary>
    [Id(2)] public List<OutboxEntry> Outbox { get; set; } = [];

    /// <summary>10-digit social-insurance numbers seen with this person and already linked in the card index.</summary>
    [Id(3)] public HashSet<string> InsuranceNumbers { get; set; } = [];

    /// <summary>Documents the gateway refused, kept with their bytes so that an operator can replay them.</summary>
    [Id(4)] public List<OutboxEntry> DeadLetters { get; set; } = [];

    /// <summary>
    /// Finished encounters found in the main state: the grain moves them into <see cref="PatientHistoryState"/> when it
    /// activates, and its writes leave this empty.
    /// </summary>
    [Id(5)] public List<SettledEncounter> Settled { get; set; } = [];
}

/// <summary>
/// The person's finished encounters (state "patient-history", beside the main state "patient"), in sequence order, each kept
/// encoded: writing copies their bytes instead of encoding the whole history again, and activating the grain does not decode them.
/// An encounter is finished when it has a dossier, the gateway has finally answered every one of its documents and nothing of it
/// is in the outbox. It is a state of its own so that the main state, written twice per dossier (accepted, then answered), does
/// not carry the whole history each time: the history is written only when an encounter settles.
/// </summary>
/// <remarks>
/// An encounter that changes again (a correction, a cancellation, a replay) is decoded back among the main state's open
/// encounters. Its copy here is left until the history is next written: the history is always written before the main state, so
/// an encounter is in at least one of them at every moment, and where it is in both, the main state's open encounter is current.
/// </remarks>
[GenerateSerializer, Alias("sosuckhoe.PatientHistoryState")]
public sealed class PatientHistoryState
{
    [Id(0)] public List<SettledEncounter> Settled { get; set; } = [];
}

/// <summary>A finished encounter: its key, and the encounter in Orleans' binary form.</summary>
[GenerateSerializer, Alias("sosuckhoe.SettledEncounter")]
public sealed class SettledEncounter
{
    [Id(0)] public string FacilityCode { get; set; } = string.Empty;
    [Id(1)] public string MaLk { get; set; } = string.Empty;
    [Id(2)] public long Sequence { get; set; }

    /// <summary>The <see cref="EncounterRecord"/>, encoded with the grain's serializer when it was settled.</summary>
    [Id(3)] public byte[] Encounter { get; set; } = [];
}

/// <summary>One encounter of the person.</summary>
[GenerateSerializer, Alias("sosuckhoe.EncounterRecord")]
public sealed class EncounterRecord
{
    [Id(0)] public long Sequence { get; set; }
    [Id(1)] public string FacilityCode { get; set; } = string.Empty;
    [Id(2)] public string MaLk { get; set; } = string.Empty;
    [Id(3)] public string VisitType { get; set; } = string.Empty;
    [Id(4)] public DateTimeOffset ArrivalTime { get; set; }
    [Id(5)] public DateTimeOffset? DischargeTime { get; set; }
    [Id(6)] public DateTimeOffset? CheckedInAt { get; set; }
    [Id(7)] public string? MainDiagnosis { get; set; }

    /// <summary>The forwarding record of the XML0 check-in document, when one came.</summary>
    [Id(8)] public ForwardRecord? CheckIn { get; set; }

    /// <summary>Every dossier version, oldest first; version n is at index n-1.</summary>
    [Id(9)] public List<ForwardRecord> Versions { get; set; } = [];

    /// <summary>When the facility cancelled the episode (entered in error), if it did.</summary>
    [Id(10)] public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>Why it was cancelled.</summary>
    [Id(11)] public string? CancelReason { get; set; }

    /// <summary>True when the latest dossier version named an insurance card.</summary>
    [Id(12)] public bool Insured { get; set; }
}

/// <summary>One document version and how its forwarding went.</summary>
[GenerateSerializer, Alias("sosuckhoe.ForwardRecord")]
public sealed class ForwardRecord
{
    [Id(0)] public int Version { get; set; }
    [Id(1)] public string ContentHash { get; set; } = string.Empty;
    [Id(2)] public DateTimeOffset AcceptedAt { get; set; }
    [Id(3)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(4)] public ForwardingState State { get; set; } = ForwardingState.Accepted;
    [Id(5)] public int Attempts { get; set; }
    [Id(6)] public string? LastError { get; set; }
    [Id(7)] public string? ResultCode { get; set; }
    [Id(8)] public string? Message { get; set; }
    [Id(9)] public GatewayReceipt? Receipt { get; set; }

    /// <summary>The version's encoded <see cref="SoSucKhoe.Book.BookProjection"/>, as the intake sent it (dossier versions only).</summary>
    [Id(12)] public byte[]? Book { get; set; }

    /// <summary>The version's re-exam appointment, kept beside <see cref="Book"/> because the facility index needs it on every change.</summary>
    [Id(13)] public ReExamBooking? ReExam { get; set; }

    /// <summary>The data standard the version was validated against ("4750", "3176"); null for versions accepted before it was recorded.</summary>
    [Id(14)] public string? Standard { get; set; }
}

/// <summary>A document waiting to be forwarded: the outbox mark and the facility's exact bytes.</summary>
[GenerateSerializer, Alias("sosuckhoe.OutboxEntry")]
public sealed class OutboxEntry
{
    [Id(0)] public string ItemId { get; set; } = string.Empty;
    [Id(1)] public OutboundKind Kind { get; set; }
    [Id(2)] public string FacilityCode { get; set; } = string.Empty;
    [Id(3)] public string ProvinceCode { get; set; } = string.Empty;
    [Id(4)] public string MaLk { get; set; } = string.Empty;
    [Id(5)] public int Version { get; set; }
    [Id(6)] public byte[] Document { get; set; } = [];
    [Id(7)] public DateTimeOffset EnqueuedAt { get; set; }

    /// <summary>The data standard the document was validated against (its endpoint); null for entries queued before it was recorded.</summary>
    [Id(8)] public string? Standard { get; set; }
}
