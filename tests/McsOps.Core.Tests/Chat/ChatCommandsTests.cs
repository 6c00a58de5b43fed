using McsOps.Core.Tests.Policies;
using static McsOps.Core.Tests.Chat.ChatWorld;
using static McsOps.Core.Tests.Policies.PolicyWorld;

namespace McsOps.Core.Tests.Chat;

public sealed class ChatCommandsTests : IDisposable
{
    private static readonly MessageRef Sheet = new("D0ADMIN", "1700000000.000100");

    private PolicyWorld? _w;
    private ChatCommands? _chat;

    private PolicyWorld W => _w!;

    private ChatCommands Chat => _chat!;

    public void Dispose() => _w?.Dispose();

    private ChatCommands CreateSut(Lang lang = Lang.Ja, PatientDisplay display = PatientDisplay.Code)
    {
        _w = ChatWorld.Create(lang, display);
        _chat = new ChatCommands(W.Ops);
        return _chat;
    }

    private OutgoingMessage Say(string user, string text) => Chat.Handle(Slack(user, text));

    private OutgoingMessage Click(string user, string actionId, string value, string? input = null) =>
        Chat.Handle(new ActionInvoked(Channel.Slack, user, actionId, value, input, Sheet));

    [Theory]
    [InlineData("help")]
    [InlineData("review group P-0042")]
    [InlineData("status")]
    [InlineData("password changed 2fa")]
    [InlineData("checklist")]
    [InlineData("nonsense")]
    public void UnlinkedUser_GetsTheLinkInstructionsAndNothingElse(string text)
    {
        CreateSut();
        var audit = W.AuditCount;

        var answer = Say(UnlinkedUser, text);

        answer.Content.Text.Should().Be(Text.Get(Lang.Ja, "chat.link.howto"));
        answer.Content.Fields.Should().BeEmpty();
        answer.Content.Buttons.Should().BeEmpty();
        W.AuditCount.Should().Be(audit);
        W.OpenReview("G-0042").Should().BeNull();
    }

    [Fact]
    public void UnlinkedUser_ClickingAButton_GetsTheLinkInstructions()
    {
        CreateSut();

        Click(UnlinkedUser, ChatActions.Keep, "G-0042/S-0001").Content.Text.Should().Be(Text.Get(Lang.Ja, "chat.link.howto"));
    }

    [Fact]
    public void ReviewGroup_ByPatientCode_OwnerOpensAnAdHocReviewAndGetsEveryMemberWithButtons()
    {
        CreateSut();

        var answer = Say(AdminUser, "review group P-0042");

        var review = W.OpenReview("G-0042")!;
        review.AdHoc.Should().BeTrue();
        review.DueOn.Should().Be(new DateOnly(2026, 12, 10));
        W.Read(s => s.Audit.All().Last()).Should().Match<AuditEntry>(e => e.Action == "reviews.open" && e.Actor == "S-0001" && e.Channel == Channel.Slack);
        answer.Replaces.Should().BeNull();
        answer.Content.Text.Should().Contain("G-0042").And.Contain("P-0042").And.Contain("未回答 3/3").And.Contain("2026/12/10");
        answer.Content.Fields.Select(f => f.Label).Should().Equal("S-0001 山田一郎", "S-0002 佐藤花子", "S-0003 鈴木三郎");
        answer.Content.Fields[1].Value.Should().StartWith("看護師・山田クリニック");
        answer.Content.Fields[2].Value.Should().StartWith("看護師・さくら訪問看護ステーション").And.Contain("本人認証なし");
        answer.Content.Fields.Should().OnlyContain(f => f.Buttons.Select(b => b.ActionId).SequenceEqual(new[] { ChatActions.Keep, ChatActions.Remove, ChatActions.Unsure }));
        answer.Content.Fields[2].Buttons.Select(b => b.Label).Should().Equal("継続", "解除", "要確認");
        answer.Content.Fields[2].Buttons.Should().OnlyContain(b => b.Value == "G-0042/S-0003");
        answer.Content.Input!.Id.Should().Be(ChatActions.Justification);
        ChatWorld.Strings(answer).Should().NotContain(s => PersonalData.Any(s.Contains));
    }

