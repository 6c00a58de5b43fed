using Terminal.Gui.App;

namespace McsOps.Tui.App;

/// <summary>
/// The live refresh of remote mode, where the service owns the database and other admins, chat
/// and the scheduler change it: a long-poll on the service's change counter runs in the background
/// and only records the latest counter; every <see cref="Interval"/> the UI thread re-reads the
/// current screen when the counter moved since it last did — nothing is read when nothing changed,
/// and nothing while a dialog is open (the next tick catches up). No call crosses threads but the
/// one counter.
/// </summary>
internal sealed class LiveRefresh : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly IApplication _app;
    private readonly Func<bool> _refresh;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _poll;
    private readonly object? _timer;
    private long _latest;

    /// <param name="waitForChange">Answers the counter once it is above the one given, or the same one after a while.</param>
    /// <param name="refresh">Re-reads the current screen; false when it could not now (a dialog is open).</param>
    public LiveRefresh(IApplication app, long counter, Func<long, CancellationToken, Task<long>> waitForChange, Func<bool> refresh)
    {
        _app = app;
        _refresh = refresh;
        _latest = Shown = counter;
        _poll = Task.Run(() => PollAsync(waitForChange));
        _timer = app.AddTimeout(Interval, Tick);
    }

    /// <summary>The latest change counter the service reported.</summary>
    public long Latest => Interlocked.Read(ref _latest);

    /// <summary>The change counter the current screen was last re-read at.</summary>
    public long Shown { get; private set; }

    public void Dispose()
    {
        _app.RemoveTimeout(_timer!);
        _stop.Cancel();
        try
        {
            _poll.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // The poll ends by cancellation; nothing else can escape it.
        }

        _stop.Dispose();
    }

    private async Task PollAsync(Func<long, CancellationToken, Task<long>> waitForChange)
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                Interlocked.Exchange(ref _latest, await waitForChange(Latest, _stop.Token).ConfigureAwait(false));
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is Core.OpsException or IOException or HttpRequestException or System.Text.Json.JsonException)
            {
                // The service is restarting or gone: the screen keeps what it shows; try again later.
                try
                {
                    await Task.Delay(Interval, _stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private bool Tick()
    {
        var latest = Latest;
        if (latest != Shown && _refresh())
        {
            Shown = latest;
        }

        return true;
    }
}
