using McsOps.Core;
using McsOps.Tui.App;

namespace McsOps.Tui.Screens;

/// <summary>Where a command of the palette, or a finding of the dashboard, leads.</summary>
internal static class Navigator
{
    /// <summary>The screen a palette command names; null for an unknown command. A malformed code throws.</summary>
    public static Screen? ForCommand(TuiContext c, string verb, string? arg) => verb.ToLowerInvariant() switch
    {
        "due" or "dash" or "dashboard" => new DashboardScreen(c),
        "groups" or "g" when arg is null => new GroupsScreen(c),
        "groups" or "g" or "group" => new GroupDetailScreen(c, Parse<GroupCode>(c, arg)),
        "reviews" or "review" when arg is null => new ReviewsScreen(c),
        "reviews" or "review" => new ReviewDetailScreen(c, Parse<GroupCode>(c, arg)),
        "actions" => new ActionsScreen(c),
        "invitations" => new InvitationsScreen(c),
        "offboarding" or "checklist" when arg is null => new OffboardingScreen(c),
        "offboarding" or "checklist" => new ChecklistScreen(c, Parse<StaffCode>(c, arg)),
        "audit" => new AuditScreen(c),
        "staff" or "s" when arg is null => new StaffScreen(c),
        "staff" or "s" => ForStaff(c, Parse<StaffCode>(c, arg)),
        "patients" or "patient" when arg is null => new PatientsScreen(c),
        "patients" or "patient" => new PatientDetailScreen(c, Parse<PatientCode>(c, arg)),
        "devices" or "device" => new DevicesScreen(c, arg),
        _ => null,
    };

    public static Screen? ForStaff(TuiContext c, StaffCode code) => new StaffDetailScreen(c, code);

    /// <summary>The subject of a finding: its group, its staff member or its device.</summary>
    public static Screen? ForFinding(TuiContext c, DueFinding f) => f.Category switch
    {
        DueCategory.Review or DueCategory.Consent or DueCategory.Invitation => new GroupDetailScreen(c, Code.Parse<GroupCode>(f.Subject)),
        DueCategory.Password or DueCategory.Training or DueCategory.Pledge or DueCategory.Offboarding => ForStaff(c, Code.Parse<StaffCode>(f.Subject)),
        DueCategory.McsAction when f.Kind is "archive_group" or "remove_member" or "approve_invitation" or "reject_invitation" => new GroupDetailScreen(c, Code.Parse<GroupCode>(f.Subject)),
        DueCategory.McsAction => ForStaff(c, Code.Parse<StaffCode>(f.Subject)),
        DueCategory.Device => new DevicesScreen(c, f.Subject),
        _ => null,
    };

    private static T Parse<T>(TuiContext c, string? text) where T : struct, ICode<T> =>
        Code.TryParse<T>(text, out var code) ? code : throw new OpsException(ExitCode.BadArguments, "csv.badcode", text ?? "");
}
