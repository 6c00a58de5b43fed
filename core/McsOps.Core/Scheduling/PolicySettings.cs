using Cronos;

namespace McsOps.Core.Scheduling;

/// <summary>
/// The numbers the policies of design §5 run on. Defaults are the design's; they are settings,
/// not constants, so a facility's operating rules (or a test) can change them.
/// </summary>
public sealed record PolicySettings
{
    public required TimeZoneInfo Zone { get; init; }

    /// <summary>The language of the messages McsOps sends (chat reminders, digests).</summary>
    public Lang Language { get; init; } = Lang.Ja;

    public CronExpression ReviewSchedule { get; init; } = CronExpression.Parse("0 9 1 1,4,7,10 *");

    public CronExpression DigestSchedule { get; init; } = CronExpression.Parse("30 8 * * 1-5");

    public int ReviewDueDays { get; init; } = 14;

    public IReadOnlyList<int> ReviewReminderDays { get; init; } = [0, 3, 7];

    public int EscalationDay { get; init; } = 7;

    public int ArchiveDueDays { get; init; } = 7;

    public int RemovalDueDays { get; init; } = 7;

    public int InvitationDueDays { get; init; } = 3;

    public int RotationMonths { get; init; } = 2;

    public IReadOnlyList<int> PasswordReminderDays { get; init; } = [14, 7, 1];

    public int TrainingIntervalMonths { get; init; } = 12;

    /// <summary>How far ahead the due list shows what is coming.</summary>
    public int UpcomingDays { get; init; } = 14;

    public TimeOnly QuietFrom { get; init; } = new(20, 0);

    public TimeOnly QuietUntil { get; init; } = new(8, 0);

    public bool RequireRemovalJustificationForExternal { get; init; } = true;

    /// <summary>How chat names a patient (<c>Chat:PatientDisplay</c>): by code, or code and initials.</summary>
    public PatientDisplay PatientDisplay { get; init; } = PatientDisplay.Code;

    public FacilityClock Clock => new(Zone);

    public Schedule ScheduleFor(string? cron) =>
        new(cron is null ? ReviewSchedule : CronExpression.Parse(cron), Zone);
}
