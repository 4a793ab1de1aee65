namespace SoSucKhoe.Storage.Tests.Grains;

/// <summary>A grain that keeps one <see cref="KeptRecord"/> in the storage provider under test.</summary>
public sealed class RecordKeeperGrain(
    [PersistentState(RecordKeeperGrain.StateName, RecordKeeperGrain.StorageName)] IPersistentState<KeptRecord> record)
    : Grain, IRecordKeeperGrain
{
    public const string StateName = "record";
    public const string StorageName = "records";

    public async Task Save(string text, byte[] blob)
    {
        record.State = new KeptRecord { Text = text, Blob = blob, Writes = record.State.Writes + 1 };
        await record.WriteStateAsync();
    }

    public Task<RecordView> View() =>
        Task.FromResult(new RecordView(record.State.Text, record.State.Blob, record.State.Writes, record.Etag, record.RecordExists));

    public Task Forget() => record.ClearStateAsync();

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