    [Theory]
    [InlineData("review group Ｇ－００４２")]
    [InlineData("/mcsops review group p-0042")]
    [InlineData("<at>McsOps</at> review group Ｐ－００４２")]
    public void ReviewGroup_AnyFormOfTheCode_IsTheSameGroup_AndASecondAskOpensNoSecondReview(string text)
    {
        CreateSut();
        Say(AdminUser, "review group G-0042");

        var again = Say(AdminUser, text);

        W.Reviews("G-0042").Should().ContainSingle();
        again.Content.Fields.Should().HaveCount(3);
    }

    [Fact]
    public void ReviewGroup_NeitherReviewerNorAdmin_IsRefusedAndSeesNoMember()
    {
        CreateSut();
        var audit = W.AuditCount;

        var answer = Say(NurseUser, "review group P-0042");

        answer.Content.Text.Should().Be(Text.Get(Lang.Ja, "chat.sheet.notyours", "G-0042"));
        answer.Content.Fields.Should().BeEmpty();
        W.OpenReview("G-0042").Should().BeNull();
        W.AuditCount.Should().Be(audit);
    }

    [Fact]
    public void ReviewGroup_AfterTheGroupIsHandedOver_TheNewReviewerSeesItAndTheOldOneNoLonger()
    {
        CreateSut();
        Say(NurseUser, "review group G-0043");
        W.Run(new ReassignOwner(G("G-0043"), S("S-0003")));

        Say(NurseUser, "review group G-0043").Content.Fields.Should().BeEmpty();
        Say(ExternalUser, "review group G-0043").Content.Fields.Should().ContainSingle().Which.Label.Should().Be("S-0002 佐藤花子");
        W.Reviews("G-0043").Should().ContainSingle();
    }

    [Fact]
    public void ReviewGroup_ArchivePendingGroup_ShowsWhyAndOpensNothing()
    {
        CreateSut();
        W.Run(new RecordDischarge(P("P-0043"), new DateOnly(2026, 11, 25), DischargeReason.Hospitalized));

        var answer = Say(NurseUser, "review group P-0043");

        answer.Content.Text.Should().Contain("保管待ち");
        answer.Content.Fields.Should().OnlyContain(f => f.Buttons.Count == 0);
        answer.Content.Input.Should().BeNull();
        W.Reviews("G-0043").Should().BeEmpty();
    }

    [Fact]
    public void ReviewGroup_EmptyGroup_OpensNothing()
    {
        CreateSut();

        var answer = Say(AdminUser, "review group G-0100");

        answer.Content.Text.Should().Contain(Text.Get(Lang.Ja, "chat.sheet.empty"));
        answer.Content.Fields.Should().BeEmpty();
        W.Reviews("G-0100").Should().BeEmpty();
    }

    [Fact]
    public void ReviewGroup_UnknownCode_SaysSo()
    {
        CreateSut();

        Say(AdminUser, "review group P-9999").Content.Text.Should().Be(Text.Get(Lang.Ja, "chat.sheet.unknown", "P-9999"));
    }

    [Fact]
    public void Decisions_ForEveryMember_CompleteTheReview_ReplacingTheSheetEachTime()
    {
        CreateSut();
        Say(AdminUser, "review group G-0042");

        var first = Click(AdminUser, ChatActions.Keep, "G-0042/S-0001");
        var second = Click(AdminUser, ChatActions.Remove, "G-0042/S-0002");
        var last = Click(AdminUser, ChatActions.Remove, "G-0042/S-0003", "他院へ移行したため");

        first.Replaces.Should().Be(Sheet);
        first.Content.Text.Should().Contain("未回答 2/3");
        first.Content.Fields[0].Value.Should().EndWith("→ 継続");
        second.Content.Fields[1].Value.Should().EndWith("→ 解除");
        last.Replaces.Should().Be(Sheet);
        last.Content.Text.Should().Contain(Text.Get(Lang.Ja, "chat.sheet.completed", 1, 2, 0));
        last.Content.Fields.Should().HaveCount(3).And.OnlyContain(f => f.Buttons.Count == 0);
        last.Content.Input.Should().BeNull();
        var review = W.Reviews("G-0042").Single();
        review.Status.Should().Be(ReviewStatus.Completed);
        review.Items.Should().OnlyContain(i => i.Channel == Channel.Slack && i.DecidedBy == "S-0001");
        review.Items.Single(i => i.Member == S("S-0003")).Justification.Should().Be("他院へ移行したため");
        W.Membership("G-0042", "S-0001").State.Should().Be(MembershipState.Active);
        W.Membership("G-0042", "S-0002").State.Should().Be(MembershipState.RemovalPending);
        W.Membership("G-0042", "S-0003").State.Should().Be(MembershipState.RemovalPending);
        W.Action("remove_member:G-0042:S-0002")!.Kind.Should().Be(McsActionKind.RemoveMember);
        W.Action("remove_member:G-0042:S-0003").Should().NotBeNull();
        W.Read(s => s.Audit.All().Where(e => e.Action == "reviews.decide").Select(e => (e.Actor, e.Channel))).Should().AllBeEquivalentTo(("S-0001", Channel.Slack));
    }

