namespace SoSucKhoe.Storage.Tests.Infrastructure;

/// <summary>Polls a condition until it holds or a deadline passes.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (condition(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout} waiting for {what}; last value: {value}.");
            }

            await Task.Delay(100);
        }
    }
}
