namespace McsOps.Core;

[Flags]
public enum StaffRoles
{
    [Token("none")] None = 0,
    [Token("admin", "MCS管理者", "管理者")] Admin = 1,
    [Token("auditor", "監査責任者")] Auditor = 2,
}
