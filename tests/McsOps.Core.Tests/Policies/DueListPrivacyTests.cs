using static McsOps.Core.Tests.Policies.PolicyWorld;

namespace McsOps.Core.Tests.Policies;

/// <summary>The due list and the sweep's messages carry codes only: never a patient's name, a group's MCS name or a staff member's name.</summary>
public sealed class DueListPrivacyTests : IDisposable
{
    private const string Devices = """
        asset_tag,kind,holder_staff_code,offsite_approved,client_cert,status,lost_on
        D-0001,smartphone,S-0002,true,CN=sato-phone,in_use,
        D-0002,tablet,S-0001,false,,in_use,
        """;

    private static readonly string[] PersonalData =
    [
        "青木太郎", "アオキタロウ", "石井和子", "イシイカズコ", "青木", "石井",
        "青木様 在宅チーム", "石井様 在宅チーム", "多職種連携 連絡用", "在宅チーム", "連絡用",
        "山田一郎", "佐藤花子", "鈴木三郎", "ヤマダイチロウ", "サトウハナコ", "スズキサブロウ",
        "yamada@example.jp", "sato@example.jp", "suzuki@example.jp",
    ];

    private readonly PolicyWorld _w = new(Jst(2026, 10, 1, 9));

    public DueListPrivacyTests()
    {
        _w.Seed();
        _w.Import("devices", Devices);
    }

    public void Dispose() => _w.Dispose();

    /// <summary>Something in every category the data allows: reviews, actions, invitations, passwords, offboarding, consent, training, pledge, devices.</summary>
    private void MakeEverythingDue()
    {
        _w.Sweep();
        _w.At(Jst(2026, 11, 26, 10));
        _w.Run(new RecordDecision(G("G-0042"), S("S-0002"), ReviewDecision.Remove, "担当外"));
        _w.Run(new RecordMembership(G("G-0043"), S("S-0003"), MembershipState.Active, new DateOnly(2026, 11, 25)));
        _w.Run(new RecordTransfer(P("P-0042"), new DateOnly(2026, 11, 25), Incoming: true));
        _w.Run(new MarkDeviceLost(D("D-0002"), new DateOnly(2026, 11, 25), "紛失"));
        _w.Run(new MarkLeaving(S("S-0002"), new DateOnly(2026, 12, 5)));
        _w.Run(new SetRole(S("S-0001"), StaffRoles.Admin, false, "交代"));
        _w.Run(new SetRole(S("S-0001"), StaffRoles.Admin, true, "再任"));
        _w.Sweep();
    }

    private static void ShouldHoldNoPersonalData(string? text, string where)
    {
        foreach (var needle in PersonalData)
        {
            (text ?? string.Empty).Should().NotContain(needle, where);
        }
    }

    [Fact]
    public void Due_EveryFieldOfEveryFinding_HoldsNoNameOfPatientGroupOrStaff()
    {
        MakeEverythingDue();

        foreach (var at in new[] { Jst(2026, 11, 26, 10), Jst(2027, 1, 5), Jst(2027, 3, 1) })
        {
            var due = _w.Due(at);
            foreach (var f in due)
            {
                foreach (var cell in DueExport.Row(f))
                {
                    ShouldHoldNoPersonalData(cell, $"{f.Category}/{f.Kind} of {f.Subject}");
                }

                ShouldHoldNoPersonalData(f.ToString(), f.Kind);
            }
        }

        _w.Due().Select(f => f.Category).Distinct().Should().Contain(
        [
            DueCategory.Review, DueCategory.McsAction, DueCategory.Invitation, DueCategory.Password, DueCategory.Offboarding,
            DueCategory.Consent, DueCategory.Training, DueCategory.Pledge, DueCategory.Device,
        ], "the check must see every kind of finding to mean anything");
    }

    [Fact]
    public void Due_Subject_IsExactlyOneCode()
    {
        MakeEverythingDue();

        foreach (var f in _w.Due())
        {
            var expected = f.Category switch
            {
                DueCategory.Review or DueCategory.Consent or DueCategory.Invitation => "G-",
                DueCategory.Password or DueCategory.Training or DueCategory.Pledge or DueCategory.Offboarding => "S-",
                DueCategory.Device => "D-",
                DueCategory.McsAction => f.Kind is "archive_group" or "remove_member" or "approve_invitation" or "reject_invitation" ? "G-" : "S-",
                _ => null,
            };
            f.Subject.Should().StartWith(expected).And.MatchRegex("^[A-Z]-[0-9]{4}$", $"{f.Category}/{f.Kind}");
        }
    }

    [Fact]
    public void Sweep_Messages_HoldNoNameOfPatientGroupOrStaff()
    {
        MakeEverythingDue();
        _w.Sweep(Jst(2026, 12, 1, 10));

        var messages = _w.Messages;
        messages.Select(m => m.Kind).Distinct().Should().Contain(["review_reminder", "review_escalation", "password_reminder", "password_change_now", "checklist_reminder", "digest"]);
        foreach (var m in messages)
        {
            ShouldHoldNoPersonalData(m.Content.Text, m.Key);
            foreach (var field in m.Content.Fields)
            {
                ShouldHoldNoPersonalData(field.Label + " " + field.Value, m.Key);
            }

            foreach (var button in m.Content.Buttons)
            {
                ShouldHoldNoPersonalData(button.Label + " " + button.Value, m.Key);
            }
        }
    }
}
