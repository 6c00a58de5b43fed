using McsOps.Bot.AdminApi;
using McsOps.Core;
using McsOps.Core.Application;
using McsOps.Core.Configuration;
using McsOps.Core.Storage;
using McsOps.Core.Storage.LiteDb;

namespace McsOps.Bot.Hosting;

/// <summary>
/// The service's one owner of the database (design §2). At start it takes the database lock —
/// waiting while another process (an embedded <c>mcsops</c>) holds it, <c>/readyz</c> 503
/// meanwhile — opens the store and publishes the admin socket. Everything that uses the store
/// goes through <see cref="Run{T}"/>, so that shutdown lets the operation in flight finish before
/// it closes the store and releases the lock. A background worker is a hosted service registered
/// after this one: it starts after it and stops before it.
/// </summary>
internal sealed class StoreOwner(Settings settings, AdminSocket socket, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<StoreOwner> logger)
    : IHostedService, IDisposable
{
    private static readonly TimeSpan LockRetry = TimeSpan.FromSeconds(1);
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _opening = Task.CompletedTask;
    private LiteDbStore? _store;
    private Ops? _ops;
    private int _inFlight;
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StoreState State { get; private set; } = StoreState.Starting;

    /// <summary>Completes when the store is open (the scheduler starts then).</summary>
    public Task Opened => _opened.Task;

    /// <summary>The open store, for the chat adapters' operations; exit 4 (<c>api.notready</c>) until it is open.</summary>
    public IStore Store
    {
        get
        {
            lock (_gate)
            {
                return State == StoreState.Open && _store is not null ? _store : throw new OpsException(ExitCode.Locked, "api.notready");
            }
        }
    }

    /// <summary>When the scheduler's last sweep ran in this process (null before the first).</summary>
    public DateTimeOffset? LastSweep
    {
        get => Interlocked.Read(ref _lastSweep) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
        set => Interlocked.Exchange(ref _lastSweep, value?.UtcTicks ?? 0);
    }

    private long _lastSweep;

    /// <summary>Why the database could not be opened; the service then stops with its exit code.</summary>
    public OpsException? Failure { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        settings.EnsureDataDirectory();
        KeyFile.CheckPermissions(settings.KeyFile); // before anything listens: a key others can read stops the start (exit 2)
        socket.Prepare();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => listening.TrySetResult());
        _opening = Task.Run(() => OpenAsync(listening.Task, _stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the open store, synchronously on the calling thread (LiteDB
    /// binds a transaction to its thread; the store serialises writes). Throws exit 4
    /// (<c>api.notready</c>) while the store is not open. Pass <paramref name="mayChange"/> false
    /// for a read, so that long-polls are woken only by work that may have written.
    /// </summary>
    public T Run<T>(Func<Ops, T> work, bool mayChange = true)
    {
        ArgumentNullException.ThrowIfNull(work);
        Ops ops;
        lock (_gate)
        {
            if (State != StoreState.Open || _ops is null)
            {
                throw new OpsException(ExitCode.Locked, "api.notready");
            }

            ops = _ops;
            _inFlight++;
        }

        try
        {
            return work(ops);
        }
        finally
        {
            lock (_gate)
            {
                if (--_inFlight == 0 && State == StoreState.Closing)
                {
                    _drained.TrySetResult();
                }
            }

            if (mayChange)
            {
                Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }
        }
    }

    /// <summary>The change counter as soon as it is above <paramref name="since"/>, or as it is when <paramref name="wait"/> is over.</summary>
    public async Task<long> WaitForChangeAsync(long since, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + wait;
        while (true)
        {
            var changed = Volatile.Read(ref _changed).Task;
            var counter = Run(ops => ops.Store.ChangeCounter, mayChange: false);
            var left = deadline - time.GetUtcNow();
            if (counter > since || left <= TimeSpan.Zero)
            {
                return counter;
            }

            try
            {
                await changed.WaitAsync(left, time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Nothing changed in time: the loop answers the same counter.
            }
        }
    }

    public Readiness Readiness()
    {
        try
        {
            // Counted without this probe itself.
            return Run(
                ops => ops.Store.Read(s => new Readiness(
                    Tokens.Format(StoreState.Open),
                    ops.Store.ChangeCounter,
                    ops.Store.SchemaVersion,
                    Volatile.Read(ref _inFlight) - 1,
                    LastSweep,
                    s.Outbox.CountByState(OutboxState.Pending),
                    s.Backups.Last() is { } b ? new ReadyBackup(b.At, b.File, b.Ok) : null)),
                mayChange: false);
        }
        catch (OpsException)
        {
            return new Readiness(Tokens.Format(State), null, null, null);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _opening.ConfigureAwait(false);
        int inFlight;
        lock (_gate)
        {
            if (State == StoreState.Open)
            {
                State = StoreState.Closing;
            }

            inFlight = _inFlight;
            if (inFlight == 0)
            {
                _drained.TrySetResult();
            }
        }

        socket.Withdraw();
        if (inFlight > 0)
        {
            // Not cut short by the host's shutdown timeout: a transaction must finish or roll back, not be torn.
            Log.Draining(logger, inFlight);
            await _drained.Task.ConfigureAwait(false);
        }

        lock (_gate)
        {
            _ops = null;
            if (State != StoreState.Failed)
            {
                State = StoreState.Closed;
            }
        }

        if (_store is not null)
        {
            _store.Dispose();
            _store = null;
            Log.Closed(logger);
        }
    }

    public void Dispose()
    {
        _store?.Dispose();
        _stopping.Dispose();
    }

    private async Task OpenAsync(Task listening, CancellationToken stopping)
    {
        try
        {
            _store = await OpenWhenFreeAsync(stopping).ConfigureAwait(false);
            if (Upload.Clear(settings) is var left and > 0)
            {
                Log.UploadsCleared(logger, left); // a service killed while receiving a file; no other process writes there
            }

            await listening.WaitAsync(stopping).ConfigureAwait(false);
            socket.Publish();
            lock (_gate)
            {
                _ops = new Ops(_store, settings.Policy, time) { Backup = BackupPlace.Of(settings) };
                State = StoreState.Open;
            }

            _opened.TrySetResult();

            Log.Ready(logger, settings.DatabasePath, _store.SchemaVersion, _store.ChangeCounter, socket.Path);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped before the store was ready.
        }
        catch (Exception e)
        {
            Failure = e as OpsException ?? new OpsException(ExitCode.InternalError, "cli.internal", e.GetType().Name, e.Message);
            State = StoreState.Failed;
            Log.OpenFailed(logger, Failure.Message);

            // Stop once the host has started: a stop during start cancels Kestrel's bind half-way.
            try
            {
                await listening.WaitAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopping anyway.
            }

            lifetime.StopApplication();
        }
    }

    /// <summary>Opens the store, waiting while another process holds its lock; any other failure (wrong key, newer schema) is final.</summary>
    private async Task<LiteDbStore> OpenWhenFreeAsync(CancellationToken stopping)
    {
        while (true)
        {
            try
            {
                return LiteDbStore.Open(settings.DatabasePath, settings.KeyFile, time, settings.Policy);
            }
            catch (OpsException e) when (e.Key is "db.locked" or "db.locked.unknown")
            {
                if (State != StoreState.WaitingForLock)
                {
                    State = StoreState.WaitingForLock;
                    Log.WaitingForLock(logger, settings.DatabasePath, e.Message);
                }

                await Task.Delay(LockRetry, time, stopping).ConfigureAwait(false);
            }
        }
    }
}