    [Fact]
    public void Decision_RemovingAnExternalMemberWithoutJustification_IsRefusedInANewMessage()
    {
        CreateSut();
        Say(AdminUser, "review group G-0042");
        var audit = W.AuditCount;

        var answer = Click(AdminUser, ChatActions.Remove, "G-0042/S-0003");

        answer.Replaces.Should().BeNull("the sheet stays as it was");
        answer.Content.Text.Should().Be(Text.Get(Lang.Ja, "op.review.justify", "S-0003"));
        W.AuditCount.Should().Be(audit);
        W.Membership("G-0042", "S-0003").State.Should().Be(MembershipState.Active);
    }

    [Fact]
    public void Decision_ByAMemberWhoIsNotTheReviewer_IsRefused()
    {
        CreateSut();
        Say(AdminUser, "review group G-0042");
        var audit = W.AuditCount;

        var answer = Click(NurseUser, ChatActions.Keep, "G-0042/S-0002");

        answer.Content.Text.Should().Be(Text.Get(Lang.Ja, "op.review.notreviewer", "G-0042"));
        W.AuditCount.Should().Be(audit);
    }

    [Theory]
    [InlineData("review_delete", "G-0042/S-0001")]
    [InlineData(ChatActions.Keep, "G-0042")]
    [InlineData(ChatActions.Keep, "G-0042/S-0001/x")]
    [InlineData(ChatActions.Keep, "青木/S-0001")]
    [InlineData(ChatActions.ReviewGroup, "")]
    [InlineData(ChatActions.ChecklistDone, " ")]
    public void Click_UnknownActionOrValue_ChangesNothing(string actionId, string value)
    {
        CreateSut();
        Say(AdminUser, "review group G-0042");
        var audit = W.AuditCount;

        Click(AdminUser, actionId, value).Content.Text.Should().Be(Text.Get(Lang.Ja, "chat.action.unknown"));
        W.AuditCount.Should().Be(audit);
    }

    [Fact]
    public void ReviewButtonOfAReminder_ShowsTheSheetAsANewMessage()
    {
        CreateSut();

        var answer = Click(AdminUser, ChatActions.ReviewGroup, "G-0042");

        answer.Replaces.Should().BeNull();
        answer.Content.Fields.Should().HaveCount(3);
    }

    [Fact]
    public void Review_ListsMyOpenReviewsWithAButtonEach()
    {
        CreateSut();
        Say(NurseUser, "review").Content.Text.Should().Be(Text.Get(Lang.Ja, "chat.reviews.none"));
        Say(AdminUser, "review group G-0042");
        Say(NurseUser, "review group G-0043");

        var mine = Say(NurseUser, "review");

        mine.Content.Fields.Should().ContainSingle().Which.Should().Match<MessageField>(f =>
            f.Label == "G-0043" && f.Buttons.Single().ActionId == ChatActions.ReviewGroup && f.Buttons.Single().Value == "G-0043");
    }

    [Theory]
    [InlineData(PatientDisplay.Code, "(患者 P-0042)")]
    [InlineData(PatientDisplay.Initials, "(患者 P-0042 A.)")]
    public void ReviewGroup_NamesThePatientByCode_OrWithTheirKanaInitialsWhenTheFacilityChoseThem(PatientDisplay display, string patient)
    {
        CreateSut(display: display);

        var answer = Say(AdminUser, "review group P-0042");

        answer.Content.Text.Should().Contain(patient);
        Strings(answer).Should().NotContain(s => PersonalData.Any(p => s.Contains(p, StringComparison.Ordinal)));
    }

    [Fact]
    public void ListReviewsFor_CountsEveryOpenReviewOfTheReviewer_ButReadsOnlyTheFirstWhole()
    {
        CreateSut();
        Say(AdminUser, "review group G-0042");
        Say(NurseUser, "review group G-0043");
        var open = W.Read(s => s.Reviews.Open());
        var reviewer = open.Single(r => r.Group.Value == "G-0043").Reviewer!.Value;

        var none = W.Run(new ListReviewsFor(reviewer, Max: 0));
        var all = W.Run(new ListReviewsFor(reviewer));

        none.Total.Should().Be(open.Count(r => r.Reviewer == reviewer));
        none.First.Should().BeEmpty();
        all.First.Should().HaveCount(all.Total).And.Contain(r => r.Group.Value == "G-0043" && r.Items.Count > 0);
        all.First.Select(r => r.DueOn).Should().BeInAscendingOrder();
    }

