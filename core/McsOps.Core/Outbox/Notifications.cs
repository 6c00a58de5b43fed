using McsOps.Core.Scheduling;

namespace McsOps.Core;

/// <summary>
/// Builds outbox messages: neutral content in the facility's language, quiet hours applied to
/// everything that is not urgent, codes only — never a patient's name.
/// </summary>
public sealed class Notifications(PolicySettings policy)
{
    public PolicySettings Policy { get; } = policy;

    public Lang Lang => Policy.Language;

    public string T(string key, params object?[] args) => Text.Get(Lang, key, args);

    public OutboxMessage Message(string key, StaffCode recipient, string kind, DateTimeOffset now, MessageContent content, bool urgent = false) => new()
    {
        Key = key,
        Recipient = recipient,
        Kind = kind,
        Content = content,
        CreatedAt = now,
        NotBefore = urgent ? now : AfterQuietHours(now),
        Urgent = urgent,
    };

    /// <summary>Now, or the end of the quiet hours (default 20:00–08:00 facility time) when now falls inside them.</summary>
    public DateTimeOffset AfterQuietHours(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, Policy.Zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var (from, until) = (Policy.QuietFrom, Policy.QuietUntil);
        var quiet = from > until ? time >= from || time < until : time >= from && time < until;
        if (!quiet)
        {
            return now;
        }

        var day = DateOnly.FromDateTime(local.DateTime);
        if (time >= until)
        {
            day = day.AddDays(1);
        }

        return Policy.Clock.StartOf(day).Add(until.ToTimeSpan());
    }
}
