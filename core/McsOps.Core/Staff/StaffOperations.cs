using System.Security.Cryptography;
using McsOps.Core.Application;

namespace McsOps.Core;

/// <summary>Adds or edits a staff member (our own or an external professional).</summary>
public sealed record SaveStaff(Staff Staff) : IOperation<Staff>;

/// <summary>Records today's (or a given day's) password change and its class — never the password.</summary>
public sealed record RecordPasswordChange(StaffCode Staff, PasswordClass Class, DateOnly On) : IOperation<Staff>;

/// <summary>Records a security training or a signed pledge (誓約書).</summary>
public sealed record RecordTrainingOrPledge(StaffCode Staff, DateOnly On, bool Pledge) : IOperation<Staff>;

/// <summary>Sets 本人認証 / profile / photo as seen in MCS.</summary>
public sealed record SetStaffFlags(StaffCode Staff, bool IdentityVerified, bool ProfileComplete, bool PhotoSet) : IOperation<Staff>;

/// <summary>Grants or revokes the admin (or auditor) role, deliberately and with a reason (operating rules).</summary>
public sealed record SetRole(StaffCode Staff, StaffRoles Role, bool Grant, string Reason) : IOperation<Staff>;

/// <summary>An incident note on a staff member or a device: misuse, loss, leak.</summary>
public sealed record RecordIncident(string Subject, string Kind, string Note) : IOperation<AuditEntry>;

/// <summary>Issues a one-time code (valid 24 hours) that links a chat identity to the staff record.</summary>
public sealed record IssueLinkCode(StaffCode Staff) : IOperation<string>;

internal sealed class SaveStaffHandler : IHandler<SaveStaff, Staff>
{
    public Staff Handle(SaveStaff op, OperationContext ctx)
    {
        var s = op.Staff;
        _ = ctx.Session.Facilities.Find(s.Facility) ?? throw OperationContext.Rejected("op.unknown", s.Facility.Value);
        if (s.OsUser is { } os && ctx.Session.Staff.FindByOsUser(os) is { } holder && holder.Code != s.Code)
        {
            throw OperationContext.Rejected("csv.osuserdup", os, holder.Code.Value);
        }

        var existing = ctx.Session.Staff.Find(s.Code);
        if (existing is not null && existing.Roles != s.Roles)
        {
            throw OperationContext.Rejected("op.role.useSetRole");
        }

        ctx.Session.Staff.Upsert(s);
        ctx.Audit(existing is null ? "staff.create" : "staff.update", s.Code.Value);
        if (s.Status == StaffStatus.Leaving)
        {
            Offboardings.EnsureChecklist(ctx.Session, s, ctx.Actor);
        }

        return s;
    }
}

internal sealed class RecordPasswordChangeHandler : IHandler<RecordPasswordChange, Staff>
{
    public Staff Handle(RecordPasswordChange op, OperationContext ctx)
    {
        if (op.On > ctx.Today)
        {
            throw OperationContext.Rejected("op.future", op.On);
        }

        var staff = ctx.Staff(op.Staff) with { PasswordClass = op.Class, PasswordChangedOn = op.On };
        ctx.Session.Staff.Upsert(staff);
        ctx.Audit("staff.password", op.Staff.Value, $"class {Tokens.Format(op.Class)}; changed {op.On:yyyy-MM-dd}");
        return staff;
    }
}

internal sealed class RecordTrainingOrPledgeHandler : IHandler<RecordTrainingOrPledge, Staff>
{
    public Staff Handle(RecordTrainingOrPledge op, OperationContext ctx)
    {
        if (op.On > ctx.Today)
        {
            throw OperationContext.Rejected("op.future", op.On);
        }

        var staff = ctx.Staff(op.Staff);
        staff = op.Pledge ? staff with { PledgeSignedOn = op.On } : staff with { LastTrainingOn = op.On };
        ctx.Session.Staff.Upsert(staff);
        ctx.Audit(op.Pledge ? "staff.pledge" : "staff.training", op.Staff.Value, $"on {op.On:yyyy-MM-dd}");
        return staff;
    }
}

