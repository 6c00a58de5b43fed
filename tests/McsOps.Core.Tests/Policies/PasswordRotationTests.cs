using static McsOps.Core.Tests.Policies.PolicyWorld;

namespace McsOps.Core.Tests.Policies;

/// <summary>Design §5.3: MHLW 6.0 Q&amp;A a/b/c, calendar months in the facility's zone, reminders 14/7/1 and daily.</summary>
public sealed class PasswordRotationTests : IDisposable
{
    /// <summary>The seed's staff plus: S-0004 home unknown, S-0005 home 2fa, S-0006 home changed on 12-31, S-0007 external 8rotating long ago.</summary>
    private const string Staff = """
        staff_code,facility_code,name,kana,profession,email,roles,status,last_day,password_class,password_changed_on
        S-0001,F-0001,山田一郎,ヤマダイチロウ,医師,yamada@example.jp,admin,active,,13mixed,
        S-0002,F-0001,佐藤花子,サトウハナコ,nurse,sato@example.jp,,active,,8rotating,2026/9/30
        S-0003,F-0002,鈴木三郎,スズキサブロウ,看護師,suzuki@example.jp,,active,,unknown,
        S-0004,F-0001,高橋四郎,タカハシシロウ,clerk,,,active,,unknown,
        S-0005,F-0001,田中五郎,タナカゴロウ,pharmacist,,,active,,2fa,2020-01-01
        S-0006,F-0001,伊藤六子,イトウムツコ,nurse,,,active,,8rotating,2026-12-31
        S-0007,F-0002,渡辺七海,ワタナベナナミ,nurse,,,active,,8rotating,2026-01-01
        """;

    private readonly PolicyWorld _w = new(Jst(2026, 11, 1, 10));

    public PasswordRotationTests() => _w.Seed(staff: Staff);

    public void Dispose() => _w.Dispose();

    private List<DueFinding> PasswordFindings(DateTimeOffset at, string staff) =>
        [.. _w.Due(at).Where(f => f.Category == DueCategory.Password && f.Subject == staff)];

    [Fact]
    public void Due_PasswordChangedTwoMonthsAgo_IsOverdue()
    {
        var f = PasswordFindings(Jst(2026, 12, 1), "S-0002").Should().ContainSingle().Which;

        f.Should().Be(new DueFinding(DueCategory.Password, PasswordPolicy.Rotate, Severity.Overdue, "S-0002", new DateOnly(2026, 11, 30), S("S-0002"), "8rotating"));
    }

    [Fact]
    public void Due_PasswordChangedSeptember30_IsDueOnNovember30InTokyoNotInUtc()
    {
        // 2026-11-30 23:59:59.999 Tokyo is 14:59Z: still the due day. One millisecond later it is 12-01 in Tokyo (15:00Z, still 11-30 in UTC).
        PasswordFindings(Jst(2026, 11, 30, 23, 59, 59, 999), "S-0002").Single().Severity.Should().Be(Severity.Due);
        PasswordFindings(Jst(2026, 12, 1), "S-0002").Single().Severity.Should().Be(Severity.Overdue);
        PasswordFindings(Jst(2026, 11, 30), "S-0002").Single().Severity.Should().Be(Severity.Due);
        PasswordFindings(Jst(2026, 11, 29, 23, 59), "S-0002").Single().Severity.Should().Be(Severity.Upcoming);
    }

    [Fact]
    public void Due_PasswordChangedDecember31_IsDueOnFebruary28()
    {
        PasswordFindings(Jst(2027, 2, 13, 12), "S-0006").Should().BeEmpty("02-28 is 15 days away, beyond the 14-day horizon");
        PasswordFindings(Jst(2027, 2, 14), "S-0006").Single().Should().Match<DueFinding>(f => f.Severity == Severity.Upcoming && f.Due == new DateOnly(2027, 2, 28));
        PasswordFindings(Jst(2027, 2, 28, 23), "S-0006").Single().Severity.Should().Be(Severity.Due);
        PasswordFindings(Jst(2027, 3, 1), "S-0006").Single().Severity.Should().Be(Severity.Overdue);
    }

    [Fact]
    public void Due_ThirteenMixedAndTwoFactor_AreNeverAFinding()
    {
        foreach (var at in new[] { Jst(2026, 11, 26), Jst(2030, 6, 1) })
        {
            PasswordFindings(at, "S-0001").Should().BeEmpty("13mixed never rotates");
            PasswordFindings(at, "S-0005").Should().BeEmpty("2fa never rotates, even with a change in 2020");
        }

        PasswordFindings(Jst(2030, 6, 1), "S-0002").Should().ContainSingle("the check is not vacuous: 8rotating is overdue by then");
    }

    [Fact]
    public void Due_UnknownClass_IsOverdueWithNoDueDate()
    {
        var f = PasswordFindings(Jst(2026, 11, 26), "S-0004").Should().ContainSingle().Which;

        f.Kind.Should().Be(PasswordPolicy.UnknownClass);
        f.Due.Should().BeNull();
        f.Severity.Should().Be(Severity.Overdue);
        f.Owner.Should().Be(S("S-0004"));
    }

