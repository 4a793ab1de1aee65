namespace SoSucKhoe.Storage.Tests.Grains;

[Alias("storage-tests.IReminderHolderGrain")]
public interface IReminderHolderGrain : IGrainWithStringKey
{
    [Alias("Register")] Task Register(string name, TimeSpan period);

    [Alias("Unregister")] Task Unregister(string name);

    [Alias("Names")] Task<string[]> Names();
}