internal sealed class SetStaffFlagsHandler : IHandler<SetStaffFlags, Staff>
{
    public Staff Handle(SetStaffFlags op, OperationContext ctx)
    {
        var staff = ctx.Staff(op.Staff) with { IdentityVerified = op.IdentityVerified, ProfileComplete = op.ProfileComplete, PhotoSet = op.PhotoSet };
        ctx.Session.Staff.Upsert(staff);
        ctx.Audit("staff.flags", op.Staff.Value, $"identity_verified {op.IdentityVerified}; profile {op.ProfileComplete}; photo {op.PhotoSet}");
        return staff;
    }
}

internal sealed class SetRoleHandler : IHandler<SetRole, Staff>
{
    public Staff Handle(SetRole op, OperationContext ctx)
    {
        if (string.IsNullOrWhiteSpace(op.Reason))
        {
            throw OperationContext.Rejected("op.reason");
        }

        if (op.Role is not (StaffRoles.Admin or StaffRoles.Auditor))
        {
            throw OperationContext.Rejected("op.role.which");
        }

        var staff = ctx.Staff(op.Staff);
        if (op.Grant && staff.Status is StaffStatus.Departed or StaffStatus.Leaving)
        {
            throw OperationContext.Rejected("op.staff.departed", op.Staff.Value);
        }

        var updated = staff with { Roles = op.Grant ? staff.Roles | op.Role : staff.Roles & ~op.Role };
        ctx.Session.Staff.Upsert(updated);
        ctx.Audit(op.Grant ? "staff.grant" : "staff.revoke", op.Staff.Value, $"{Tokens.Format(op.Role)}; reason: {op.Reason.Trim()}");
        if (!op.Grant && op.Role == StaffRoles.Admin && staff.Roles.HasFlag(StaffRoles.Admin))
        {
            var key = $"revoke_admin:{op.Staff.Value}";
            if (ctx.Session.Actions.Find(key) is not { IsOpen: true })
            {
                ctx.Session.Actions.Upsert(new McsAction { Key = key, Kind = McsActionKind.RevokeAdmin, Subject = op.Staff.Value, DueOn = ctx.Today, CreatedAt = ctx.Now, Note = op.Reason.Trim() });
                ctx.Audit("actions.create", op.Staff.Value, "revoke_admin in MCS");
            }
        }

        return updated;
    }
}

internal sealed class RecordIncidentHandler : IHandler<RecordIncident, AuditEntry>
{
    public AuditEntry Handle(RecordIncident op, OperationContext ctx)
    {
        if (string.IsNullOrWhiteSpace(op.Note) || string.IsNullOrWhiteSpace(op.Kind))
        {
            throw OperationContext.Rejected("op.reason");
        }

        var isStaff = Code.TryParse<StaffCode>(op.Subject, out var staff) && ctx.Session.Staff.Find(staff) is not null;
        var isDevice = Code.TryParse<AssetTag>(op.Subject, out var tag) && ctx.Session.Devices.Find(tag) is not null;
        if (!isStaff && !isDevice)
        {
            throw OperationContext.Rejected("op.unknown", op.Subject);
        }

        return ctx.Session.Audit.Append(ctx.Actor, "incident." + op.Kind.Trim().ToLowerInvariant(), Code.Normalize(op.Subject)!, op.Note.Trim());
    }
}

internal sealed class IssueLinkCodeHandler : IHandler<IssueLinkCode, string>
{
    public string Handle(IssueLinkCode op, OperationContext ctx)
    {
        var staff = ctx.Staff(op.Staff);
        if (staff.Status == StaffStatus.Departed)
        {
            throw OperationContext.Rejected("op.staff.departed", op.Staff.Value);
        }

        // Eight characters from an alphabet without look-alikes; only its hash is stored.
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var code = new string(RandomNumberGenerator.GetItems<char>(alphabet, 8));
        var voided = ctx.Session.LinkCodes.Save(new LinkCode(LinkCode.HashOf(code), op.Staff, ctx.Now.AddHours(24)));
        ctx.Audit("staff.linkcode", op.Staff.Value, voided > 0 ? "issued; valid 24 hours; the previous code is void" : "issued; valid 24 hours");
        return code;
    }
}