    [Fact]
    public void ListReviewsFor_AnAdminAlsoGetsEveryEscalatedReview_AsSoonAsItIsEscalated_AReviewerOnlyTheirOwn()
    {
        CreateSut();
        Say(AdminUser, "review group G-0042");
        Say(NurseUser, "review group G-0043");
        var nurses = W.OpenReview("G-0043")!;
        W.Run(new ListReviewsFor(S("S-0001"))).First.Select(r => r.Group.Value).Should().Equal("G-0042");
        W.Store.Write(s =>
        {
            s.Reviews.Upsert(nurses with { Status = ReviewStatus.Escalated, EscalatedAt = W.Time.GetUtcNow() });
            return 0;
        });

        var admin = W.Run(new ListReviewsFor(S("S-0001")));
        var nurse = W.Run(new ListReviewsFor(S("S-0002")));
        var external = W.Run(new ListReviewsFor(S("S-0003")));

        admin.First.Select(r => r.Group.Value).Should().BeEquivalentTo(["G-0042", "G-0043"], "what was read before the escalation is not kept past it");
        admin.Total.Should().Be(2);
        nurse.First.Should().ContainSingle().Which.Status.Should().Be(ReviewStatus.Escalated, "an escalated review is still its reviewer's");
        external.Total.Should().Be(0);
    }

    [Fact]
    public void Link_RightCode_LinksThisChatUser_AndMovesTheIdFromAnyoneElse()
    {
        CreateSut();
        var code = W.Run(new IssueLinkCode(S("S-0003")));

        var answer = Say(AdminUser, "link " + code.ToLowerInvariant());

        answer.Content.Text.Should().Be(Text.Get(Lang.Ja, "chat.link.done", "S-0003", "鈴木三郎"));
        W.Staff("S-0003").SlackUserId.Should().Be(AdminUser);
        W.Staff("S-0001").SlackUserId.Should().BeNull("one chat identity, one staff record");
        W.Read(s => s.Audit.All().Last()).Should().Match<AuditEntry>(e => e.Action == "staff.link" && e.Actor == "slack:" + AdminUser);
    }

    [Fact]
    public void Link_FiveWrongCodes_ThenRefusedEvenWithTheRightOne_UntilAnHourHasPassed()
    {
        CreateSut();
        var code = W.Run(new IssueLinkCode(S("S-0003")));
        for (var i = 1; i <= 5; i++)
        {
            Say(UnlinkedUser, "link WRONG00" + i).Content.Text.Should().StartWith(Text.Get(Lang.Ja, "op.link.badcode"));
            W.Time.Advance(TimeSpan.FromMinutes(10));
        }

        Say(UnlinkedUser, "link " + code).Content.Text.Should().Be(Text.Get(Lang.Ja, "chat.link.refused"));
        Say(AdminUser, "link WRONG006").Content.Text.Should().Contain(Text.Get(Lang.Ja, "chat.link.left", 4), "the limit is per chat user");
        W.Staff("S-0003").SlackUserId.Should().Be(ExternalUser, "nothing was linked");

        W.Time.Advance(TimeSpan.FromMinutes(11));
        Say(UnlinkedUser, "link " + code).Content.Text.Should().Be(Text.Get(Lang.Ja, "chat.link.done", "S-0003", "鈴木三郎"));
        W.Staff("S-0003").SlackUserId.Should().Be(UnlinkedUser);
    }

