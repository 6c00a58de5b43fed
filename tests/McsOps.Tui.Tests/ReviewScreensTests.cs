using McsOps.Core;
using McsOps.Tui.App;
using McsOps.Tui.Screens;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace McsOps.Tui.Tests;

/// <summary>メンバー精査 on the demo facility: G-0001 has an open ad-hoc review (S-0001 kept, S-0059 to be removed, 8 pending).</summary>
[Collection("tui")]
public sealed class ReviewScreensTests
{
    private static readonly GroupCode G0001 = GroupCode.Parse("G-0001");

    [Fact]
    public void Reviews_FromThePalette_ListsTheOpenReview_HShowsClosedOnes_EnterOpensItsItems()
    {
        using var tui = new TuiHarness();

        tui.Palette("reviews");

        var list = tui.Shell.Current.Should().BeOfType<ReviewsScreen>().Subject;
        list.Shown.Should().ContainSingle().Which.Review.Group.Should().Be(G0001);
        tui.Text().Should().Contain("メンバー精査").And.Contain("実施中・エスカレーション済みの精査")
            .And.Contain("G-0001").And.Contain("佐藤 健太").And.Contain("2026/12/10").And.Contain("8/10").And.Contain("実施中");

        tui.Press(Key.H);
        list.IncludeClosed.Should().BeTrue();
        list.Total.Should().Be(tui.Store.Read(s => s.Reviews.Count()));
        list.Shown[0].Review.Group.Should().Be(G0001, "open reviews come first");
        tui.Text().Should().Contain("完了");

        tui.Type("/G-0001");
        list.Shown.Select(r => r.Review.Group).Should().OnlyContain(g => g == G0001).And.HaveCountGreaterThan(1);
        tui.Press(Key.Enter);
        tui.Press(Key.Enter);

        var detail = tui.Shell.Current.Should().BeOfType<ReviewDetailScreen>().Subject;
        detail.Detail.Review.IsOpen.Should().BeTrue();
        var text = tui.Text();
        text.Should().Contain("精査 G-0001").And.Contain("メンバー精査: 実施中 (臨時)  未回答 8/10人").And.Contain("精査担当者 S-0002 佐藤 健太")
            .And.Contain("期限 2026/12/10").And.Contain("山田 一郎").And.Contain("継続").And.Contain("解除").And.Contain("未回答");
        text.Should().Contain("S-0001: 継続 — S-0001 が 2026/11/26 10:00 に 端末 で記録", "the line under the table tells the decision under the cursor");
    }

    [Fact]
    public void Reviews_OverdueAfterTheSweep_AreListedFirstWithTheDueDateInRed()
    {
        using var tui = new TuiHarness(100, 30);
        new Sweeper(tui.Context.Settings.Policy).Run(tui.Store, tui.Context.Time.GetUtcNow());

        tui.Palette("reviews");

        var list = (ReviewsScreen)tui.Shell.Current;
        list.Shown.Should().HaveCountGreaterThan(2);
        list.Shown.Select(r => r.Review.DueOn).Should().BeInAscendingOrder();
        list.Shown[1].Review.DueOn.Should().BeBefore(tui.Context.Today);
        tui.Text().Should().Contain("エスカレーション済み");
        var due = tui.Find(TuiContext.D(list.Shown[1].Review.DueOn), last: true)!.Value;
        tui.AttributeAt(due.X, due.Y)!.Value.Foreground.Should().Be(new Color(ColorName16.BrightRed));

        tui.Type("/期限切れ");
        list.Shown.Should().OnlyContain(r => r.Review.DueOn < tui.Context.Today).And.NotContain(r => r.Review.Group == G0001);
    }

    [Fact]
    public void Key1_RecordsKeepForTheMemberUnderTheCursor_OnTheReviewersBehalf_OneAuditEntry()
    {
        using var tui = new TuiHarness();
        tui.Shell.Push(new ReviewDetailScreen(tui.Context, G0001));
        tui.Press(Key.J);
        tui.Press(Key.J);
        var before = tui.AuditCount();
        var question = tui.ThenSaveForm("justification", "");

        tui.Press(new Key('1'));

        question().Should().Be("S-0013 林 直美 を「継続」と記録します (精査担当者 S-0002 に代わって)。よろしいですか？");
        var item = tui.Store.Read(s => s.Reviews.OpenFor(G0001))!.Items.Single(i => i.Member.Value == "S-0013");
        item.Decision.Should().Be(ReviewDecision.Keep);
        item.DecidedBy.Should().Be(tui.Context.Client.Actor.Id);
        item.Channel.Should().Be(Channel.Tui);
        tui.AuditAfter(before).Should().ContainSingle().Which.Should().Match<AuditEntry>(e => e.Action == "reviews.decide" && e.Subject == "G-0001" && e.Details == "S-0013: keep");
        tui.Text().Should().Contain("未回答 7/10人");
    }

    [Fact]
    public void Key2_OnAnExternalMemberWithoutJustification_ShowsTheErrorInTheForm_AndWritesNothing()
    {
        using var tui = new TuiHarness();
        var screen = new ReviewDetailScreen(tui.Context, G0001);
        tui.Shell.Push(screen);
        tui.MoveTo(screen, r => r.Item.Member.Value == "S-0031");

        var before = tui.AuditCount();
        var form = tui.ThenRefusedForm("justification", "   ", confirmed: true);

        tui.Press(new Key('2'));

        form().Error.Should().Be("他施設のメンバー S-0031 を解除するには理由が必要です");
        form().Kept.Should().Be("   ");
        tui.AuditCount().Should().Be(before);
        tui.Store.Read(s => s.Reviews.OpenFor(G0001))!.Items.Single(i => i.Member.Value == "S-0031").Decision.Should().Be(ReviewDecision.Pending);
    }

