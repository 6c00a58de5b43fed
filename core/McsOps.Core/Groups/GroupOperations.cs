using McsOps.Core.Application;

namespace McsOps.Core;

/// <summary>Adds or edits a group (with its owner and review schedule).</summary>
public sealed record SaveGroup(Group Group) : IOperation<Group>;

/// <summary>Hands a group to a new owner (the reviewer); ticks the leaver's hand-over item when there is one.</summary>
public sealed record ReassignOwner(GroupCode Group, StaffCode NewOwner) : IOperation<Group>;

internal sealed class SaveGroupHandler : IHandler<SaveGroup, Group>
{
    public Group Handle(SaveGroup op, OperationContext ctx)
    {
        var g = op.Group;
        if ((g.Kind == GroupKind.Patient) != (g.Patient is not null))
        {
            throw OperationContext.Rejected(g.Kind == GroupKind.Patient ? "csv.patientgroupnopatient" : "csv.freegroupwithpatient");
        }

        Patient? patient = null;
        if (g.Patient is { } p)
        {
            patient = ctx.Patient(p);
            if (g.Status != GroupStatus.Archived && ctx.Session.Groups.ByPatient(p).FirstOrDefault(x => x.Code != g.Code && x.Status != GroupStatus.Archived) is { } other)
            {
                throw OperationContext.Rejected("csv.secondgroup", p.Value, other.Code.Value);
            }
        }

        if (g.Owner is { } o)
        {
            _ = ctx.Staff(o);
        }

        if (g.ReviewCron is { } cron && !Cronos.CronExpression.TryParse(cron, Cronos.CronFormat.Standard, out _))
        {
            throw OperationContext.Rejected("config.cron", cron);
        }

        var existing = ctx.Session.Groups.Find(g.Code);
        var stored = Discharges.WithPatient(g, patient);
        ctx.Session.Groups.Upsert(stored);
        ctx.Audit(existing is null ? "groups.create" : "groups.update", g.Code.Value);
        if (patient?.DischargedOn is { } ended)
        {
            Discharges.EnsureArchiveAction(ctx.Session, stored, ended, ctx.Actor);
        }

        return stored;
    }
}

internal sealed class ReassignOwnerHandler : IHandler<ReassignOwner, Group>
{
    public Group Handle(ReassignOwner op, OperationContext ctx)
    {
        var group = ctx.Group(op.Group);
        var owner = ctx.Staff(op.NewOwner);
        if (owner.Status is StaffStatus.Departed or StaffStatus.Leaving)
        {
            throw OperationContext.Rejected("op.staff.departed", op.NewOwner.Value);
        }

        var updated = group with { Owner = op.NewOwner };
        ctx.Session.Groups.Upsert(updated);
        ctx.Audit("groups.owner", op.Group.Value, $"{group.Owner?.Value ?? "-"} -> {op.NewOwner.Value}");
        if (ctx.Session.Reviews.OpenFor(op.Group) is { } review)
        {
            ctx.Session.Reviews.Upsert(review with { Reviewer = op.NewOwner });
        }

        if (group.Owner is { } previous && ctx.Session.Checklists.Find(previous) is { IsOpen: true } checklist)
        {
            var id = $"{Tokens.Format(ChecklistItemKind.HandOverGroup)}:{op.Group.Value}";
            if (checklist.HasOpenItem(id))
            {
                ctx.Session.Checklists.Upsert(checklist.Tick(id, ctx.Actor.Id, ctx.Now, $"owner {op.NewOwner.Value}"));
                ctx.Audit("checklists.tick", previous.Value, id);
            }
        }

        return updated;
    }
}