    [Fact]
    public void Link_ANewCodeVoidsThePreviousOne_AndNeitherIsInTheAudit()
    {
        CreateSut();
        var first = W.Run(new IssueLinkCode(S("S-0003")));
        var second = W.Run(new IssueLinkCode(S("S-0003")));
        var other = W.Run(new IssueLinkCode(S("S-0002")));

        Say(UnlinkedUser, "link " + first).Content.Text.Should().StartWith(Text.Get(Lang.Ja, "op.link.badcode"));
        Say(UnlinkedUser, "link " + second).Content.Text.Should().Be(Text.Get(Lang.Ja, "chat.link.done", "S-0003", "鈴木三郎"));
        second.Should().NotBe(first);
        W.Read(s => s.LinkCodes.Take(LinkCode.HashOf(other))).Should().NotBeNull("another member's code stays valid");
        var issued = W.Read(s => s.Audit.All().Where(e => e.Action == "staff.linkcode").ToList());
        issued.Select(e => e.Details).Should().Equal("issued; valid 24 hours", "issued; valid 24 hours; the previous code is void", "issued; valid 24 hours");
        issued.Should().OnlyContain(e => !e.Details.Contains(first) && !e.Details.Contains(second) && !e.Details.Contains(other));
    }

    [Fact]
    public void Link_ExpiredCode_IsAWrongTry()
    {
        CreateSut();
        var code = W.Run(new IssueLinkCode(S("S-0003")));
        W.Time.Advance(TimeSpan.FromHours(25));

        Say(UnlinkedUser, "link " + code).Content.Text.Should().Contain(Text.Get(Lang.Ja, "chat.link.left", 4));
    }

    [Fact]
    public void PasswordChanged_RecordsTodayWithTheGivenOrTheKnownClass()
    {
        CreateSut();

        Say(NurseUser, "password changed").Content.Text.Should().Be(Text.Get(Lang.Ja, "chat.password.done", "8文字以上(2か月以内に変更)", "2026/11/26"));
        W.Staff("S-0002").PasswordChangedOn.Should().Be(new DateOnly(2026, 11, 26));
        Say(ExternalUser, "password changed").Content.Text.Should().Be(Text.Get(Lang.Ja, "chat.password.which"), "S-0003's class is unknown");
        Say(ExternalUser, "password changed unknown").Content.Text.Should().Be(Text.Get(Lang.Ja, "chat.password.which"));
        Say(ExternalUser, "password changed 2fa");
        W.Staff("S-0003").PasswordClass.Should().Be(PasswordClass.TwoFactor);
        W.Read(s => s.Audit.All().Last()).Should().Match<AuditEntry>(e => e.Action == "staff.password" && e.Actor == "S-0003" && e.Channel == Channel.Slack);
    }

    [Fact]
    public void Status_IsForAdminsOnly()
    {
        CreateSut();

        Say(NurseUser, "status").Content.Text.Should().Be(Text.Get(Lang.Ja, "chat.adminonly"));
        var digest = Say(AdminUser, "status");
        digest.Content.Text.Should().StartWith("対応が必要な項目\n合計");
        digest.Content.Fields.Should().Contain(f => f.Label == "パスワード定期変更");
    }

    [Fact]
    public void Checklist_ShowsMyOwnOpenItems_AndDoneTicksOneReplacingTheMessage()
    {
        CreateSut();
        Say(NurseUser, "checklist").Content.Text.Should().Be(Text.Get(Lang.Ja, "chat.checklist.none"));
        W.Run(new MarkLeaving(S("S-0002"), new DateOnly(2026, 12, 31)));

        var list = Say(NurseUser, "checklist");
        var done = Click(NurseUser, ChatActions.ChecklistDone, "leave_group:G-0042", "MCS で退出済み");

        list.Content.Fields.Select(f => f.Label).Should().Contain(["グループからの退出 G-0042", "MCS アカウントの削除"]).And.NotContain("スタッフ解除", "that one is the admins'");
        done.Replaces.Should().Be(Sheet);
        done.Content.Fields.Should().HaveCount(list.Content.Fields.Count - 1);
        W.Read(s => s.Checklists.Find(S("S-0002"))!.Items.Single(i => i.Id == "leave_group:G-0042")).Should().Match<ChecklistItem>(i => i.DoneBy == "S-0002" && i.Evidence == "MCS で退出済み");
    }

    [Fact]
    public void DepartedStaff_MayNotUseChat()
    {
        CreateSut();
        W.Run(new SaveStaff(W.Staff("S-0003") with { Status = StaffStatus.Departed }));

        Say(ExternalUser, "help").Content.Text.Should().Be(Text.Get(Lang.Ja, "chat.inactive"));
    }

    [Fact]
    public void English_WhenTheFacilitySaysSo()
    {
        CreateSut(Lang.En);

        Say(AdminUser, "help").Content.Text.Should().StartWith("McsOps commands:");
        Say(AdminUser, "review group G-0042").Content.Fields[1].Buttons.Select(b => b.Label).Should().Equal("Keep", "Remove", "Unsure");
    }
}
