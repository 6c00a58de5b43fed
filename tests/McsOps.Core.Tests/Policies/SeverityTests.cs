namespace McsOps.Core.Tests.Policies;

/// <summary>The severity rule every finding shares: overdue after the due date, due on the day, upcoming within 14 days.</summary>
public sealed class SeverityTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Theory]
    [InlineData(-400, Severity.Overdue)]
    [InlineData(-1, Severity.Overdue)]
    [InlineData(0, Severity.Due)]
    [InlineData(1, Severity.Upcoming)]
    [InlineData(14, Severity.Upcoming)]
    public void Of_DueDateRelativeToToday_GivesSeverity(int days, Severity expected) =>
        Severities.Of(Today.AddDays(days), Today, 14).Should().Be(expected);

    [Theory]
    [InlineData(15)]
    [InlineData(60)]
    public void Of_DueBeyondTheHorizon_IsAbsent(int days) =>
        Severities.Of(Today.AddDays(days), Today, 14).Should().BeNull();

    [Fact]
    public void Of_NoDueDate_IsOverdue() =>
        Severities.Of(null, Today, 14).Should().Be(Severity.Overdue);

    [Fact]
    public void Of_Horizon_IsTheSetting()
    {
        Severities.Of(Today.AddDays(20), Today, 30).Should().Be(Severity.Upcoming);
        Severities.Of(Today.AddDays(4), Today, 3).Should().BeNull();
    }
}