    [Fact]
    public void Key2_WithJustification_MakesTheMemberRemovalPendingAndAnMcsAction()
    {
        using var tui = new TuiHarness();
        var screen = new ReviewDetailScreen(tui.Context, G0001);
        tui.Shell.Push(screen);
        tui.MoveTo(screen, r => r.Item.Member.Value == "S-0031");

        var question = tui.ThenSaveForm("justification", "担当外のため");

        tui.Press(new Key('2'));

        question().Should().Contain("MCSでのメンバー解除が管理者の作業になります");
        tui.Store.Read(s => s.Memberships.Find((G0001, StaffCode.Parse("S-0031"))))!.State.Should().Be(MembershipState.RemovalPending);
        tui.Store.Read(s => s.Actions.Find("remove_member:G-0001:S-0031")).Should().NotBeNull();
        tui.Text().Should().Contain("担当外のため");
    }

    [Fact]
    public void ShiftX_WithoutReason_IsRefusedInTheForm_ThenWithAReasonCancelsTheReview()
    {
        using var tui = new TuiHarness();
        tui.Shell.Push(new ReviewDetailScreen(tui.Context, G0001));
        var before = tui.AuditCount();
        var refused = tui.ThenRefusedForm("reason", "  ", confirmed: false);

        tui.Press(Key.X.WithShift);

        refused().Should().Be(("理由 を入力してください", "  "));
        tui.AuditCount().Should().Be(before);
        var question = tui.ThenSaveForm("reason", "グループの目的が終わったため");

        tui.Press(Key.X.WithShift);

        question().Should().Be("G-0001 の精査を取り消します (未回答 8 人)。よろしいですか？");
        tui.Store.Read(s => s.Reviews.OpenFor(G0001)).Should().BeNull();
        tui.AuditAfter(before).Should().ContainSingle().Which.Should().Match<AuditEntry>(e => e.Action == "reviews.cancel" && e.Details.Contains("グループの目的が終わったため"));
        tui.Text().Should().Contain("メンバー精査: 取消");
    }

    [Fact]
    public void ShiftC_CompletesTheReview_PendingMembersStay()
    {
        using var tui = new TuiHarness();
        tui.Shell.Push(new ReviewDetailScreen(tui.Context, G0001));
        var before = tui.AuditCount();
        tui.ThenSaveForm("reason", "残りは電話で確認済み");

        tui.Press(Key.C.WithShift);

        var review = ((ReviewDetailScreen)tui.Shell.Current).Detail.Review;
        review.Status.Should().Be(ReviewStatus.Completed);
        review.Pending.Should().Be(8);
        tui.AuditAfter(before).Should().ContainSingle().Which.Action.Should().Be("reviews.complete");
        tui.Text().Should().Contain("メンバー精査: 完了");

        tui.ThenInDialogs(Steps.Close);
        tui.Press(new Key('1'));
        tui.Shell.LastNotice.Should().Be("G-0001 のこの精査は完了のため変更できません");
        tui.AuditAfter(before).Should().HaveCount(1);
    }

    [Fact]
    public void ShiftO_OnAGroup_OpensAnAdHocReviewAndShowsIt()
    {
        using var tui = new TuiHarness();
        var group = GroupCode.Parse("G-0002");
        tui.Shell.Push(new GroupDetailScreen(tui.Context, group));
        var before = tui.AuditCount();
        var question = tui.ThenSaveForm("group", "G-0002");

        tui.Press(Key.O.WithShift);

        question().Should().StartWith("G-0002 のメンバー精査を今日から開始します");
        var detail = tui.Shell.Current.Should().BeOfType<ReviewDetailScreen>().Subject;
        detail.Detail.Review.Should().Match<Review>(r => r.Group == group && r.AdHoc && r.IsOpen);
        tui.AuditAfter(before).Should().ContainSingle().Which.Action.Should().Be("reviews.open");
        tui.Text().Should().Contain("精査 G-0002").And.Contain("(臨時)");
    }

    [Fact]
    public void ShiftO_OnTheListForAGroupWithAnOpenReview_ShowsTheRefusalInTheForm()
    {
        using var tui = new TuiHarness();
        tui.Palette("reviews");
        var before = tui.AuditCount();
        var form = tui.ThenRefusedForm("group", "G-0001", confirmed: true);

        tui.Press(Key.O.WithShift);

        form().Error.Should().Be("G-0001 には実施中のメンバー精査があります (期限 2026/12/10)");
        form().Kept.Should().Be("G-0001");
        tui.AuditCount().Should().Be(before);
        tui.Shell.Current.Should().BeOfType<ReviewsScreen>();
    }

    [Fact]
    public void Key1_ForTheAuditor_IsRefused()
    {
        using var tui = new TuiHarness(auditor: true);
        tui.Shell.Push(new ReviewDetailScreen(tui.Context, G0001));
        var before = tui.AuditCount();
        tui.ThenInDialogs(Steps.Close);

        tui.Press(new Key('1'));

        tui.Shell.LastNotice.Should().Be("閲覧専用 (監査責任者) のため変更できません");
        tui.AuditCount().Should().Be(before);
    }

    [Fact]
    public void ReviewPalette_ForAGroupThatWasNeverReviewed_SaysSoAndStays()
    {
        using var tui = new TuiHarness();
        var never = tui.Store.Read(s => s.Groups.All().Select(g => g.Code).First(g => s.Reviews.ByGroup(g).Count == 0));

        tui.Palette("review " + never.Value, Steps.Close);

        tui.Shell.LastNotice.Should().Be($"{never.Value} に実施中のメンバー精査はありません");
        tui.Shell.Current.Should().BeOfType<DashboardScreen>();
    }
}