    [Fact]
    public void Due_ExternalStaff_HaveNoPasswordFinding()
    {
        PasswordFindings(Jst(2026, 11, 26), "S-0003").Should().BeEmpty("S-0003's unknown class is their own facility's business");
        PasswordFindings(Jst(2026, 11, 26), "S-0007").Should().BeEmpty("S-0007's rotation is their own facility's business");
    }

    private List<string> PasswordKeys(string staff) =>
        [.. _w.MessageKeys.Where(k => k.StartsWith($"password:{staff}:", StringComparison.Ordinal))];

    /// <summary>Sweeps every morning at 10:00 Tokyo from <paramref name="from"/> through <paramref name="to"/>.</summary>
    private void SweepDaily(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            _w.Sweep(Jst(d.Year, d.Month, d.Day, 10));
        }
    }

    [Fact]
    public void Sweep_PasswordDueNovember30_RemindsFourteenSevenAndOneDayBefore()
    {
        SweepDaily(new DateOnly(2026, 11, 14), new DateOnly(2026, 11, 29));

        PasswordKeys("S-0002").Should().BeEquivalentTo(
            "password:S-0002:2026-11-30:d14",
            "password:S-0002:2026-11-30:d7",
            "password:S-0002:2026-11-30:d1");
        var byKey = _w.Messages.ToDictionary(m => m.Key);
        _w.Policy.Clock.DateOf(byKey["password:S-0002:2026-11-30:d14"].CreatedAt).Should().Be(new DateOnly(2026, 11, 16));
        _w.Policy.Clock.DateOf(byKey["password:S-0002:2026-11-30:d7"].CreatedAt).Should().Be(new DateOnly(2026, 11, 23));
        _w.Policy.Clock.DateOf(byKey["password:S-0002:2026-11-30:d1"].CreatedAt).Should().Be(new DateOnly(2026, 11, 29));
        byKey["password:S-0002:2026-11-30:d14"].Recipient.Should().Be(S("S-0002"));
    }

    [Fact]
    public void Sweep_PasswordOverdue_RemindsOncePerDay()
    {
        _w.Sweep(Jst(2026, 12, 1, 9));
        _w.Sweep(Jst(2026, 12, 1, 17));
        SweepDaily(new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 3));

        PasswordKeys("S-0002").Should().BeEquivalentTo(
            "password:S-0002:2026-11-30:overdue:2026-12-01",
            "password:S-0002:2026-11-30:overdue:2026-12-02",
            "password:S-0002:2026-11-30:overdue:2026-12-03");
    }

    [Fact]
    public void Sweep_PasswordOnItsDueDay_IsNotRemindedAsOverdue()
    {
        // Overdue means after the due date (design §5.3, issue 3): on 11-30 the password is due, not overdue.
        _w.Sweep(Jst(2026, 11, 30, 10));

        _w.Messages.Where(m => m.Key.StartsWith("password:S-0002:", StringComparison.Ordinal) && m.Key.Contains("overdue", StringComparison.Ordinal))
            .Select(m => m.Key).Should().BeEmpty("on its due day the password is due, not overdue, and the overdue text says the date has passed");
    }

    [Fact]
    public void Sweep_ChangedDecember31_RemindsFromFebruary14()
    {
        _w.At(Jst(2027, 2, 1));
        SweepDaily(new DateOnly(2027, 2, 13), new DateOnly(2027, 2, 14));
        SweepDaily(new DateOnly(2027, 2, 21), new DateOnly(2027, 2, 21));
        SweepDaily(new DateOnly(2027, 2, 27), new DateOnly(2027, 2, 27));

        PasswordKeys("S-0006").Should().BeEquivalentTo(
            "password:S-0006:2027-02-28:d14",
            "password:S-0006:2027-02-28:d7",
            "password:S-0006:2027-02-28:d1");
    }

    [Fact]
    public void Sweep_ExternalAndNonRotatingStaff_GetNoPasswordReminder()
    {
        foreach (var day in new[] { 16, 23, 29, 30 })
        {
            _w.Sweep(Jst(2026, 11, day, 10));
        }

        SweepDaily(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 2));

        PasswordKeys("S-0003").Should().BeEmpty();
        PasswordKeys("S-0007").Should().BeEmpty();
        PasswordKeys("S-0001").Should().BeEmpty();
        PasswordKeys("S-0005").Should().BeEmpty();
        PasswordKeys("S-0002").Should().NotBeEmpty("the sweep does remind the home 8rotating staff member");
    }

    [Fact]
    public void Sweep_RecordedPasswordChange_StopsTheReminders()
    {
        _w.At(Jst(2026, 12, 1, 9));
        _w.Run(new RecordPasswordChange(S("S-0002"), PasswordClass.EightRotating, new DateOnly(2026, 12, 1)));

        SweepDaily(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 3));

        PasswordKeys("S-0002").Should().BeEmpty();
        PasswordFindings(Jst(2026, 12, 3), "S-0002").Should().BeEmpty("the next change is due 2027-02-01, beyond the horizon");
    }
}
