using McsOps.Core.Storage;

namespace McsOps.Core.Csv.Kinds;

public sealed class StaffCsv : CsvKind<StaffCode, Staff>
{
    public override string Name => "staff";

    public override IReadOnlyList<Column> Columns { get; } =
    [
        new("staff_code", true),
        new("facility_code", true),
        new("name", true),
        new("kana"),
        new("profession", true),
        new("email"),
        new("roles", Type: ColumnType.List),
        new("status"),
        new("last_day"),
        new("identity_verified", Type: ColumnType.Bool),
        new("profile_complete", Type: ColumnType.Bool),
        new("photo_set", Type: ColumnType.Bool),
        new("password_class"),
        new("password_changed_on"),
        new("pledge_signed_on"),
        new("last_training_on"),
        new("slack_user_id"),
        new("teams_user_id"),
        new("os_user"),
    ];

    protected override Staff Parse(RowReader row)
    {
        var before = row.ErrorCount;
        var staff = new Staff
        {
            Code = row.Code<StaffCode>("staff_code", required: true) ?? default,
            Facility = row.Code<FacilityCode>("facility_code", required: true) ?? default,
            Name = row.Required("name"),
            Kana = row.Optional("kana"),
            Profession = row.Enum<Profession>("profession"),
            Email = Email(row),
            Roles = Roles(row),
            Status = row.Enum<StaffStatus>("status", StaffStatus.Active),
            LastDay = row.Date("last_day"),
            IdentityVerified = row.Bool("identity_verified"),
            ProfileComplete = row.Bool("profile_complete"),
            PhotoSet = row.Bool("photo_set"),
            PasswordClass = row.Enum<PasswordClass>("password_class", PasswordClass.Unknown),
            PasswordChangedOn = row.Date("password_changed_on"),
            PledgeSignedOn = row.Date("pledge_signed_on"),
            LastTrainingOn = row.Date("last_training_on"),
            SlackUserId = row.Optional("slack_user_id"),
            TeamsUserId = row.Optional("teams_user_id"),
            OsUser = row.Optional("os_user"),
        };
        if (row.ErrorCount == before && staff.Status == StaffStatus.Leaving && staff.LastDay is null)
        {
            row.Fail("last_day", "csv.leavingnoday");
        }

        return staff;
    }

    protected override IReadOnlyList<string?> ToRow(Staff s) =>
    [
        s.Code.Value, s.Facility.Value, s.Name, s.Kana, Format.Enum<Profession>(s.Profession), s.Email,
        Format.Roles(s.Roles), Format.Enum<StaffStatus>(s.Status), Format.Date(s.LastDay),
        Format.Bool(s.IdentityVerified), Format.Bool(s.ProfileComplete), Format.Bool(s.PhotoSet),
        Format.Enum<PasswordClass>(s.PasswordClass), Format.Date(s.PasswordChangedOn),
        Format.Date(s.PledgeSignedOn), Format.Date(s.LastTrainingOn), s.SlackUserId, s.TeamsUserId, s.OsUser,
    ];

    protected override StaffCode KeyOf(Staff s) => s.Code;

    protected override string SubjectOf(Staff s) => s.Code.Value;

    protected override IRepository<StaffCode, Staff> Repository(IStoreSession session) => session.Staff;

    protected override void AfterWrite(Staff stored, Staff? previous, ImportContext context, Actor actor) =>
        Offboardings.EnsureChecklist(context.Store, stored, actor);

    protected override void CheckAll(IReadOnlyList<(int Line, Staff Entity)> rows, ImportContext context, ReportError report)
    {
        var osUsers = new Dictionary<string, StaffCode>(StringComparer.Ordinal);
        foreach (var s in context.Store.Staff.All().Where(s => s.OsUser is not null))
        {
            osUsers[s.OsUser!] = s.Code;
        }

        foreach (var (line, s) in rows)
        {
            if (!context.Facilities.Contains(s.Facility))
            {
                report(line, "facility_code", "csv.unknownref", s.Facility.Value);
            }

            if (s.OsUser is { } os)
            {
                if (osUsers.TryGetValue(os, out var holder) && holder != s.Code)
                {
                    report(line, "os_user", "csv.osuserdup", os, holder.Value);
                }

                osUsers[os] = s.Code;
            }
        }
    }

    private static string? Email(RowReader row)
    {
        var email = row.Optional("email");
        if (email is not null && (email.Count(c => c == '@') != 1 || email.StartsWith('@') || email.EndsWith('@') || email.Any(char.IsWhiteSpace)))
        {
            row.Fail("email", "csv.bademail", email);
        }

        return email;
    }

    private static StaffRoles Roles(RowReader row)
    {
        var text = row.Optional("roles");
        var roles = StaffRoles.None;
        foreach (var part in (text ?? string.Empty).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (Tokens.TryParse<StaffRoles>(part, out var r))
            {
                roles |= r;
            }
            else
            {
                row.Fail("roles", "csv.badenum", part, "admin, auditor");
            }
        }

        return roles;
    }
}
