namespace SoSucKhoe.Testing;

/// <summary>Waits for a condition with a deadline, polling: the way tests wait for asynchronous forwarding.</summary>
public static class Eventually
{
    public static async Task<bool> Until(Func<Task<bool>> condition, TimeSpan timeout, TimeSpan? interval = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await condition())
            {
                return true;
            }

            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(50));
        }
    }

    public static Task<bool> Until(Func<bool> condition, TimeSpan timeout) => Until(() => Task.FromResult(condition()), timeout);
}
