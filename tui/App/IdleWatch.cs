using Terminal.Gui.App;
using Terminal.Gui.Input;

namespace McsOps.Tui.App;

/// <summary>
/// Idle timeout (MHLW: clear the screen when the terminal is left): after
/// <c>McsOps:IdleTimeoutMinutes</c> without a key, a warning; one minute later the screen is
/// cleared, the end is audited and the program exits. Any key in between starts the count again.
/// Runs on the application's timers, so that virtual time drives it in the tests.
/// </summary>
internal sealed class IdleWatch : IDisposable
{
    private static readonly TimeSpan Warning = TimeSpan.FromMinutes(1);
    private readonly IApplication _app;
    private readonly TimeSpan _timeout;
    private readonly Action<bool> _warn;
    private readonly Action _expire;
    private object? _timer;
    private bool _warned;

    public IdleWatch(IApplication app, TimeSpan timeout, Action<bool> warn, Action expire)
    {
        _app = app;
        _timeout = timeout;
        _warn = warn;
        _expire = expire;
        _app.Keyboard.KeyDown += OnKey;
        Schedule(_timeout - Warning, Warn);
    }

    public bool Expired { get; private set; }

    public void Dispose()
    {
        _app.Keyboard.KeyDown -= OnKey;
        Cancel();
    }

    private void OnKey(object? sender, Key key)
    {
        if (Expired)
        {
            return;
        }

        if (_warned)
        {
            _warned = false;
            _warn(false);
        }

        Schedule(_timeout - Warning, Warn);
    }

    private bool Warn()
    {
        _timer = null;
        _warned = true;
        _warn(true);
        Schedule(Warning, Expire);
        return false;
    }

    private bool Expire()
    {
        _timer = null;
        Expired = true;
        _expire();
        return false;
    }

    private void Schedule(TimeSpan after, Func<bool> then)
    {
        Cancel();
        _timer = _app.AddTimeout(after, then);
    }

    private void Cancel()
    {
        if (_timer is not null)
        {
            _app.RemoveTimeout(_timer);
            _timer = null;
        }
    }
}
