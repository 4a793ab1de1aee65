using SoSucKhoe.Book;

namespace SoSucKhoe.Grains.Book;

/// <summary>The persisted appointments a facility will receive, by source episode.</summary>
[GenerateSerializer, Alias("sosuckhoe.FacilityReExamsState")]
public sealed class FacilityReExamsState
{
    [Id(0)] public Dictionary<string, FacilityReExam> Appointments { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>The re-exam appointments one facility will receive; past ones are dropped as new ones arrive.</summary>
public sealed class FacilityReExamsGrain(
    [PersistentState("facility-reexams", StorageNames.Main)] IPersistentState<FacilityReExamsState> state,
    TimeProvider time) : Grain, IFacilityReExamsGrain
{
    private static readonly TimeSpan KeepAfter = TimeSpan.FromDays(30);

    public async Task Upsert(FacilityReExam appointment)
    {
        if (state.State.Appointments.TryGetValue(appointment.SourceDossierId, out var existing)
            && existing.PersonKey == appointment.PersonKey && existing.Dates.SequenceEqual(appointment.Dates)
            && existing.AppointmentNumber == appointment.AppointmentNumber)
        {
            return;
        }

        state.State.Appointments[appointment.SourceDossierId] = appointment;
        var horizon = time.GetUtcNow() - KeepAfter;
        foreach (var stale in state.State.Appointments.Where(p => p.Value.Dates.All(d => d < horizon)).Select(p => p.Key).ToList())
        {
            state.State.Appointments.Remove(stale);
        }

        await state.WriteStateAsync();
    }

    public async Task Remove(string sourceDossierId)
    {
        if (state.State.Appointments.Remove(sourceDossierId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<FacilityReExam>> List(DateTimeOffset from, DateTimeOffset to)
    {
        IReadOnlyList<FacilityReExam> result = state.State.Appointments.Values
            .Where(a => a.Dates.Any(d => d >= from && d < to))
            .OrderBy(a => a.Dates.Where(d => d >= from && d < to).Min())
            .ToList();
        return Task.FromResult(result);
    }
}
