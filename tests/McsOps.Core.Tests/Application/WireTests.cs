using System.Text;
using System.Text.Json;
using McsOps.Core.Application;
using McsOps.Core.Audit;
using McsOps.Core.Csv;
using McsOps.Core.Storage;

namespace McsOps.Core.Tests.Application;

/// <summary>
/// The admin API's JSON: every operation record and every result shape survives the trip, enums
/// and codes are their words, message arguments come back able to print the same message, and
/// input is strict.
/// </summary>
public sealed class WireTests(DemoWorld world) : IClassFixture<DemoWorld>
{
    [Fact]
    public void Registry_NamesEveryOperationOfCore_AndEachHasAHandler()
    {
        var handlers = typeof(Ops).Assembly.GetTypes()
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IHandler<,>) || i.GetGenericTypeDefinition() == typeof(IStoreHandler<,>)))
            .Select(i => (i.GetGenericArguments()[0], i.GetGenericArguments()[1]))
            .ToHashSet();

        OperationType.ByName.Should().HaveCountGreaterThan(30);
        OperationType.ByName.Values.Where(o => !handlers.Contains((o.Type, o.Result))).Should().BeEmpty("every operation on the wire must run");
        OperationType.ByName["GetDueList"].IsQuery.Should().BeTrue();
        OperationType.ByName.Values.Where(o => o.AllowsReadOnly && !o.IsQuery).Select(o => o.Name)
            .Should().BeEquivalentTo("RecordSessionEnd", "ViewPatient", "ExportData");
    }

    [Fact]
    public void EveryOperationRecord_RoundTrips()
    {
        var samples = OperationSamples();

        samples.Select(s => s.GetType()).Should().BeEquivalentTo(OperationType.ByName.Values.Select(o => o.Type), "a sample of every operation");
        foreach (var sample in samples)
        {
            AssertRoundTrip(sample.GetType(), sample);
        }
    }

    [Fact]
    public void EveryResultShape_RoundTrips_OnTheDemoFacility()
    {
        var samples = ResultSamples();

        samples.Select(s => s.Type).Should().Contain(OperationType.ByName.Values.Select(o => o.Result).Distinct(), "a sample of every result type");
        foreach (var (type, value) in samples)
        {
            AssertRoundTrip(type, value);
        }
    }

    [Fact]
    public void Enums_AreTheirTokens_AFlagsEnumTheArrayOfItsSetTokens()
    {
        Json(Channel.Tui).Should().Be("\"tui\"");
        Json<Channel?>(null).Should().Be("null");
        Json(StaffRoles.Admin | StaffRoles.Auditor).Should().Be("""["admin","auditor"]""");
        Json(StaffRoles.None).Should().Be("[]");
        Json(MemberSignal.Leaving | MemberSignal.NotVerified).Should().Be("""["leaving","not_verified"]""");
        JsonSerializer.Deserialize<StaffRoles>("""["auditor"]""", Wire.Options).Should().Be(StaffRoles.Auditor);
        JsonSerializer.Deserialize<DischargeReason>("\"死亡\"", Wire.Options).Should().Be(DischargeReason.Death, "the Japanese aliases parse too");
    }

    [Fact]
    public void Codes_AreTheirText_NormalisedOnTheWayIn()
    {
        Json(StaffCode.Parse("S-0001")).Should().Be("\"S-0001\"");
        Json(new DateOnly(2026, 11, 26)).Should().Be("\"2026-11-26\"");
        JsonSerializer.Deserialize<StaffCode>("\"ｓ－0001\"", Wire.Options).Should().Be(StaffCode.Parse("S-0001"));
        JsonSerializer.Deserialize<GroupCode?>("null", Wire.Options).Should().BeNull();
    }

    [Theory]
    [InlineData(ExitCode.InputRejected, "op.review.alreadyopen", "G-0001", "date")]
    [InlineData(ExitCode.InputRejected, "op.future", "date")]
    [InlineData(ExitCode.Locked, "db.locked", 4242, "/srv/mcsops/mcsops.db")]
    [InlineData(ExitCode.BadArguments, "config.invalid", "AdminApi:MaxRequestMegabytes", "reason")]
    [InlineData(ExitCode.NotPermitted, "op.readonly", "S-0003")]
    public void AProblem_RoundTrips_SoTheClientPrintsTheServicesMessage(ExitCode code, string key, params object[] args)
    {
        var typed = args.Select(a => a switch
        {
            "date" => (object)new DateOnly(2026, 12, 31),
            "reason" => new LocalizedReason("config.range", 0L, 1, 1024),
            _ => a,
        }).ToArray();
        var sent = new OpsException(code, key, typed);

        var json = JsonSerializer.Serialize(WireProblem.Of(sent, 422), Wire.Options);
        var received = JsonSerializer.Deserialize<WireProblem>(json, Wire.Options)!.ToException();

        received.Code.Should().Be(code);
        received.Key.Should().Be(key);
        received.Localize(Lang.Ja).Should().Be(sent.Localize(Lang.Ja));
        received.Localize(Lang.En).Should().Be(sent.Localize(Lang.En));
    }

    [Theory]
    [InlineData(typeof(RecordDischarge), """{"patient":"P-0001","on":"2026-11-20"}""")]
    [InlineData(typeof(RecordDischarge), """{"patient":"P-0001","on":"2026-11-20","reason":"moved","actor":"S-0001"}""")]
    [InlineData(typeof(RecordDischarge), """{"patient":"P-0001","on":"2026-11-20","reason":"nope"}""")]
    [InlineData(typeof(RecordDischarge), """{"patient":"P/0001","on":"2026-11-20","reason":"moved"}""")]
    [InlineData(typeof(RecordDischarge), """{"patient":"P-0001","on":20261120,"reason":"moved"}""")]
    [InlineData(typeof(RecordIncident), """{"subject":null,"kind":"loss","note":"n"}""")]
    [InlineData(typeof(SaveFacility), """{"facility":{"code":"F-0009","name":"x"}}""")]
    [InlineData(typeof(SetRole), """{"staff":"S-0001","role":"admin","grant":true,"reason":"r"}""")]
    [InlineData(typeof(ImportCsv), """{"kind":"staff","content":"/etc/shadow","fileName":"x.csv","dryRun":false}""")]
    [InlineData(typeof(ImportCsv), """{"kind":"staff","content":"YSxiCg==","fileName":"x.csv","dryRun":false}""")]
    [InlineData(typeof(ImportCsv), """{"kind":"staff","content":{"length":4,"path":"/etc/shadow"},"fileName":"x.csv","dryRun":false}""")]
    [InlineData(typeof(ImportCsv), """{"kind":"staff","content":{"length":-1},"fileName":"x.csv","dryRun":false}""")]
    [InlineData(typeof(ImportCsv), """{"kind":"staff","content":{"length":1.5},"fileName":"x.csv","dryRun":false}""")]
    [InlineData(typeof(ImportCsv), """{"kind":"staff","content":{},"fileName":"x.csv","dryRun":false}""")]
    [InlineData(typeof(VerifyBackupBytes), """{"name":"x.db","content":null,"sha256":null}""")]
    public void Input_IsStrict(Type type, string json)
    {
        var read = () => JsonSerializer.Deserialize(json, type, Wire.Options);

        read.Should().Throw<JsonException>();
    }

    [Fact]
    public void AFile_TravelsAsItsLengthOnly_AndWhatIsReadBackHasNoBytesUntilTheTransportGivesThem()
    {
        var sent = new ImportCsv("staff", "a,b\n"u8.ToArray(), "new-staff.csv", DryRun: true);
        var type = OperationType.Of(typeof(ImportCsv));
        var received = Path.Combine(Path.GetTempPath(), "mcsops-wire-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(received, "staff_code\n");

        try
        {
            var json = Json(sent);
            var announced = (ImportCsv)JsonSerializer.Deserialize(json, type.Type, Wire.Options)!;
            var open = () => announced.Content.OpenRead();
            var given = (ImportCsv)type.WithFile(announced, FileContent.OfFile(received));

            json.Should().Be("""{"kind":"staff","content":{"length":4},"fileName":"new-staff.csv","dryRun":true}""");
            announced.Content.Length.Should().Be(4);
            open.Should().Throw<InvalidOperationException>("a length read off the wire names no file to open");
            given.Should().Be(announced with { Content = given.Content }, "only the file is replaced");
            given.Content.Length.Should().Be(11);
            using (var stream = new StreamReader(given.Content.OpenRead()))
            {
                stream.ReadToEnd().Should().Be("staff_code\n");
            }

            open.Should().Throw<InvalidOperationException>("the record read off the wire is not changed");
            OperationType.ByName.Values.Where(o => o.CarriesFile).Select(o => o.Name).Should().BeEquivalentTo("ImportCsv", "VerifyBackupBytes");
        }
        finally
        {
            File.Delete(received);
        }
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, Wire.Options);

    /// <summary>What comes back equals what was sent, member by member, and writes the same JSON again.</summary>
    private static void AssertRoundTrip(Type type, object value)
    {
        var json = JsonSerializer.Serialize(value, type, Wire.Options);
        var back = JsonSerializer.Deserialize(json, type, Wire.Options);
        JsonSerializer.Serialize(back, type, Wire.Options).Should().Be(json);
        if (json != "{}")
        {
            back.Should().BeEquivalentTo(value, o => o.ComparingRecordsByMembers(), json);
        }
    }

    private List<(Type Type, object Value)> ResultSamples()
    {
        var ops = world.Client;
        var store = world.Store;
        var samples = new List<(Type, object)>();

        void Add<T>(IEnumerable<T> values)
        {
            var list = values.ToList();
            list.Should().NotBeEmpty(typeof(T).Name);
            samples.AddRange(list.Select(v => (typeof(T), (object)v!)));
        }

        Add(store.Read(s => s.Staff.All()));
        Add(store.Read(s => s.Facilities.All()));
        Add(store.Read(s => s.Patients.All()));
        Add(store.Read(s => s.Groups.All()));
        Add(store.Read(s => s.Memberships.All()));
        Add(store.Read(s => s.Devices.All()));
        Add(store.Read(s => s.Actions.All()));
        Add(store.Read(s => s.Checklists.All()));
        Add(store.Read(s => s.Reviews.All()));
        Add(store.Read(s => s.Audit.All()));
        Add(store.Read(s => s.Groups.All()).Select(g => ops.Execute(new GetGroupDetail(g.Code))));
        Add<IReadOnlyList<GroupRow>>([ops.Execute(new ListGroups())]);
        Add<IReadOnlyList<DueFinding>>([ops.Execute(new GetDueList())]);
        Add([ops.Execute(new IssueLinkCode(StaffCode.Parse("S-0002")))]);
        Add([ops.Execute(new ImportCsv("staff", Encoding.UTF8.GetBytes("staff_code,facility_code,name,profession\nS-9,F-404,名前,宇宙飛行士\n"), "bad.csv"))]);
        Add([ops.Execute(new ExportData("staff", ExportFormat.Json))]);
        Add([ops.Execute(new RunSweep())]);
        Add([ops.Execute(new VerifyAuditChain())]);
        Add([ops.Execute(new GetDatabaseSummary())]);
        Add<IReadOnlyList<StaffRow>>([ops.Execute(new ListStaff())]);
        Add(store.Read(s => s.Staff.All()).Take(5).Select(x => ops.Execute(new GetStaffDetail(x.Code))));
        Add<IReadOnlyList<PatientRow>>([ops.Execute(new ListPatients())]);
        Add(store.Read(s => s.Patients.All()).Take(5).Select(p => ops.Execute(new GetPatientDetail(p.Code))));
        Add<IReadOnlyList<DeviceRow>>([ops.Execute(new ListDevices())]);
        Add<IReadOnlyList<ReviewRow>>([ops.Execute(new ListReviews(IncludeClosed: true))]);
        Add(store.Read(s => s.Reviews.All()).Take(5).Select(r => ops.Execute(new GetReview(r.Group, r.Id))));
        Add<IReadOnlyList<ActionRow>>([ops.Execute(new ListActions(IncludeDone: true))]);
        Add<IReadOnlyList<InvitationRow>>([ops.Execute(new ListInvitations())]);
        Add<IReadOnlyList<ChecklistRow>>([ops.Execute(new ListChecklists())]);
        Add(store.Read(s => s.Checklists.All()).Select(c => ops.Execute(new GetChecklist(c.Staff))));
        Add([ops.Execute(new ListAudit(50))]);
        Add(store.Read(s => s.Reviews.All()).Select(r => r.Reviewer).OfType<StaffCode>().Distinct().Take(3).Select(r => ops.Execute(new ListReviewsFor(r))));
        Add(store.Read(s => s.Reviews.All()).Take(3).Select(r => ops.Execute(new GetReviewSheet(r.Group.Value, r.Id))!));
        Add(store.Read(s => s.Outbox.All()).Take(3).Select(m => m with { State = OutboxState.Dead, Attempts = 8, LastError = "chat.postMessage: HTTP 503", PlatformMessageId = "D1/1700000000.000001" }));
        Add<IReadOnlyList<DeadMessage>>([ops.Execute(new ListDeadMessages()), [new DeadMessage("digest:2026-11-26:S-0001", StaffCode.Parse("S-0001"), "digest", new DateTimeOffset(2026, 11, 26, 8, 30, 0, TimeSpan.Zero), 8, "chat.postMessage: HTTP 503")]]);
        AddBackupSamples(Add, Add, Add);
        return samples;
    }

    /// <summary>The backup operations' results, from real backups of a store of their own (the demo store stays as it is).</summary>
    private static void AddBackupSamples(Action<IEnumerable<BackupRecord>> records, Action<IEnumerable<IReadOnlyList<BackupFile>>> lists, Action<IEnumerable<BackupCheck>> checks)
    {
        using var t = new TestStore();
        var place = new BackupPlace(new BackupSettings(Path.Combine(t.Directory, "backups"), 8, Cronos.CronExpression.Parse("0 2 * * *"), null), t.KeyFile);
        var ops = new LocalOpsClient(new Ops(t.Store, TestStore.Policy, t.Time) { Backup = place }, TestStore.Admin, readOnly: false);
        var good = ops.Execute(new TakeBackup());
        t.Time.Advance(TimeSpan.FromMinutes(1));
        var failed = McsOps.Core.Backups.Create(t.Store, place.Settings with { CopyCommand = "exit 3" }, t.KeyFile, TestStore.Admin, t.Time);
        records([good, failed]);
        lists([ops.Execute(new ListBackups())]);
        var file = Path.Combine(place.Settings.Directory, good.File);
        checks([ops.Execute(new VerifyLatestBackup()), ops.Execute(new VerifyBackupBytes(good.File, new byte[] { 1, 2, 3 }, null)), McsOps.Core.Backups.Verify(file, t.KeyFile, t.Time)]);
    }

    private List<object> OperationSamples()
    {
        var store = world.Store;
        var staff = store.Read(s => s.Staff.All()[0]);
        var patient = store.Read(s => s.Patients.All().First(p => p.Consent is not null));
        var day = new DateOnly(2026, 11, 20);
        var s1 = StaffCode.Parse("S-0001");
        var p1 = PatientCode.Parse("P-0001");
        var g1 = GroupCode.Parse("G-0001");
        var tag = AssetTag.Parse("T-0001");
        return
        [
            new SaveStaff(staff),
            new RecordPasswordChange(s1, PasswordClass.TwoFactor, day),
            new RecordTrainingOrPledge(s1, day, Pledge: true),
            new SetStaffFlags(s1, true, false, true),
            new SetRole(s1, StaffRoles.Auditor, Grant: false, "moved on"),
            new RecordIncident("T-0001", "loss", "left on a train"),
            new IssueLinkCode(s1),
            new CloseReview(g1, Cancel: true, "duplicate"),
            new OpenReview(g1),
            new RecordDecision(g1, s1, ReviewDecision.Remove, "left the team"),
            new ListGroups(),
            new GetGroupDetail(g1),
            new SaveGroup(store.Read(s => s.Groups.All()[0])),
            new ReassignOwner(g1, s1),
            new RecordInvitation(g1, s1, null, day),
            new DecideInvitation(g1, s1, Approve: false, "unknown person"),
            new RecordMembership(g1, s1, MembershipState.Removed, day, "gone"),
            new SaveDevice(store.Read(s => s.Devices.All()[0])),
            new MarkDeviceLost(tag, day, "lost"),
            new MarkDeviceReturned(tag, Retired: true),
            new LinkChatIdentity("ABCD2345", Channel.Slack, "U012345"),
            new MarkActionDone("archive_group:G-0001", "archived in MCS"),
            new MarkLeaving(s1, day),
            new CompleteChecklistItem(s1, "item-1", null),
            new SignOffOffboarding(s1),
            new RecordSessionEnd("idle"),
            new GetDueList(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(9))),
            new RecordConsent(p1, patient.Consent),
            new RecordDischarge(p1, day, DischargeReason.Hospitalized),
            new RecordTransfer(p1, day, Incoming: true),
            new SaveFacility(store.Read(s => s.Facilities.All()[0])),
            new SavePatient(patient),
            new ImportCsv("staff", new byte[] { 0xEF, 0xBB, 0xBF, 0x61 }, "staff.csv", DryRun: true),
            new ExportData("audit", ExportFormat.Json, new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero)),
            new RunSweep(),
            new VerifyAuditChain(),
            new GetDatabaseSummary(),
            new ListStaff(),
            new GetStaffDetail(s1),
            new ListPatients(),
            new GetPatientDetail(p1),
            new ViewPatient(p1),
            new ListDevices(),
            new ListReviews(IncludeClosed: true),
            new GetReview(g1, "G-0001@1764550800000"),
            new ListActions(IncludeDone: true),
            new ListInvitations(),
            new ListChecklists(),
            new GetChecklist(s1),
            new ListAudit(100),
            new FindChatUser(Channel.Slack, "U012345"),
            new ListReviewsFor(s1),
            new GetReviewSheet("P-0001"),
            new RetryDeadMessage("digest:2026-11-26:S-0001"),
            new ListDeadMessages(),
            new GetLastBackup(),
            new TakeBackup(),
            new ListBackups(),
            new VerifyBackupBytes("mcsops-20261126T020000Z.db", new byte[] { 0x4C, 0x69, 0x74, 0x65 }, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
            new VerifyLatestBackup(),
        ];
    }
}
