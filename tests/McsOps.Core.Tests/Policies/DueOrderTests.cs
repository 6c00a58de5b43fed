using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace McsOps.Core.Tests.Policies;

/// <summary>
/// The due list's sort key compares packed numbers before strings: it must order findings exactly
/// as comparing severity, date, category, then subject and kind with <see cref="string.CompareOrdinal(string, string)"/>.
/// </summary>
public sealed class DueOrderTests
{
    private static readonly string[] Subjects =
        ["", "A", "AB", "A\0", "A\0B", "G-01358", "G-01358@", "G-013580", "G-0135", "ABCDEFGH", "ABCDEFGHI", "ABCDEFGH\0", "\u00FE", "\u00FF", "\u0100", "A\u00FFB", "A\u0100A", "A\u3042", "backup-2026-11-26.tar.gz"];

    public static Arbitrary<(string Subject, string Kind, int Days)[]> Findings() =>
        Gen.Zip(Gen.Zip(Gen.Elements(Subjects), Gen.Elements(Subjects)).Select(t => t.Item1 + t.Item2), Gen.Zip(Gen.Elements("a", "b", "member_review"), Gen.Choose(-2, 2)))
            .Select(t => (t.Item1, t.Item2.Item1, t.Item2.Item2))
            .ArrayOf()
            .ToArbitrary();

    [Property(MaxTest = 200, Arbitrary = [typeof(DueOrderTests)])]
    public bool SortKey_OrdersAsTheFieldsDo((string Subject, string Kind, int Days)[] findings)
    {
        var today = new DateOnly(2026, 11, 26);
        var list = findings.Select(f => new DueFinding(
            (DueCategory)(Math.Abs(f.Days) % 3), f.Kind, (Severity)(Math.Abs(f.Days) % 2), f.Subject, f.Days == 0 ? null : today.AddDays(f.Days), null, string.Empty)).ToList();
        return list.All(a => list.All(b =>
            Math.Sign(DueList.SortKey.Of(a).CompareTo(DueList.SortKey.Of(b))) == Math.Sign(Reference(a, b))));
    }

    [Theory]
    [InlineData("A", "A\0")]
    [InlineData("A\0", "A\0B")]
    [InlineData("ABCDEFGH", "ABCDEFGH\0")]
    [InlineData("A\u00FFB", "A\u0100A")]
    [InlineData("A\u0100", "A\u00FF\u0100")]
    [InlineData("\u00FE", "\u00FF")]
    [InlineData("G-01358", "G-013580")]
    public void SortKey_OrdersTrickySubjectsOrdinally(string a, string b)
    {
        var x = new DueFinding(DueCategory.Review, "k", Severity.Overdue, a, null, null, string.Empty);
        var y = x with { Subject = b };
        Math.Sign(DueList.SortKey.Of(x).CompareTo(DueList.SortKey.Of(y))).Should().Be(Math.Sign(string.CompareOrdinal(a, b)));
        Math.Sign(DueList.SortKey.Of(y).CompareTo(DueList.SortKey.Of(x))).Should().Be(Math.Sign(string.CompareOrdinal(b, a)));
    }

    private static int Reference(DueFinding a, DueFinding b)
    {
        var c = ((int)a.Severity).CompareTo((int)b.Severity);
        if (c == 0)
        {
            c = (a.Due ?? DateOnly.MinValue).DayNumber.CompareTo((b.Due ?? DateOnly.MinValue).DayNumber);
        }

        if (c == 0)
        {
            c = ((int)a.Category).CompareTo((int)b.Category);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(a.Subject, b.Subject);
        }

        return c != 0 ? c : string.CompareOrdinal(a.Kind, b.Kind);
    }
}
