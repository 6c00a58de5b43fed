using McsOps.Core.Storage;

namespace McsOps.Core;

/// <summary>
/// Design §5.5: marking staff leaving builds their checklist from current state — one item per
/// group they own (hand over) and per group they are in (leave), revoke admin, delete their own
/// MCS account (MCS support no longer does since 2026-02), release from facility staff after the
/// last day, one item per device held and per client certificate, the confidentiality clause,
/// and unlinking chat. Shared by the operation and by imports.
/// </summary>
public static class Offboardings
{
    public static Checklist Build(IStoreSession session, Staff leaver, DateOnly lastDay)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(leaver);
        var items = new List<ChecklistItem>();
        void Add(ChecklistItemKind kind, string? subject, StaffCode? owner, DateOnly due) =>
            items.Add(new ChecklistItem { Id = subject is null ? Tokens.Format(kind) : $"{Tokens.Format(kind)}:{subject}", Kind = kind, Subject = subject, Owner = owner, DueOn = due });

        var me = leaver.Code;
        foreach (var g in session.Groups.ByOwner(me).Where(g => g.Status != GroupStatus.Archived).OrderBy(g => g.Code.Value, StringComparer.Ordinal))
        {
            Add(ChecklistItemKind.HandOverGroup, g.Code.Value, null, lastDay);
        }

        foreach (var m in session.Memberships.ByStaff(me).Where(m => m.State is MembershipState.Active or MembershipState.Invited).OrderBy(m => m.Group.Value, StringComparer.Ordinal))
        {
            Add(ChecklistItemKind.LeaveGroup, m.Group.Value, me, lastDay);
        }

        if (leaver.Roles.HasFlag(StaffRoles.Admin))
        {
            Add(ChecklistItemKind.RevokeAdmin, null, null, lastDay);
        }

        Add(ChecklistItemKind.DeleteAccount, null, me, lastDay);
        Add(ChecklistItemKind.ReleaseStaff, null, null, lastDay.AddDays(1));
        foreach (var d in session.Devices.ByHolder(me).Where(d => d.Status == DeviceStatus.InUse).OrderBy(d => d.Tag.Value, StringComparer.Ordinal))
        {
            Add(ChecklistItemKind.ReturnDevice, d.Tag.Value, me, lastDay);
            if (d.ClientCert is not null)
            {
                Add(ChecklistItemKind.RevokeCertificate, d.Tag.Value, null, lastDay);
            }
        }

        Add(ChecklistItemKind.AcknowledgeConfidentiality, null, me, lastDay);
        if (leaver.SlackUserId is not null || leaver.TeamsUserId is not null)
        {
            Add(ChecklistItemKind.UnlinkChat, null, null, lastDay);
        }

        return new Checklist { Staff = me, LastDay = lastDay, CreatedAt = session.Time.GetUtcNow(), Items = items };
    }

    /// <summary>
    /// Adds the items that the leaver's open checklist lacks because a group, membership or device
    /// was recorded after it was built (an import in the usual order: staff before groups). Never
    /// removes an item.
    /// </summary>
    public static void AddMissingItems(IStoreSession session, StaffCode leaver, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.Checklists.Find(leaver) is not { IsOpen: true } checklist || session.Staff.Find(leaver) is not { } staff)
        {
            return;
        }

        var have = checklist.Items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var missing = Build(session, staff, checklist.LastDay).Items.Where(i => !have.Contains(i.Id)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        session.Checklists.Upsert(checklist with { Items = [.. checklist.Items, .. missing] });
        session.Audit.Append(actor, "checklists.update", leaver.Value, $"added: {string.Join(",", missing.Select(i => i.Id))}");
    }

    /// <summary>Creates the leaver's checklist unless an open one exists.</summary>
    public static void EnsureChecklist(IStoreSession session, Staff leaver, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(leaver);
        if (leaver is not { Status: StaffStatus.Leaving, LastDay: { } lastDay } || session.Checklists.Find(leaver.Code) is { IsOpen: true })
        {
            return;
        }

        var checklist = Build(session, leaver, lastDay);
        session.Checklists.Upsert(checklist);
        session.Audit.Append(actor, "checklists.create", leaver.Code.Value, $"{checklist.Items.Count} items; last day {lastDay:yyyy-MM-dd}");
    }
}
