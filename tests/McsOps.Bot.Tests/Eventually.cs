namespace McsOps.Bot.Tests;

/// <summary>Waits for an event of a real process (a file appears or goes, a service answers): polled every 20 ms until a timeout, never a fixed sleep.</summary>
internal static class Eventually
{
    public static Task TrueAsync(Func<bool> condition, TimeSpan patience) => TrueAsync(() => Task.FromResult(condition()), patience);

    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        while (!await condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
