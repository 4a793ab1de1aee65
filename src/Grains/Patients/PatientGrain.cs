using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using SoSucKhoe.Book;
using SoSucKhoe.Forwarding;
using SoSucKhoe.Grains.Forwarding;
using SoSucKhoe.Monitoring;
using SoSucKhoe.Patients;

namespace SoSucKhoe.Grains.Patients;

/// <summary>
/// One citizen. Orders the person's encounters and owns the outbox: a dossier is accepted when the encounter, the new version and
/// the outbox entry holding the facility's bytes are written in one state write. Entries are forwarded one at a time, in order, so
/// the gateway sees a person's documents in the order the hub accepted them.
/// </summary>
public sealed partial class PatientGrain(
    [PersistentState("patient", StorageNames.Main)] IPersistentState<PatientState> state,
    [PersistentState("patient-history", StorageNames.Main)] IPersistentState<PatientHistoryState> history,
    IOptions<ForwardingOptions> options,
    IFlowRecorder flow,
    Serializer<EncounterRecord> encounterSerializer,
    TimeProvider time,
    ILogger<PatientGrain> logger) : Grain, IPatientGrain
{
    private readonly ForwardingOptions _options = options.Value;
    private string? _inFlightItemId;
    private DateTimeOffset _publishedAt;
    private IGrainTimer? _retryTimer;
    private int _consecutiveFailures;
    private bool _registeredInIndex;
    private bool _historyChanged;
    private string? _maskedPerson;

    // A settled encounter was taken back among the open ones since the main state was last written: its history copy stays until
    // that write has made the open one durable (see PatientHistoryState).
    private bool _tookBack;

    private PatientState State => state.State;

    private List<SettledEncounter> Settled => history.State.Settled;

    private string PersonKeyValue => this.GetPrimaryKeyString();

    /// <summary>The person key as logs show it, masked once per activation.</summary>
    private string MaskedPerson => _maskedPerson ??= PersonKey.Mask(PersonKeyValue);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // An entry can only be in the outbox if the person was registered in the index before the write that added it.
        _registeredInIndex = State.Outbox.Count > 0;
        if (State.Settled.Count > 0)
        {
            // Finished encounters held by the main state belong to the history state (both are written at the next write).
            foreach (var settled in State.Settled)
            {
                PutSettled(settled);
            }

            State.Settled = [];
            _historyChanged = true;
        }

        // Open in the main state and also in the history: taken back before the history was written again; the open one is current.
        DropSettledCopiesOfOpen();
        return Task.CompletedTask;
    }

    public async Task<CheckInOutcome> CheckIn(CheckInCommand command)
    {
        var now = time.GetUtcNow();
        var encounter = TakeEncounter(command.FacilityCode, command.MaLk);
        var created = encounter is null;
        var changed = created;
        if (encounter is null)
        {
            encounter = new EncounterRecord
            {
                Sequence = State.NextSequence++,
                FacilityCode = command.FacilityCode,
                MaLk = command.MaLk,
                VisitType = command.VisitType,
                ArrivalTime = command.ArrivalTime,
                CheckedInAt = now,
            };
            State.Encounters.Add(encounter);
        }
        else if (encounter.CheckedInAt is null)
        {
            encounter.CheckedInAt = now;
            changed = true;
        }

        var queued = false;
        if (command.CheckInDocument is { Length: > 0 } document && command.CheckInDocumentHash is { } hash
            && encounter.CheckIn?.ContentHash != hash)
        {
            var version = (encounter.CheckIn?.Version ?? 0) + 1;
            encounter.CheckIn = new ForwardRecord { Version = version, ContentHash = hash, AcceptedAt = now, UpdatedAt = now };
            Enqueue(OutboundKind.CheckIn, command.FacilityCode, command.ProvinceCode, command.MaLk, version, document, now, command.Standard);
            queued = true;
        }

        var newNumbers = NewInsuranceNumbers(command.InsuranceNumbers);
        if (changed || queued || newNumbers.Count > 0)
        {
            await PersistAndLinkAsync(newNumbers);
        }

        await PublishHeadAsync();
        LogCheckIn(logger, MaskedPerson, command.FacilityCode, encounter.Sequence, created, queued);
        return new CheckInOutcome(ToView(encounter), created, queued);
    }

    public async Task<DossierAcceptance> SubmitDossier(DossierSubmission submission)
    {
        var now = time.GetUtcNow();
        var encounter = TakeEncounter(submission.FacilityCode, submission.MaLk);
        var dossierId = EpisodeKey.Create(submission.FacilityCode, submission.MaLk);
        if (encounter?.Versions.Find(v => v.ContentHash == submission.ContentHash) is { } earlier)
        {
            // The same content again (a retry, or a resend after a lost answer): the earlier answer, nothing new to forward.
            LogDuplicate(logger, MaskedPerson, submission.FacilityCode, earlier.Version);
            return new DossierAcceptance(dossierId, PersonKeyValue, submission.MaLk, earlier.Version, encounter.Sequence,
                earlier.State, Duplicate: true, earlier.AcceptedAt);
        }

        if (encounter is null)
        {
            encounter = new EncounterRecord
            {
                Sequence = State.NextSequence++,
                FacilityCode = submission.FacilityCode,
                MaLk = submission.MaLk,
            };
            State.Encounters.Add(encounter);
        }

        encounter.VisitType = submission.VisitType;
        encounter.ArrivalTime = submission.ArrivalTime;
        encounter.DischargeTime = submission.DischargeTime;
        encounter.MainDiagnosis = submission.MainDiagnosis;
        encounter.Insured = submission.InsuranceNumbers.Count > 0;
        var version = encounter.Versions.Count + 1;
        var record = new ForwardRecord
        {
            Version = version,
            ContentHash = submission.ContentHash,
            AcceptedAt = now,
            UpdatedAt = now,
            Book = submission.Book,
            ReExam = submission.ReExam,
            Standard = submission.Standard,
        };
        encounter.Versions.Add(record);
        Enqueue(OutboundKind.Dossier, submission.FacilityCode, submission.ProvinceCode, submission.MaLk, version, submission.Document, now,
            submission.Standard);

        var newNumbers = NewInsuranceNumbers(submission.InsuranceNumbers);
        await PersistAndLinkAsync(newNumbers);
        await PublishHeadAsync();
        await IndexReExamAsync(encounter, dossierId);
        LogAccepted(logger, MaskedPerson, submission.FacilityCode, version, encounter.Sequence);
        return new DossierAcceptance(dossierId, PersonKeyValue, submission.MaLk, version, encounter.Sequence, record.State,
            Duplicate: false, now);
    }

    public Task<DossierStatusView?> GetDossierStatus(string facilityCode, string maLk, int version)
    {
        var encounter = FindEncounter(facilityCode, maLk);
        if (encounter is null || encounter.Versions.Count == 0)
        {
            return Task.FromResult<DossierStatusView?>(null);
        }

        var latest = encounter.Versions.Count;
        if (version < 0 || version > latest)
        {
            return Task.FromResult<DossierStatusView?>(null);
        }

        var record = encounter.Versions[(version == 0 ? latest : version) - 1];
        return Task.FromResult<DossierStatusView?>(new DossierStatusView(
            EpisodeKey.Create(facilityCode, maLk), facilityCode, maLk, record.Version, latest, record.State, record.Attempts,
            record.LastError, record.ResultCode, record.Message, record.Receipt, record.AcceptedAt, record.UpdatedAt,
            record.ContentHash, encounter.Sequence, record.Standard));
    }

    public Task<IReadOnlyList<EncounterView>> GetEncounters()
    {
        IReadOnlyList<EncounterView> views = AllEncounters()
            .OrderBy(e => e.ArrivalTime)
            .ThenBy(e => e.Sequence)
            .Select(ToView)
            .ToList();
        return Task.FromResult(views);
    }

    public Task<int> GetOutboxLength() => Task.FromResult(State.Outbox.Count);

    public Task<IReadOnlyList<EncodedBookEntry>> GetBookEntries()
    {
        var entries = new List<EncodedBookEntry>();
        foreach (var encounter in AllEncounters())
        {
            foreach (var version in encounter.Versions)
            {
                if (version.Book is { } book)
                {
                    entries.Add(new EncodedBookEntry(version.Version, book, encounter.CancelledAt is not null, version.AcceptedAt));
                }
            }
        }

        return Task.FromResult<IReadOnlyList<EncodedBookEntry>>(entries);
    }

    public async Task<bool> ReplayRejected(string facilityCode, string maLk, int version)
    {
        var index = State.DeadLetters.FindIndex(e => e.FacilityCode == facilityCode && e.MaLk == maLk && e.Version == version);
        if (index < 0)
        {
            return false;
        }

        var entry = State.DeadLetters[index];
        State.DeadLetters.RemoveAt(index);
        entry.ItemId = Guid.NewGuid().ToString("N");
        entry.EnqueuedAt = time.GetUtcNow();
        State.Outbox.Add(entry);
        if (FindRecord(TakeEncounter(facilityCode, maLk), entry) is { } record)
        {
            record.State = ForwardingState.Accepted;
            record.UpdatedAt = entry.EnqueuedAt;
        }

        await PersistAsync();
        await GrainFactory.GetGrain<IDeadLetterIndexGrain>(facilityCode).Remove(EpisodeKey.Create(facilityCode, maLk), version);
        await PublishHeadAsync();
        return true;
    }

    public Task<bool> HasOpenCheckIn(string facilityCode, DateTimeOffset now, TimeSpan window) =>
        Task.FromResult(AllEncounters().Exists(e =>
            e.FacilityCode == facilityCode && e.CancelledAt is null
            && e.CheckedInAt is { } checkedIn && checkedIn <= now + TimeSpan.FromMinutes(5) && now - checkedIn <= window));

    public async Task<bool> CancelEpisode(string facilityCode, string maLk, string reason)
    {
        var encounter = TakeEncounter(facilityCode, maLk);
        if (encounter is null)
        {
            return false;
        }

        if (encounter.CancelledAt is null)
        {
            encounter.CancelledAt = time.GetUtcNow();
            encounter.CancelReason = reason;
            await PersistAsync();
            await IndexReExamAsync(encounter, EpisodeKey.Create(facilityCode, maLk));
            LogCancelled(logger, MaskedPerson, facilityCode, encounter.Sequence);
        }

        return true;
    }

    public async Task OnForwardResult(ForwardResult result)
    {
        var index = State.Outbox.FindIndex(e => e.ItemId == result.ItemId);
        if (index < 0)
        {
            // An answer for an entry already closed (a duplicate delivery after a re-drive): nothing to do.
            return;
        }

        var entry = State.Outbox[index];
        var encounter = TakeEncounter(entry.FacilityCode, entry.MaLk);
        var record = FindRecord(encounter, entry);
        if (_inFlightItemId == entry.ItemId)
        {
            _inFlightItemId = null;
        }

        if (record is not null)
        {
            record.Attempts += Math.Max(1, result.Attempts);
            record.UpdatedAt = result.CompletedAt;
            record.ResultCode = result.ResultCode ?? record.ResultCode;
        }

        switch (result.Outcome)
        {
            case ForwardOutcome.Acknowledged:
            case ForwardOutcome.Rejected:
                if (record is not null)
                {
                    record.State = result.Outcome == ForwardOutcome.Acknowledged
                        ? ForwardingState.Acknowledged
                        : ForwardingState.RejectedByGateway;
                    record.Receipt = result.Receipt ?? record.Receipt;
                    record.Message = result.Message;
                    record.LastError = result.Outcome == ForwardOutcome.Rejected ? result.Message : record.LastError;
                }

                State.Outbox.RemoveAt(index);
                if (result.Outcome == ForwardOutcome.Rejected && entry.Kind == OutboundKind.Dossier)
                {
                    State.DeadLetters.Add(entry);
                }

                _consecutiveFailures = 0;
                await PersistAsync();
                if (entry.Kind == OutboundKind.Dossier)
                {
                    RecordAnswer(entry, encounter, record, result);
                }

                if (result.Outcome == ForwardOutcome.Rejected && entry.Kind == OutboundKind.Dossier)
                {
                    await GrainFactory.GetGrain<IDeadLetterIndexGrain>(entry.FacilityCode).Add(new DeadLetter(
                        EpisodeKey.Create(entry.FacilityCode, entry.MaLk), entry.Version, PersonKeyValue, result.ResultCode,
                        result.Message, result.CompletedAt));
                }
                if (State.Outbox.Count == 0)
                {
                    await UnregisterFromIndexAsync();
                }

                await PublishHeadAsync();
                break;

            default:
                if (record is not null)
                {
                    record.State = ForwardingState.Forwarding;
                    record.LastError = result.Message;
                }

                _consecutiveFailures++;
                await PersistAsync();
                ScheduleRetry();
                break;
        }
    }

    public Task<OutboxDocument?> GetOutboxDocument(string itemId) =>
        Task.FromResult(State.Outbox.Find(e => e.ItemId == itemId) is { } entry ? new OutboxDocument(entry.Document) : null);

    // A running back-off is left alone (it publishes when due); PublishHeadAsync skips while it runs.
    public Task Redrive() => RedriveAsync(cancelBackoff: false);

    public Task Resume() => RedriveAsync(cancelBackoff: true);

    private async Task RedriveAsync(bool cancelBackoff)
    {
        if (State.Outbox.Count == 0)
        {
            await UnregisterFromIndexAsync(force: true);
            return;
        }

        if (cancelBackoff && _retryTimer is not null)
        {
            _retryTimer.Dispose();
            _retryTimer = null;
            _consecutiveFailures = 0;
        }

        await PublishHeadAsync();
    }

    /// <summary>Counts a final gateway answer for the province's monitoring (after the state write, so it is counted once).</summary>
    /// <remarks>The encounter is the instance the answer was applied to; the write may have settled it since.</remarks>
    private void RecordAnswer(OutboxEntry entry, EncounterRecord? encounter, ForwardRecord? record, ForwardResult result)
    {
        if (result.Outcome != ForwardOutcome.Acknowledged)
        {
            flow.RejectedByGateway(entry.FacilityCode);
            return;
        }

        var firstForEpisode = encounter is not null
            && encounter.Versions.Count(v => v.State == ForwardingState.Acknowledged) == 1
            && record?.State == ForwardingState.Acknowledged;
        flow.Acknowledged(entry.FacilityCode, result.CompletedAt - entry.EnqueuedAt,
            firstForEpisode ? new VisitFacts(encounter!.VisitType, encounter.Insured, encounter.DischargeTime ?? encounter.ArrivalTime) : null);
    }

    /// <summary>Keeps the receiving facility's list of booked re-exams in step with the episode's latest version.</summary>
    private async Task IndexReExamAsync(EncounterRecord encounter, string dossierId)
    {
        var latest = encounter.Versions.Count > 0 ? encounter.Versions[^1].ReExam : null;
        var facilities = encounter.Versions.Select(v => v.ReExam?.FacilityCode).OfType<string>().Distinct().ToList();
        foreach (var facility in facilities)
        {
            var grain = GrainFactory.GetGrain<IFacilityReExamsGrain>(facility);
            if (latest is not null && encounter.CancelledAt is null && latest.FacilityCode == facility)
            {
                await grain.Upsert(new FacilityReExam(dossierId, PersonKeyValue, latest.Dates, latest.AppointmentNumber));
            }
            else
            {
                await grain.Remove(dossierId);
            }
        }
    }

    /// <summary>Finds an encounter to read; a settled one is decoded for the caller and stays settled.</summary>
    private EncounterRecord? FindEncounter(string facilityCode, string maLk) =>
        OpenEncounter(facilityCode, maLk)
        ?? (SettledIndex(facilityCode, maLk) is var index and >= 0 ? Decode(Settled[index]) : null);

    /// <summary>Finds an encounter to change: a settled one is decoded and moved back among the encounters that may change.</summary>
    private EncounterRecord? TakeEncounter(string facilityCode, string maLk)
    {
        if (OpenEncounter(facilityCode, maLk) is { } open)
        {
            return open;
        }

        var index = SettledIndex(facilityCode, maLk);
        if (index < 0)
        {
            return null;
        }

        var encounter = Decode(Settled[index]);
        _tookBack = true;
        InsertBySequence(State.Encounters, encounter, static e => e.Sequence);
        return encounter;
    }

    private EncounterRecord? OpenEncounter(string facilityCode, string maLk) =>
        State.Encounters.Find(e => e.FacilityCode == facilityCode && e.MaLk == maLk);

    /// <summary>The index of an encounter's copy in the history, or -1 (callers look among the open encounters first).</summary>
    private int SettledIndex(string facilityCode, string maLk) =>
        Settled.FindIndex(s => s.FacilityCode == facilityCode && s.MaLk == maLk);

    /// <summary>Whether a history copy's encounter is open again (then the open one is current).</summary>
    private bool HasOpenTwin(SettledEncounter settled) => OpenEncounter(settled.FacilityCode, settled.MaLk) is not null;

    /// <summary>Drops the history's copies of encounters that are open again.</summary>
    private void DropSettledCopiesOfOpen()
    {
        if (State.Encounters.Count > 0)
        {
            Settled.RemoveAll(HasOpenTwin);
        }
    }

    /// <summary>Adds a settled encounter to the history, replacing an earlier copy of the same encounter.</summary>
    private void PutSettled(SettledEncounter settled)
    {
        var index = SettledIndex(settled.FacilityCode, settled.MaLk);
        if (index >= 0)
        {
            Settled[index] = settled;
        }
        else
        {
            InsertBySequence(Settled, settled, static s => s.Sequence);
        }
    }

    /// <summary>Inserts into a list kept in sequence order (usually at the end).</summary>
    private static void InsertBySequence<T>(List<T> list, T item, Func<T, long> sequence)
    {
        var at = list.Count;
        while (at > 0 && sequence(list[at - 1]) > sequence(item))
        {
            at--;
        }

        list.Insert(at, item);
    }

    /// <summary>Every encounter of the person in sequence order, the settled ones decoded (for reads of the whole history).</summary>
    private List<EncounterRecord> AllEncounters()
    {
        if (Settled.Count == 0)
        {
            return State.Encounters;
        }

        var all = new List<EncounterRecord>(Settled.Count + State.Encounters.Count);
        all.AddRange((_tookBack ? Settled.Where(s => !HasOpenTwin(s)) : Settled).Select(Decode));
        all.AddRange(State.Encounters);
        all.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
        return all;
    }

    /// <summary>
    /// Moves the encounters that are finished (see <see cref="PatientHistoryState"/>) into their encoded form, so that this and
    /// later writes copy their bytes. Each is encoded once, when it settles.
    /// </summary>
    private void SettleFinished()
    {
        for (var i = State.Encounters.Count - 1; i >= 0; i--)
        {
            var encounter = State.Encounters[i];
            if (!IsFinished(encounter))
            {
                continue;
            }

            State.Encounters.RemoveAt(i);
            PutSettled(new SettledEncounter
            {
                FacilityCode = encounter.FacilityCode,
                MaLk = encounter.MaLk,
                Sequence = encounter.Sequence,
                Encounter = encounterSerializer.SerializeToArray(encounter),
            });
            _historyChanged = true;
        }
    }

    private bool IsFinished(EncounterRecord encounter) =>
        encounter.Versions.Count > 0
        && encounter.Versions.TrueForAll(static v => IsFinal(v.State))
        && (encounter.CheckIn is null || IsFinal(encounter.CheckIn.State))
        && !State.Outbox.Exists(e => e.FacilityCode == encounter.FacilityCode && e.MaLk == encounter.MaLk);

    private static bool IsFinal(ForwardingState state) =>
        state is ForwardingState.Acknowledged or ForwardingState.RejectedByGateway;

    private EncounterRecord Decode(SettledEncounter settled) =>
        encounterSerializer.Deserialize(settled.Encounter)
        ?? throw new InvalidOperationException($"Settled encounter {settled.Sequence} of a person decoded to nothing.");

    private static ForwardRecord? FindRecord(EncounterRecord? encounter, OutboxEntry entry)
    {
        if (encounter is null)
        {
            return null;
        }

        return entry.Kind == OutboundKind.CheckIn
            ? encounter.CheckIn
            : entry.Version >= 1 && entry.Version <= encounter.Versions.Count ? encounter.Versions[entry.Version - 1] : null;
    }

    private void Enqueue(OutboundKind kind, string facilityCode, string provinceCode, string maLk, int version, byte[] document,
        DateTimeOffset now, string? standard) =>
        State.Outbox.Add(new OutboxEntry
        {
            ItemId = Guid.NewGuid().ToString("N"),
            Kind = kind,
            FacilityCode = facilityCode,
            ProvinceCode = provinceCode,
            MaLk = maLk,
            Version = version,
            Document = document,
            EnqueuedAt = now,
            Standard = standard,
        });

    private List<string> NewInsuranceNumbers(IReadOnlyList<string> numbers)
    {
        var result = new List<string>();
        foreach (var number in numbers)
        {
            if (State.InsuranceNumbers.Add(number))
            {
                result.Add(number);
            }
        }

        return result;
    }

    /// <summary>
    /// Writes the state and, at the same time, links the person's new insurance numbers. A link is a fact the request carried
    /// (the card came with this person's identity), true whatever becomes of this write, so it need not wait for it: the caller
    /// waits for the longer of the two writes instead of their sum. Both are durable when this completes; a failure of either
    /// fails the call.
    /// </summary>
    private Task PersistAndLinkAsync(List<string> newNumbers)
    {
        if (newNumbers.Count == 0)
        {
            return PersistAsync();
        }

        var writes = new Task[newNumbers.Count + 1];
        writes[0] = PersistAsync();
        for (var i = 0; i < newNumbers.Count; i++)
        {
            writes[i + 1] = GrainFactory.GetGrain<IIdentityLinkGrain>(IdentityLinkKey.ForInsuranceNumber(newNumbers[i])).Link(PersonKeyValue);
        }

        return Task.WhenAll(writes);
    }

    /// <summary>
    /// Writes the state. When the outbox holds entries the person is durably listed in the outbox index first, so that a crash
    /// right after this write still leaves a trace from which the entries are re-driven. When encounters settled, the history is
    /// written before the main state, so that no encounter is ever in neither (see <see cref="PatientHistoryState"/>).
    /// </summary>
    private async Task PersistAsync()
    {
        if (State.Outbox.Count > 0 && !_registeredInIndex)
        {
            await IndexShard().Register(PersonKeyValue);
            _registeredInIndex = true;
        }

        SettleFinished();
        try
        {
            if (_historyChanged)
            {
                await history.WriteStateAsync();
                _historyChanged = false;
            }

            await state.WriteStateAsync();
            if (_tookBack)
            {
                // The open ones are durable now; the history drops its copies at its next write.
                DropSettledCopiesOfOpen();
                _tookBack = false;
            }
        }
        catch
        {
            // The memory now differs from storage: drop this activation so the next call reloads what is durable.
            DeactivateOnIdle();
            throw;
        }
    }

    private async Task UnregisterFromIndexAsync(bool force = false)
    {
        if (!_registeredInIndex && !force)
        {
            return;
        }

        await IndexShard().Unregister(PersonKeyValue);
        _registeredInIndex = false;
    }

    private IOutboxIndexGrain IndexShard() =>
        GrainFactory.GetGrain<IOutboxIndexGrain>(OutboxIndex.ShardOf(PersonKeyValue));

    private async Task PublishHeadAsync()
    {
        if (State.Outbox.Count == 0 || _retryTimer is not null)
        {
            return;
        }

        var head = State.Outbox[0];
        var now = time.GetUtcNow();
        if (_inFlightItemId == head.ItemId && now - _publishedAt < _options.InFlightTimeout)
        {
            return;
        }

        var stream = this.GetStreamProvider(StreamNames.Provider)
            .GetStream<OutboundDocument>(StreamId.Create(StreamNames.ForwardNamespace, head.FacilityCode));
        try
        {
            await stream.OnNextAsync(new OutboundDocument(head.ItemId, PersonKeyValue, head.Kind, head.FacilityCode,
                head.ProvinceCode, head.MaLk, head.Version, head.Standard));
            _inFlightItemId = head.ItemId;
            _publishedAt = now;
            if (FindRecord(TakeEncounter(head.FacilityCode, head.MaLk), head) is { State: ForwardingState.Accepted } record)
            {
                record.State = ForwardingState.Forwarding;
            }
        }
        catch (Exception exception)
        {
            // The entry is durable; a failed publication only delays it.
            LogPublishFailed(logger, exception, MaskedPerson);
            _consecutiveFailures++;
            ScheduleRetry();
        }
    }

    private void ScheduleRetry()
    {
        _retryTimer?.Dispose();
        var exponent = Math.Min(_consecutiveFailures - 1, 16);
        var delay = TimeSpan.FromTicks(Math.Min(_options.MaxRetryDelay.Ticks, _options.RetryBaseDelay.Ticks << Math.Max(0, exponent)));
        var jitter = TimeSpan.FromTicks((long)(delay.Ticks * 0.2 * Random.Shared.NextDouble()));
        _retryTimer = this.RegisterGrainTimer(OnRetryDue, new GrainTimerCreationOptions
        {
            DueTime = delay + jitter,
            Period = Timeout.InfiniteTimeSpan,
            KeepAlive = true,
        });
    }

    private async Task OnRetryDue(CancellationToken cancellationToken)
    {
        _retryTimer?.Dispose();
        _retryTimer = null;
        _inFlightItemId = null;
        await PublishHeadAsync();
    }

    private static EncounterView ToView(EncounterRecord encounter)
    {
        var latest = encounter.Versions.Count > 0 ? encounter.Versions[^1] : null;
        return new EncounterView(encounter.Sequence, encounter.FacilityCode, encounter.MaLk, encounter.VisitType,
            encounter.ArrivalTime, encounter.DischargeTime, encounter.CheckedInAt, latest?.Version ?? 0, latest?.State);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Check-in for person {Person} at {Facility}: encounter {Sequence}, created {Created}, XML0 queued {Queued}")]
    private static partial void LogCheckIn(ILogger logger, string person, string facility, long sequence, bool created, bool queued);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Dossier accepted for person {Person} from {Facility}: version {Version}, encounter {Sequence}")]
    private static partial void LogAccepted(ILogger logger, string person, string facility, int version, long sequence);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Identical dossier resubmitted for person {Person} from {Facility}: answering version {Version} again")]
    private static partial void LogDuplicate(ILogger logger, string person, string facility, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Episode {Sequence} of person {Person} at {Facility} cancelled")]
    private static partial void LogCancelled(ILogger logger, string person, string facility, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing the outbox head of person {Person} failed; retrying later")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string person);
}
