using McsOps.Core;
using McsOps.Core.Application;
using McsOps.Core.Configuration;
using McsOps.Core.Storage;
using McsOps.Core.Storage.LiteDb;

namespace McsOps.Tui.Cli;

/// <summary>
/// What every verb needs: validated settings, the language, the clock, where to write, and the
/// client that runs operations — the service's, or this process's own store. Owns whatever it
/// connected or opened until it is disposed.
/// </summary>
internal sealed class CliContext(Settings settings, TimeProvider time, CliIo io, ParsedArgs args) : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    public Settings Settings { get; } = settings;

    public Lang Lang => Settings.Language;

    public TimeProvider Time { get; } = time;

    public CliIo Io { get; } = io;

    public ParsedArgs Args { get; } = args;

    public string T(string key, params object?[] a) => Text.Get(Lang, key, a);

    /// <summary>True when this command runs on the demo database (built on first use).</summary>
    public bool IsDemo { get; init; }

    /// <summary>
    /// The service when its admin socket answers (remote mode), else the database in this process
    /// (embedded mode); <c>--socket PATH</c> or <c>--embedded</c> force one. The demo database is
    /// always embedded: the service never serves it.
    /// </summary>
    public IOpsClient Connect(Channel channel)
    {
        var socket = Args.Value("--socket");
        if (socket is not null && Args.Has("--embedded"))
        {
            throw new OpsException(ExitCode.BadArguments, "cli.modes");
        }

        if (!IsDemo && !Args.Has("--embedded"))
        {
            var path = socket is null ? Settings.SocketPath : Path.GetFullPath(socket);
            if (RemoteOpsClient.TryConnect(path, channel) is { } remote)
            {
                _owned.Add(remote);
                return remote;
            }

            if (socket is not null)
            {
                throw new OpsException(ExitCode.Locked, "api.nosocket", path);
            }

            return Embedded(OpenOwnedStore(path), channel);
        }

        return Embedded(OpenOwnedStore(null), channel);
    }

    /// <summary>True when the service's admin socket answers (the service is running and owns the database).</summary>
    public bool ServiceAnswers(out string socketPath)
    {
        socketPath = Args.Value("--socket") is { } forced ? Path.GetFullPath(forced) : Settings.SocketPath;
        try
        {
            using var remote = RemoteOpsClient.TryConnect(socketPath, Channel.Cli);
            return remote is not null;
        }
        catch (OpsException)
        {
            return true; // it answered, to refuse this user
        }
    }

    /// <summary>Opens the database in embedded mode, owning it for the life of the returned store.</summary>
    public LiteDbStore OpenStore()
    {
        Settings.EnsureDataDirectory();
        var store = LiteDbStore.Open(Settings.DatabasePath, Settings.KeyFile, Time, Settings.Policy);
        if (IsDemo)
        {
            DemoVerb.EnsureBuilt(store, this);
        }

        return store;
    }

    /// <summary>
    /// Embedded mode, as the OS user at the terminal: their staff code when an admin mapped their
    /// OS user, else the OS user; read-only when that staff member is an auditor and not an admin.
    /// </summary>
    public IOpsClient Embedded(IStore store, Channel channel)
    {
        ArgumentNullException.ThrowIfNull(store);
        var user = Environment.UserName;
        var staff = store.Read(s => s.Staff.FindByOsUser(user));
        var actor = Actor.ForOsUser(staff, user, channel);
        var readOnly = staff is not null && staff.Roles.HasFlag(StaffRoles.Auditor) && !staff.Roles.HasFlag(StaffRoles.Admin);
        return new LocalOpsClient(new Ops(store, Settings.Policy, Time) { Backup = BackupPlace.Of(Settings) }, actor, readOnly);
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _owned.Clear();
    }

    /// <summary>The store for this command; when its lock is held and the service's socket did not answer, says both.</summary>
    private LiteDbStore OpenOwnedStore(string? silentSocket)
    {
        LiteDbStore store;
        try
        {
            store = OpenStore();
        }
        catch (OpsException e) when (silentSocket is not null && e.Key is "db.locked" or "db.locked.unknown")
        {
            throw new OpsException(ExitCode.Locked, e.Key + ".nosocket", [.. e.Args, silentSocket]);
        }

        _owned.Add(store);
        return store;
    }
}
