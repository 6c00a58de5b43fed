using McsOps.Core;
using McsOps.Core.Configuration;
using McsOps.Core.Storage;

namespace McsOps.Tui.App;

/// <summary>What every screen needs: the open store, the settings, the clock and the language.</summary>
internal sealed class TuiContext
{
    public TuiContext(IStore store, Settings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        Store = store;
        Settings = settings;
        Time = time;
    }

    public IStore Store { get; }

    public Settings Settings { get; }

    public TimeProvider Time { get; }

    public Lang Lang => Settings.Language;

    public string T(string key, params object?[] args) => UiText.Get(Lang, key, args);

    /// <summary>Now on the facility's wall clock.</summary>
    public DateTime LocalNow => TimeZoneInfo.ConvertTime(Time.GetUtcNow(), Settings.TimeZone).DateTime;

    /// <summary>The due list at this instant.</summary>
    public IReadOnlyList<DueFinding> DueNow()
    {
        var at = Time.GetUtcNow();
        return Store.Read(s => DueList.Compute(s, Settings.Policy, at));
    }
}
