using McsOps.Core.Application;

namespace McsOps.Core;

/// <summary>Marks staff leaving with their last day and builds their checklist from the current state.</summary>
public sealed record MarkLeaving(StaffCode Staff, DateOnly LastDay) : IOperation<Checklist>;

/// <summary>Ticks one checklist item, with evidence (a leaver ticks their own; admins any).</summary>
public sealed record CompleteChecklistItem(StaffCode Staff, string ItemId, string? Evidence) : IOperation<Checklist>;

/// <summary>完了承認: refused while an item is open. The leaver is then departed.</summary>
public sealed record SignOffOffboarding(StaffCode Staff) : IOperation<Checklist>;

internal sealed class MarkLeavingHandler : IHandler<MarkLeaving, Checklist>
{
    public Checklist Handle(MarkLeaving op, OperationContext ctx)
    {
        var staff = ctx.Staff(op.Staff);
        if (staff.Status == StaffStatus.Departed)
        {
            throw OperationContext.Rejected("op.staff.departed", op.Staff.Value);
        }

        var leaving = staff with { Status = StaffStatus.Leaving, LastDay = op.LastDay };
        ctx.Session.Staff.Upsert(leaving);
        ctx.Audit("staff.leaving", op.Staff.Value, $"last day {op.LastDay:yyyy-MM-dd}");
        Offboardings.EnsureChecklist(ctx.Session, leaving, ctx.Actor);
        return ctx.Session.Checklists.Find(op.Staff)!;
    }
}

internal sealed class CompleteChecklistItemHandler : IHandler<CompleteChecklistItem, Checklist>
{
    public Checklist Handle(CompleteChecklistItem op, OperationContext ctx)
    {
        var checklist = ctx.Session.Checklists.Find(op.Staff) is { IsOpen: true } c ? c : throw OperationContext.Rejected("op.checklist.none", op.Staff.Value);
        var item = checklist.Items.FirstOrDefault(i => i.Id == op.ItemId) ?? throw OperationContext.Rejected("op.unknown", op.ItemId);
        if (item.IsDone)
        {
            throw OperationContext.Rejected("op.checklist.done", op.ItemId);
        }

        if (ctx.Actor.Channel is Channel.Slack or Channel.Teams && item.Owner?.Value != ctx.Actor.Id
            && !(Code.TryParse<StaffCode>(ctx.Actor.Id, out var me) && ctx.Session.Staff.Find(me)?.Roles.HasFlag(StaffRoles.Admin) == true))
        {
            throw new OpsException(ExitCode.NotPermitted, "op.checklist.notyours", op.ItemId);
        }

        var evidence = string.IsNullOrWhiteSpace(op.Evidence) ? null : op.Evidence.Trim();
        var updated = checklist.Tick(op.ItemId, ctx.Actor.Id, ctx.Now, evidence);
        ctx.Session.Checklists.Upsert(updated);
        ctx.Audit("checklists.tick", op.Staff.Value, $"{op.ItemId}; evidence: {evidence ?? "-"}");
        return updated;
    }
}

internal sealed class SignOffOffboardingHandler : IHandler<SignOffOffboarding, Checklist>
{
    public Checklist Handle(SignOffOffboarding op, OperationContext ctx)
    {
        var checklist = ctx.Session.Checklists.Find(op.Staff) is { IsOpen: true } c ? c : throw OperationContext.Rejected("op.checklist.none", op.Staff.Value);
        var open = checklist.Items.Where(i => !i.IsDone).Select(i => i.Id).ToList();
        if (open.Count > 0)
        {
            throw OperationContext.Rejected("op.checklist.open", open.Count, string.Join(", ", open));
        }

        var signed = checklist with { SignedOffAt = ctx.Now, SignedOffBy = ctx.Actor.Id };
        ctx.Session.Checklists.Upsert(signed);
        ctx.Audit("checklists.signoff", op.Staff.Value, $"{checklist.Items.Count} items");
        var staff = ctx.Staff(op.Staff);
        ctx.Session.Staff.Upsert(staff with { Status = StaffStatus.Departed, Roles = StaffRoles.None });
        ctx.Audit("staff.update", op.Staff.Value, "changed: status departed, roles");
        return signed;
    }
}
