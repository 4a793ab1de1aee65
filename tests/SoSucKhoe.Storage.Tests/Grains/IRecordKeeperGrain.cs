namespace SoSucKhoe.Storage.Tests.Grains;

[Alias("storage-tests.IRecordKeeperGrain")]
public interface IRecordKeeperGrain : IGrainWithStringKey
{
    [Alias("Save")] Task Save(string text, byte[] blob);

    [Alias("View")] Task<RecordView> View();

    [Alias("Forget")] Task Forget();

    [Alias("Deactivate")] Task Deactivate();
}
