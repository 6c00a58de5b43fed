using McsOps.Core.Application;

namespace McsOps.Core;

/// <summary>One line of the staff list: the record and the name of its facility.</summary>
public sealed record StaffRow(Staff Staff, string? FacilityName, bool Home);

/// <summary>Every staff member, ours and external, in code order.</summary>
public sealed record ListStaff : IQuery<IReadOnlyList<StaffRow>>;

/// <summary>A group the staff member is in (with the membership) or owns as its reviewer (membership null when not a member).</summary>
public sealed record StaffGroupRow(Group Group, Membership? Membership, bool Owner);

/// <summary>
/// Everything the staff screen shows about one person: the record, the facility, when the password
/// and the training are next due (what the policies make of them: <see cref="PasswordFinding"/> is
/// the finding's kind, e.g. <c>rotate_password</c>, null when the class needs no rotation), the
/// groups, the devices held, the offboarding checklist (the open one, else the last signed off),
/// and the open MCS actions about them. Chat links are the platform user ids, never a token.
/// </summary>
public sealed record StaffDetail(
    Staff Staff,
    Facility? Facility,
    bool Home,
    string? PasswordFinding,
    DateOnly? PasswordDueOn,
    DateOnly? TrainingDueOn,
    IReadOnlyList<StaffGroupRow> Groups,
    IReadOnlyList<Device> Devices,
    Checklist? Checklist,
    IReadOnlyList<McsAction> OpenActions);

public sealed record GetStaffDetail(StaffCode Staff) : IQuery<StaffDetail>;

internal sealed class ListStaffHandler : IHandler<ListStaff, IReadOnlyList<StaffRow>>
{
    public IReadOnlyList<StaffRow> Handle(ListStaff op, OperationContext ctx)
    {
        var facilities = ctx.Session.Facilities.All().ToDictionary(f => f.Code);
        return [.. ctx.Session.Staff.All()
            .OrderBy(s => s.Code.Value, StringComparer.Ordinal)
            .Select(s => facilities.TryGetValue(s.Facility, out var f) ? new StaffRow(s, f.Name, f.IsHome) : new StaffRow(s, null, false))];
    }
}

internal sealed class GetStaffDetailHandler : IHandler<GetStaffDetail, StaffDetail>
{
    public StaffDetail Handle(GetStaffDetail op, OperationContext ctx)
    {
        var s = ctx.Session;
        var staff = ctx.Staff(op.Staff);
        var facility = s.Facilities.Find(staff.Facility);
        var home = facility?.IsHome == true;

        var memberships = s.Memberships.ByStaff(staff.Code).ToDictionary(m => m.Group);
        var owned = s.Groups.ByOwner(staff.Code).ToDictionary(g => g.Code);
        var groups = memberships.Keys.Union(owned.Keys)
            .Select(code => owned.GetValueOrDefault(code) ?? s.Groups.Find(code))
            .OfType<Group>()
            .Select(g => new StaffGroupRow(g, memberships.GetValueOrDefault(g.Code), g.Owner == staff.Code))
            .OrderBy(r => r.Membership?.State ?? MembershipState.Active)
            .ThenBy(r => r.Group.Code.Value, StringComparer.Ordinal)
            .ToList();

        var devices = s.Devices.ByHolder(staff.Code).OrderBy(d => d.Tag.Value, StringComparer.Ordinal).ToList();
        var (passwordFinding, passwordDue) = Password(staff, home, devices, ctx.Policy.RotationMonths);
        var actions = s.Actions.Open().Where(a => a.Subject == staff.Code.Value).OrderBy(a => a.DueOn).ToList();
        return new StaffDetail(
            staff,
            facility,
            home,
            passwordFinding,
            passwordDue,
            home ? staff.LastTrainingOn?.AddMonths(ctx.Policy.TrainingIntervalMonths) : null,
            groups,
            devices,
            s.Checklists.Find(staff.Code),
            actions);
    }

    /// <summary>What the due list says of this person's password: a lost device first (change now), then the rotation.</summary>
    private static (string? Kind, DateOnly? Due) Password(Staff staff, bool home, IReadOnlyList<Device> devices, int rotationMonths)
    {
        if (devices.Where(d => PasswordPolicy.MustChangeAfterLoss(staff, d)).MinBy(d => d.LostOn) is { } lost)
        {
            return (PasswordPolicy.ChangeNow, lost.LostOn);
        }

        return home && staff.Status != StaffStatus.Departed && PasswordPolicy.Rotation(staff, rotationMonths) is { } rotation ? (rotation.Kind, rotation.Due) : (null, null);
    }
}
