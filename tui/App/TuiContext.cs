using McsOps.Core;
using McsOps.Core.Application;
using McsOps.Core.Configuration;

namespace McsOps.Tui.App;

/// <summary>
/// What every screen needs: the client that runs operations and queries (the service's socket,
/// or the store in this process), the settings, the clock and the language. Screens never touch the
/// store: everything they read is a query, everything they change is an operation.
/// </summary>
internal sealed class TuiContext
{
    public TuiContext(IOpsClient client, Settings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        Client = client;
        Settings = settings;
        Time = time;
    }

    public IOpsClient Client { get; }

    /// <summary>The running application (set by the shell), for modal dialogs.</summary>
    public Terminal.Gui.App.IApplication App { get; set; } = null!;

    public Settings Settings { get; }

    public TimeProvider Time { get; }

    public Lang Lang => Settings.Language;

    /// <summary>True for the auditor role: every key that changes something is refused.</summary>
    public bool ReadOnly => Client.ReadOnly;

    public string T(string key, params object?[] args) => UiText.Get(Lang, key, args);

    /// <summary>The on-screen word for a state or a kind.</summary>
    public string L<T>(T value) where T : struct, Enum => UiText.Label(Lang, value);

    /// <summary>A date as the screens show it (2026/11/26), or "-".</summary>
    public static string D(DateOnly? date) => date?.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture) ?? "-";

    /// <summary>An instant as the screens show it, on the facility's clock (2026/11/26 09:15), or "-".</summary>
    public string At(DateTimeOffset? instant) => instant is { } at
        ? TimeZoneInfo.ConvertTime(at, Settings.TimeZone).ToString("yyyy/MM/dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)
        : "-";

    /// <summary>Now on the facility's wall clock.</summary>
    public DateTime LocalNow => TimeZoneInfo.ConvertTime(Time.GetUtcNow(), Settings.TimeZone).DateTime;

    /// <summary>Today in the facility's time zone.</summary>
    public DateOnly Today => DateOnly.FromDateTime(LocalNow);

    /// <summary>The severity of something due on <paramref name="due"/> today (期限切れ / 本日期限 / 近日期限), or null.</summary>
    public Severity? SeverityOf(DateOnly? due) => Severities.Of(due, Today, Settings.Policy.UpcomingDays);

    public TResult Run<TResult>(IOperation<TResult> operation) => Client.Execute(operation);

    /// <summary>The due list at this instant.</summary>
    public IReadOnlyList<DueFinding> DueNow() => Run(new GetDueList());
}
