using McsOps.Core;
using McsOps.Tui.App;
using McsOps.Tui.Screens;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace McsOps.Tui.Tests;

/// <summary>
/// 招待の承認 on the demo facility: five pending invitations, oldest first — G-0029 (every condition
/// met), G-0008 (not identity verified), G-0053, G-0046 (a facility the patient refused), G-0014 (no
/// profile, no photo).
/// </summary>
[Collection("tui")]
public sealed class InvitationsScreenTests
{
    [Fact]
    public void Invitations_FromThePalette_ShowEveryConditionPassOrFail_OverdueInRed_AndFilter()
    {
        using var tui = new TuiHarness();

        tui.Palette("invitations");

        var screen = tui.Shell.Current.Should().BeOfType<InvitationsScreen>().Subject;
        screen.Shown.Select(r => r.Membership.Group.Value).Should().Equal("G-0029", "G-0008", "G-0053", "G-0046", "G-0014");
        var text = tui.Text();
        text.Should().Contain("招待の承認").And.Contain("S-0041").And.Contain("加藤 翔太").And.Contain("山田 一郎").And.Contain("2026/11/20").And.Contain("✗ 2件");
        text.Should().Contain("ひまわり居宅介護支援事業所 (F-0004)")
            .And.Contain("✓本人認証済み  ✓プロフィール  ✓顔写真  ✓退職予定でない  ✓拒否施設でない");
        var overdue = tui.Find("2026/11/24")!.Value;
        tui.AttributeAt(overdue.X, overdue.Y)!.Value.Foreground.Should().Be(new Color(ColorName16.BrightRed));
        ColumnsLineUp(tui);

        tui.Press(Key.J);
        tui.Press(Key.J);
        tui.Press(Key.J);
        tui.Text().Should().Contain("✓本人認証済み  ✓プロフィール  ✓顔写真  ✓退職予定でない  ✗拒否施設でない");
        tui.Press(Key.J);
        tui.Text().Should().Contain("✓本人認証済み  ✗プロフィール  ✗顔写真  ✓退職予定でない  ✓拒否施設でない");

        tui.Type("/顔写真");
        screen.Shown.Should().ContainSingle().Which.Membership.Group.Value.Should().Be("G-0014", "the filter matches failed conditions");
        tui.Press(Key.Esc);
        tui.Press(Key.Esc);
        tui.Type("/かとう");
        screen.Shown.Should().Contain(r => r.Membership.Staff.Value == "S-0041", "the filter matches the invitee's kana, in hiragana too");
    }

    [Fact]
    public void KeyA_OnAnInvitationMeetingEveryCondition_ApprovesWithoutReason_AndMakesTheMcsAction()
    {
        using var tui = new TuiHarness();
        tui.Shell.Push(new InvitationsScreen(tui.Context));
        var before = tui.AuditCount();
        var question = tui.ThenSaveForm("reason", "");

        tui.Press(Key.A);

        question().Should().Be("S-0041 加藤 翔太 の G-0029 への招待を承認します。MCS で「承認する」を押す作業ができます。よろしいですか？");
        var key = (GroupCode.Parse("G-0029"), StaffCode.Parse("S-0041"));
        tui.Store.Read(s => s.Memberships.Find(key))!.State.Should().Be(MembershipState.Active);
        tui.Store.Read(s => s.Actions.Find("approve_invitation:G-0029:S-0041"))!.IsOpen.Should().BeTrue();
        tui.AuditAfter(before).Select(e => e.Action).Should().Equal("invitations.approve", "actions.create");
        ((InvitationsScreen)tui.Shell.Current).Shown.Should().HaveCount(4);
    }

    [Fact]
    public void KeyA_AgainstAFailedConditionWithoutReason_IsRefusedInTheForm_AndWritesNothing()
    {
        using var tui = new TuiHarness();
        var screen = new InvitationsScreen(tui.Context);
        tui.Shell.Push(screen);
        tui.MoveTo(screen, r => r.Membership.Group.Value == "G-0046");

        var changes = tui.Store.ChangeCounter;
        var refused = tui.ThenRefusedForm("reason", "  ", confirmed: true);

        tui.Press(Key.A);

        refused().Should().Be(("理由を入力してください", "  "));
        tui.DialogScreens[^1].Should().Contain("満たしていない条件: 拒否施設でない");
        tui.Store.ChangeCounter.Should().Be(changes);
    }

    [Fact]
    public void ShiftR_RejectsWithAReason_AndABlankReasonIsRefusedFirst()
    {
        using var tui = new TuiHarness();
        tui.Shell.Push(new InvitationsScreen(tui.Context));
        var changes = tui.Store.ChangeCounter;
        var refused = tui.ThenRefusedForm("reason", "", confirmed: false);

        tui.Press(Key.R.WithShift);

        refused().Error.Should().Be("理由 を入力してください");
        tui.Store.ChangeCounter.Should().Be(changes);
        var before = tui.AuditCount();
        var question = tui.ThenSaveForm("reason", "担当予定がないため");

        tui.Press(Key.R.WithShift);

        question().Should().Contain("承認しません");
        tui.Store.Read(s => s.Memberships.Find((GroupCode.Parse("G-0029"), StaffCode.Parse("S-0041"))))!.State.Should().Be(MembershipState.Removed);
        tui.Store.Read(s => s.Actions.Find("reject_invitation:G-0029:S-0041")).Should().NotBeNull();
        tui.AuditAfter(before).Should().Contain(e => e.Action == "invitations.reject" && e.Details.Contains("担当予定がないため"));
    }

    [Fact]
    public void Enter_OpensTheGroup()
    {
        using var tui = new TuiHarness();
        tui.Shell.Push(new InvitationsScreen(tui.Context));

        tui.Press(Key.Enter);

        tui.Shell.Current.Should().BeOfType<GroupDetailScreen>().Which.Crumb.Should().Be("G-0029");
    }

    [Fact]
    public void Auditor_CannotApprove()
    {
        using var tui = new TuiHarness(auditor: true);
        tui.Shell.Push(new InvitationsScreen(tui.Context));
        var changes = tui.Store.ChangeCounter;
        tui.ThenInDialogs(Steps.Close);

        tui.Press(Key.A);

        tui.Shell.LastNotice.Should().Be("閲覧専用 (監査責任者) のため変更できません");
        tui.Store.ChangeCounter.Should().Be(changes);
    }

    /// <summary>Every row's column separators sit where the header's do, names in kanji included (80×24).</summary>
    private static void ColumnsLineUp(TuiHarness tui)
    {
        var header = tui.Find("│グループ")!.Value.Y;
        var rows = Enumerable.Range(header + 2, 5).ToList();
        var separators = Separators(tui, header);
        separators.Should().HaveCountGreaterThan(5);
        foreach (var y in rows)
        {
            Separators(tui, y).Should().Equal(separators, $"row {y} lines up with the header");
        }
    }

    private static List<int> Separators(TuiHarness tui, int y) => [.. Enumerable.Range(1, 78).Where(x => tui.Cell(x, y) is "│" or "┼")];
}
