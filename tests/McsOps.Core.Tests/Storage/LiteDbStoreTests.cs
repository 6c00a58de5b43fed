using System.Text;
using LiteDB;
using McsOps.Core.Storage;
using McsOps.Core.Storage.LiteDb;

namespace McsOps.Core.Tests.Storage;

public sealed class LiteDbStoreTests : IDisposable
{
    private readonly TestStore _t = new();

    public void Dispose() => _t.Dispose();

    [Fact]
    public void Instant_WithOffsetAndSubMillisecondTicks_RoundTripsAsUtcToTheMillisecond()
    {
        _t.Seed();
        var at = new DateTimeOffset(2026, 11, 26, 18, 30, 15, 123, TimeSpan.FromHours(9)).AddTicks(4567);
        var key = (GroupCode.Parse("G-0042"), StaffCode.Parse("S-0001"));
        _t.Store.Write(s =>
        {
            var m = s.Memberships.Find(key)!;
            s.Memberships.Upsert(m with { History = [new MembershipEvent(MembershipState.Active, at, "S-0001", null)] });
            return 0;
        });
        _t.Close();

        var back = _t.Store.Read(s => s.Memberships.Find(key)!.History.Single().At);

        back.Offset.Should().Be(TimeSpan.Zero);
        back.Should().Be(new DateTimeOffset(2026, 11, 26, 9, 30, 15, 123, TimeSpan.Zero));
        back.UtcTicks.Should().Be(at.UtcTicks - 4567);
    }

    [Fact]
    public void Dates_RoundTripExactly()
    {
        _t.Seed();
        _t.Close();
        var staff = _t.Store.Read(s => s.Staff.Find(StaffCode.Parse("S-0002"))!);
        staff.PasswordChangedOn.Should().Be(new DateOnly(2026, 9, 30));
    }

