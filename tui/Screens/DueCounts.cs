using McsOps.Core;

namespace McsOps.Tui.Screens;

/// <summary>The findings of one category, counted by severity.</summary>
internal sealed record DueCounts(DueCategory Category, int Overdue, int Due, int Upcoming)
{
    public int Total => Overdue + Due + Upcoming;

    /// <summary>One entry per category that has findings, in the categories' order.</summary>
    public static IReadOnlyList<DueCounts> Of(IEnumerable<DueFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        return findings.GroupBy(f => f.Category)
            .OrderBy(g => g.Key)
            .Select(g => new DueCounts(
                g.Key,
                g.Count(f => f.Severity == Severity.Overdue),
                g.Count(f => f.Severity == Severity.Due),
                g.Count(f => f.Severity == Severity.Upcoming)))
            .ToList();
    }
}
