namespace SoSucKhoe.Storage.Tests.Grains;

/// <summary>A grain that registers reminders far in the future, so that only the reminder table is exercised.</summary>
public sealed class ReminderHolderGrain : Grain, IReminderHolderGrain, IRemindable
{
    public Task Register(string name, TimeSpan period) =>
        this.RegisterOrUpdateReminder(name, dueTime: TimeSpan.FromHours(1), period: period);

    public async Task Unregister(string name)
    {
        var reminder = await this.GetReminder(name);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public async Task<string[]> Names() => [.. (await this.GetReminders()).Select(r => r.ReminderName)];

    public Task ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status) => Task.CompletedTask;
}