    [Fact]
    public void File_IsEncrypted_NoNameEmailOrKanaInAnyFileOfTheDirectory()
    {
        _t.Seed();
        _t.Store.Checkpoint();
        _t.Close();
        _t.Store.Read(s => s.Patients.Count()).Should().Be(2); // reopened: log replayed, still readable
        _t.Close();

        var needles = new[] { "青木太郎", "アオキタロウ", "yamada@example.jp", "山田一郎", "青木様" }.Select(Encoding.UTF8.GetBytes).ToList();
        foreach (var file in Directory.GetFiles(_t.Directory))
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var needle in needles)
            {
                bytes.AsSpan().IndexOf(needle).Should().Be(-1, $"{Path.GetFileName(file)} must not hold personal data in clear");
            }
        }
    }

    [Fact]
    public void Open_WithAnotherKey_IsRefusedWithExit4()
    {
        _t.Seed();
        _t.Close();
        File.WriteAllBytes(_t.KeyFile, new byte[32]);

        var act = () => _t.Open();

        act.Should().Throw<OpsException>().Where(e => e.Code == ExitCode.Locked && e.Key == "db.wrongkey");
    }

    [Fact]
    public void KeyFile_IsCreatedOwnerOnlyWith32Bytes()
    {
        _ = _t.Store;
        File.ReadAllBytes(_t.KeyFile).Should().HaveCount(32);
        File.GetUnixFileMode(_t.KeyFile).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public void KeyFile_ReadableByOthers_IsRefusedWithExit2()
    {
        _ = _t.Store;
        _t.Close();
        File.SetUnixFileMode(_t.KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var act = () => _t.Open();

        act.Should().Throw<OpsException>().Where(e => e.Code == ExitCode.BadArguments && e.Key == "config.keyfile.perms");
    }

    [Fact]
    public void KeyFile_MissingForAnExistingDatabase_IsRefusedAndNoNewKeyIsMade()
    {
        _ = _t.Store;
        _t.Close();
        File.Delete(_t.KeyFile);

        var act = () => _t.Open();

        act.Should().Throw<OpsException>().Where(e => e.Code == ExitCode.Locked && e.Key == "db.keymissing");
        File.Exists(_t.KeyFile).Should().BeFalse();
    }

    [Fact]
    public void KeyFile_OfTheWrongSize_IsRefusedWithExit2()
    {
        _ = _t.Store;
        _t.Close();
        File.WriteAllBytes(_t.KeyFile, new byte[16]);

        var act = () => _t.Open();

        act.Should().Throw<OpsException>().Where(e => e.Code == ExitCode.BadArguments && e.Key == "config.keyfile.size");
    }

    [Fact]
    public void Schema_IsRecordedOnCreation()
    {
        _t.Store.SchemaVersion.Should().Be(LiteDbStore.CurrentSchema);
    }

    [Fact]
    public void Schema_NewerThanTheProgram_IsRefusedWithExit4()
    {
        var meta = _t.Store.Database.GetCollection("_meta");
        var doc = meta.FindById("meta");
        doc["schema"] = LiteDbStore.CurrentSchema + 1;
        meta.Update(doc);
        _t.Close();

        var act = () => _t.Open();

        act.Should().Throw<OpsException>().Where(e => e.Code == ExitCode.Locked && e.Key == "db.newerschema");
    }

    [Fact]
    public void ChangeCounter_MovesOncePerCommittedTransactionThatWrote()
    {
        _t.Seed();
        var before = _t.Store.ChangeCounter;

        _t.Store.Write(s =>
        {
            s.Audit.Append(TestStore.Admin, "a", "x", "");
            s.Audit.Append(TestStore.Admin, "b", "x", "");
            return 0;
        });
        _t.Store.Write(s => s.Staff.Count());

        _t.Store.ChangeCounter.Should().Be(before + 1);
    }

    [Fact]
    public void Write_ThatThrows_RollsBackEverythingAndLeavesTheCounter()
    {
        _t.Seed();
        var before = _t.Store.ChangeCounter;
        var audits = _t.Store.Read(s => s.Audit.Count());

        var act = () => _t.Store.Write<int>(s =>
        {
            s.Facilities.Upsert(new Facility { Code = FacilityCode.Parse("F-0099"), Name = "x", Kind = FacilityKind.Other });
            s.Audit.Append(TestStore.Admin, "facilities.create", "F-0099", "");
            throw new InvalidOperationException("boom");
        });

        act.Should().Throw<InvalidOperationException>();
        _t.Store.ChangeCounter.Should().Be(before);
        _t.Store.Read(s => s.Facilities.Find(FacilityCode.Parse("F-0099"))).Should().BeNull();
        _t.Store.Read(s => s.Audit.Count()).Should().Be(audits);
    }

    [Fact]
    public void CollectionCounters_MoveOnlyWithCommittedWritesOfThatCollection()
    {
        _t.Seed();
        var reviews = _t.Store.ChangeCounterOf("reviews");
        var facilities = _t.Store.ChangeCounterOf("facilities");
        var opened = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

        _t.Store.Write(s =>
        {
            s.Facilities.Upsert(new Facility { Code = FacilityCode.Parse("F-0098"), Name = "x", Kind = FacilityKind.Other });
            return 0;
        });
        var afterFacility = (_t.Store.ChangeCounterOf("reviews"), _t.Store.ChangeCounterOf("facilities"));
        var rolledBack = () => _t.Store.Write<int>(s =>
        {
            ReviewOpener.Open(s, s.Groups.Find(GroupCode.Parse("G-0042"))!, opened, adHoc: true, TestStore.Policy, TestStore.Admin);
            throw new InvalidOperationException("boom");
        });
        rolledBack.Should().Throw<InvalidOperationException>();
        var afterRollback = _t.Store.ChangeCounterOf("reviews");
        _t.Store.Write(s => ReviewOpener.Open(s, s.Groups.Find(GroupCode.Parse("G-0042"))!, opened, adHoc: true, TestStore.Policy, TestStore.Admin));

        afterFacility.Should().Be((reviews, facilities + 1));
        afterRollback.Should().Be(reviews);
        _t.Store.ChangeCounterOf("reviews").Should().Be(reviews + 1);
    }

    [Fact]
    public void Lock_SecondOpenOfTheSameFile_IsRefusedNamingThisPid()
    {
        _ = _t.Store;

        var act = () => _t.Open();

        act.Should().Throw<OpsException>()
            .Where(e => e.Code == ExitCode.Locked && e.Key == "db.locked" && (int)e.Args[0]! == Environment.ProcessId);
    }

    [Fact]
    public void Lock_IsReleasedOnDispose()
    {
        _ = _t.Store;
        _t.Close();

        using var again = _t.Open();

        again.SchemaVersion.Should().Be(LiteDbStore.CurrentSchema);
    }

    [Fact]
    public void Schema1File_ItsOpenReviewsAreKeyedByReviewerAndEscalation_AndFoundForThem()
    {
        _t.Seed();
        var opened = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
        var review = _t.Store.Write(s => ReviewOpener.Open(s, s.Groups.Find(GroupCode.Parse("G-0042"))!, opened, adHoc: true, TestStore.Policy, TestStore.Admin));
        var reviewer = review.Reviewer!.Value;
        // As schema 1 wrote it: every open review under one key ordinal, whoever reviews it, escalated or not.
        var reviews = _t.Store.Database.GetCollection("reviews");
        var doc = reviews.FindById(review.Id);
        doc["ix_open"] = (1L << 20) | 7;
        doc["status"] = "escalated";
        reviews.Update(doc);
        var meta = _t.Store.Database.GetCollection("_meta");
        var m = meta.FindById("meta");
        m["schema"] = 1;
        meta.Update(m);
        _t.Close();

        using var again = _t.Open();

        again.SchemaVersion.Should().Be(3);
        var head = new ReviewHead(review.Id, review.Group, review.DueOn, review.Reviewer, ReviewStatus.Escalated);
        again.Read(s => s.Reviews.OpenHeads(reviewer)).Should().Equal(head);
        again.Read(s => s.Reviews.OpenHeads(StaffCode.Parse("S-0002"))).Should().BeEmpty("it is not theirs");
        again.Read(s => s.Reviews.EscalatedHeads()).Should().Equal(head);
        again.Read(s => s.Reviews.Open()).Should().ContainSingle();
        again.Read(s => s.Reviews.OpenGroups()).Should().Equal(review.Group);
    }

    [Fact]
    public void Open_DropsTheGroupIndexOfReviewsThatOlderFilesCarry()
    {
        _t.Seed();
        var opened = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
        _t.Store.Write(s => ReviewOpener.Open(s, s.Groups.Find(GroupCode.Parse("G-0042"))!, opened, adHoc: true, TestStore.Policy, TestStore.Admin));
        _t.Store.Database.GetCollection("reviews").EnsureIndex("group");
        _t.Close();

        var indexes = _t.Store.Database.GetCollection("$indexes").FindAll().Select(d => d["collection"].AsString + " " + d["expression"].AsString).ToList();

        indexes.Should().Contain("reviews $.ix_open").And.NotContain("reviews $.group");
        _t.Store.Read(s => s.Reviews.ByGroup(GroupCode.Parse("G-0042")).Single().OpenedAt).Should().Be(opened);
        _t.Store.Read(s => s.Reviews.ByGroup(GroupCode.Parse("G-004")).Count).Should().Be(0, "G-004 is another group, not a prefix match");
    }

    [Fact]
    public void Repositories_QueryByIndexedFields()
    {
        _t.Seed();
        _t.Store.Read(s => s.Memberships.ByGroup(GroupCode.Parse("G-0042")).Count).Should().Be(3);
        _t.Store.Read(s => s.Memberships.ByStaff(StaffCode.Parse("S-0002")).Count).Should().Be(2);
        _t.Store.Read(s => s.Groups.ByPatient(PatientCode.Parse("P-0043")).Single().Code.Value).Should().Be("G-0043");
        var indexes = _t.Store.Database.GetCollection("$indexes").FindAll().Select(d => d["collection"].AsString + " " + d["expression"].AsString).ToList();
        indexes.Should().Contain(["memberships $.staff", "groups $.patient", "staff $.ix_os", "invitations $.ix_invited", "group_facts $.ix_review_next"]);
    }

    [Fact]
    public void ActiveMembersOf_ReadsTheActiveMembersOfExactlyThoseGroups_WithTheDayEachWasAdded()
    {
        _t.Seed();
        var g42 = GroupCode.Parse("G-0042");
        _t.Store.Write(s =>
        {
            var members = s.Memberships.ByGroup(g42);
            s.Memberships.Upsert(members.Single(m => m.Staff.Value == "S-0001") with { ApprovedOn = new DateOnly(2026, 10, 5) });
            return 0;
        });
        var clock = TestStore.Policy.Clock;
        var expected = _t.Store.Read(s => s.Memberships.ByGroup(g42)
            .Where(m => m.State == MembershipState.Active)
            .Select(m => (m.Staff, ReviewPolicy.AddedOn(m, clock))).ToList());

        var read = _t.Store.Read(s => s.Memberships.ActiveMembersOf(new HashSet<GroupCode> { g42, GroupCode.Parse("G-004") }));

        expected.Select(x => x.Item2).Should().Equal([new DateOnly(2026, 10, 5), _t.Store.Read(s => clock.DateOf(s.Memberships.ByGroup(g42)[1].History[0].At))],
            "S-0003 is only invited; S-0002 has no dates, so its first event's day stands in");
        read[g42].Select(m => (m.Staff, ReviewPolicy.AddedOn(m, clock))).Should().Equal(expected);
        read.Select(x => x.Key).Should().Equal([g42], "G-0043 is not asked for, and G-004 is not a prefix of G-0042");
    }

    [Fact]
    public void Staff_FoundByTheirLinkedChatIdOnly()
    {
        _t.Seed();
        _t.Store.Write(s =>
        {
            s.Staff.Upsert(s.Staff.Find(StaffCode.Parse("S-0002"))! with { SlackUserId = "U0NURSE2", TeamsUserId = "3f6c0e0a-aad0-4a57-9c1f-1d2b0b6f0002" });
            return 0;
        });

        _t.Store.Read(s => s.Staff.FindByChatUser(Channel.Slack, "U0NURSE2")?.Code.Value).Should().Be("S-0002");
        _t.Store.Read(s => s.Staff.FindByChatUser(Channel.Teams, "3f6c0e0a-aad0-4a57-9c1f-1d2b0b6f0002")?.Code.Value).Should().Be("S-0002");
        _t.Store.Read(s => s.Staff.FindByChatUser(Channel.Teams, "U0NURSE2")).Should().BeNull("a Slack id is not a Teams id");
        _t.Store.Read(s => s.Staff.FindByChatUser(Channel.Slack, "#S-0001")).Should().BeNull("the placeholder of an unlinked record is no id");
        _t.Store.Read(s => s.Staff.FindByChatUser(Channel.Cli, "U0NURSE2")).Should().BeNull();
    }

    [Fact]
    public void Outbox_RowButtonsAndInput_RoundTrip()
    {
        var content = new MessageContent
        {
            Text = "t",
            Fields = [new MessageField("S-0002", "看護師") { Buttons = [new MessageButton("継続", "review_keep", "G-0042/S-0002")] }, new MessageField("a", "b")],
            Buttons = [new MessageButton("精査する", "review_group", "G-0042")],
            Input = new MessageInput("justification", "理由"),
        };
        var now = _t.Time.GetUtcNow();
        _t.Store.Write(s => s.Outbox.Enqueue(new OutboxMessage { Key = "k", Recipient = StaffCode.Parse("S-0002"), Kind = "test", Content = content, CreatedAt = now, NotBefore = now }));
        _t.Close();

        var back = _t.Store.Read(s => s.Outbox.Find("k")!.Content);

        back.Fields[0].Buttons.Should().Equal(content.Fields[0].Buttons);
        back.Fields[1].Buttons.Should().BeEmpty();
        back.Buttons.Should().Equal(content.Buttons);
        back.Input.Should().Be(content.Input);
    }
}
