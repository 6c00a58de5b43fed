using McsOps.Core;
using McsOps.Core.Configuration;
using McsOps.Core.Storage;
using McsOps.Core.Storage.LiteDb;

namespace McsOps.Tui.Cli;

/// <summary>What every verb needs: validated settings, the language, the clock, where to write, and the store.</summary>
internal sealed class CliContext(Settings settings, TimeProvider time, CliIo io, ParsedArgs args)
{
    public Settings Settings { get; } = settings;

    public Lang Lang => Settings.Language;

    public TimeProvider Time { get; } = time;

    public CliIo Io { get; } = io;

    public ParsedArgs Args { get; } = args;

    public string T(string key, params object?[] a) => Text.Get(Lang, key, a);

    /// <summary>True when this command runs on the demo database (built on first use).</summary>
    public bool IsDemo { get; init; }

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

    /// <summary>The person at the terminal: their staff code when an admin mapped their OS user, else the OS user.</summary>
    public Actor ResolveActor(IStore store)
    {
        var user = Environment.UserName;
        var staff = store.Read(s => s.Staff.FindByOsUser(user));
        return staff is null ? Actor.OsUser(user, Channel.Cli) : new Actor(staff.Code.Value, Channel.Cli);
    }
}
