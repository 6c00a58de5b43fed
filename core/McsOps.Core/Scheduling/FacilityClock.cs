namespace McsOps.Core.Scheduling;

/// <summary>Calendar arithmetic in the facility's time zone: "today", and where a calendar day begins.</summary>
public sealed class FacilityClock(TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>
    /// 00:00 local on <paramref name="date"/> as an instant. Where midnight does not exist (a
    /// daylight-saving gap at midnight) the day begins at the first instant after the gap.
    /// </summary>
    public DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>Day N of something opened at <paramref name="opened"/> begins at 00:00 on the N-th calendar day after.</summary>
    public DateTimeOffset DayStart(DateTimeOffset opened, int n) => StartOf(DateOf(opened).AddDays(n));
}
