using static McsOps.Core.Tests.Policies.PolicyWorld;

namespace McsOps.Core.Tests.Policies;

/// <summary>MHLW 6.0 Q&amp;A a/b/c as a pure function: calendar months, classes that never rotate, unknown class.</summary>
public sealed class PasswordPolicyTests
{
    private static Staff Rotating(DateOnly changed, PasswordClass cls = PasswordClass.EightRotating) => new()
    {
        Code = S("S-0099"),
        Facility = FacilityCode.Parse("F-0001"),
        Name = "x",
        Profession = Profession.Nurse,
        PasswordClass = cls,
        PasswordChangedOn = changed,
    };

    [Theory]
    [InlineData("2026-09-30", "2026-11-30")]
    [InlineData("2026-12-31", "2027-02-28")]
    [InlineData("2026-12-30", "2027-02-28")]
    [InlineData("2027-12-31", "2028-02-29")]
    [InlineData("2026-08-31", "2026-10-31")]
    [InlineData("2026-01-15", "2026-03-15")]
    public void Rotation_EightRotating_IsDueTwoCalendarMonthsAfterTheChange(string changed, string due)
    {
        var rotation = PasswordPolicy.Rotation(Rotating(DateOnly.Parse(changed, System.Globalization.CultureInfo.InvariantCulture)), 2);

        rotation.Should().Be((PasswordPolicy.Rotate, (DateOnly?)DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(PasswordClass.ThirteenMixed)]
    [InlineData(PasswordClass.TwoFactor)]
    public void Rotation_ThirteenMixedOrTwoFactor_NeverRotates(PasswordClass cls) =>
        PasswordPolicy.Rotation(Rotating(new DateOnly(2000, 1, 1), cls), 2).Should().BeNull();

    [Fact]
    public void Rotation_UnknownClass_IsAFindingWithoutDate() =>
        PasswordPolicy.Rotation(Rotating(new DateOnly(2026, 1, 1), PasswordClass.Unknown), 2).Should().Be((PasswordPolicy.UnknownClass, (DateOnly?)null));

    [Fact]
    public void MustChangeAfterLoss_ChangeOnOrAfterTheLoss_Clears()
    {
        var device = new Device { Tag = D("D-0001"), Kind = DeviceKind.Smartphone, Holder = S("S-0099"), Status = DeviceStatus.Lost, LostOn = new DateOnly(2026, 11, 25) };

        PasswordPolicy.MustChangeAfterLoss(Rotating(new DateOnly(2026, 11, 24)), device).Should().BeTrue();
        PasswordPolicy.MustChangeAfterLoss(Rotating(new DateOnly(2026, 11, 25)), device).Should().BeFalse();
        PasswordPolicy.MustChangeAfterLoss(Rotating(new DateOnly(2026, 11, 24)), device with { Status = DeviceStatus.Returned }).Should().BeFalse();
    }
}
