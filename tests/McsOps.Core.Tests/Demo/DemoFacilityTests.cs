using McsOps.Core.Csv;
using McsOps.Core.Demo;
using McsOps.Core.Storage;

namespace McsOps.Core.Tests.Demo;

public sealed class DemoFacilityTests : IDisposable
{
    private readonly TestStore _t = new();

    public void Dispose() => _t.Dispose();

    [Fact]
    public void Build_ImportsCleanlyWithThePlantedOutstandingWork()
    {
        foreach (var (kind, csv) in DemoFacility.Build(new DateOnly(2026, 11, 26)))
        {
            var result = _t.Import(kind, csv, $"demo/{kind}.csv");
            result.Errors.Should().BeEmpty();
        }

        var s = _t.Store.Read(DatabaseSummary.Of);
        s.HomeFacility.Should().Be("山田クリニック");
        s.OwnStaff.Should().BeInRange(20, 30);
        s.ExternalStaff.Should().Be(40);
        s.Patients.Should().Be(60);
        s.PatientGroups.Should().Be(60);
        s.FreeGroups.Should().Be(4);
        s.DischargedPatients.Should().Be(2);
        s.ArchivePendingGroups.Should().Be(2);
        s.OpenActions.Should().Be(3, "two archive_group actions and one suspend_staff for the lost device");
        s.LeavingStaff.Should().Be(1);
        s.InvitedMemberships.Should().BeGreaterThan(0);
        s.LostDevices.Should().Be(1);
        _t.Store.Read(x => x.Groups.All().Where(g => g.Kind == GroupKind.Patient).All(g => x.Memberships.ByGroup(g.Code).Count(m => m.State == MembershipState.Active) is >= 8 and <= 14))
            .Should().BeTrue();
    }

    [Fact]
    public void Build_IsDeterministicForADay()
    {
        DemoFacility.Build(new DateOnly(2026, 11, 26)).Should().Equal(DemoFacility.Build(new DateOnly(2026, 11, 26)));
    }
}
