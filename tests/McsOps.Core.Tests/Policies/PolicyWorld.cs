using System.Collections.Concurrent;
using McsOps.Core.Application;
using McsOps.Core.Csv;
using McsOps.Core.Scheduling;
using McsOps.Core.Storage;
using McsOps.Core.Storage.LiteDb;
using Microsoft.Extensions.Time.Testing;

namespace McsOps.Core.Tests.Policies;

/// <summary>
/// A real encrypted LiteDB store in a temporary folder with one <see cref="PolicySettings"/>
/// (Asia/Tokyo) shared by the store, the operations, the sweep and the due list, on a fake clock
/// that starts where the test says. The seeded facility is <see cref="TestStore.Csv"/>.
/// </summary>
internal sealed class PolicyWorld : IDisposable
{
    /// <summary>Prepared databases (and the clock they ended at) by key, copied instead of built again: an import costs more than a copy.</summary>
    private static readonly ConcurrentDictionary<string, Lazy<(string Directory, DateTimeOffset Now)>> Templates = new(StringComparer.Ordinal);

    private static readonly string Root = TestData.Root("mcsops-tests", Directory.Exists("/dev/shm") ? "/dev/shm" : null);

    private readonly string _directory;
    private readonly bool _defaultPolicy;
    private bool _keepFiles;
    private LiteDbStore? _store;

    static PolicyWorld() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var template in Templates.Values.Where(l => l.IsValueCreated))
        {
            TryDelete(template.Value.Directory);
        }
    };

    public PolicyWorld(DateTimeOffset? start = null, PolicySettings? policy = null)
    {
        _directory = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        Time = new FakeTimeProvider(start ?? Jst(2026, 11, 26, 10));
        _defaultPolicy = policy is null;
        Policy = policy ?? new PolicySettings { Zone = Tokyo };
    }

    public static TimeZoneInfo Tokyo { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    public static Actor Admin { get; } = new("S-0001", Channel.Cli);

    public FakeTimeProvider Time { get; }

    public PolicySettings Policy { get; }

    public LiteDbStore Store => _store ??= LiteDbStore.Open(Path.Combine(_directory, "mcsops.db"), Path.Combine(_directory, "mcsops.key"), Time, Policy);

    public Ops Ops => new(Store, Policy, Time);

    /// <summary>An instant given in Tokyo wall-clock time (UTC+9, no daylight saving).</summary>
    public static DateTimeOffset Jst(int year, int month, int day, int hour = 0, int minute = 0, int second = 0, int millisecond = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, second, millisecond, TimeSpan.FromHours(9)).ToUniversalTime();

    public static GroupCode G(string code) => GroupCode.Parse(code);

    public static StaffCode S(string code) => StaffCode.Parse(code);

    public static PatientCode P(string code) => PatientCode.Parse(code);

    public static AssetTag D(string code) => AssetTag.Parse(code);

    public void Import(string kind, string csv)
    {
        var result = Importer.ImportText(Store, CsvKinds.Find(kind)!, csv, kind + ".csv", Admin, new ImportOptions(Time));
        result.Rejected.Should().BeFalse($"the {kind} test CSV is valid: {string.Join("; ", result.Errors.Select(e => e.ToString()))}");
    }

    /// <summary>The small facility of <see cref="TestStore.Csv"/>, with optional replacements per kind.</summary>
    public PolicyWorld Seed(string? staff = null, string? patients = null, string? groups = null, string? memberships = null)
    {
        if (_store is null && _defaultPolicy)
        {
            var key = string.Join('\u001e', "seed", Time.GetUtcNow().UtcTicks, staff, patients, groups, memberships);
            CopyFrom(Template(key, Time.GetUtcNow(), w => w.SeedByImport(staff, patients, groups, memberships)).Directory);
            return this;
        }

        return SeedByImport(staff, patients, groups, memberships);
    }

    /// <summary>
    /// A world in the state <paramref name="build"/> leaves a fresh one starting at
    /// <paramref name="start"/> in (default policy), built once per <paramref name="key"/> and copied.
    /// </summary>
    public static PolicyWorld Prepared(string key, DateTimeOffset start, Action<PolicyWorld> build)
    {
        var (directory, now) = Template(string.Join('\u001e', "prepared", key, start.UtcTicks), start, build);
        var world = new PolicyWorld(now);
        world.CopyFrom(directory);
        return world;
    }

    private static (string Directory, DateTimeOffset Now) Template(string key, DateTimeOffset start, Action<PolicyWorld> build) =>
        Templates.GetOrAdd(key, _ => new Lazy<(string, DateTimeOffset)>(() =>
        {
            var w = new PolicyWorld(start) { _keepFiles = true };
            build(w);
            w.Dispose();
            return (w._directory, w.Time.GetUtcNow());
        })).Value;

    private void CopyFrom(string template)
    {
        foreach (var file in Directory.GetFiles(template).Where(f => !Path.GetFileName(f).Contains(".lock", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(_directory, Path.GetFileName(file)));
        }
    }

    private PolicyWorld SeedByImport(string? staff, string? patients, string? groups, string? memberships)
    {
        Import("facilities", TestStore.Csv.Facilities);
        Import("staff", staff ?? TestStore.Csv.Staff);
        Import("patients", patients ?? TestStore.Csv.Patients);
        Import("groups", groups ?? TestStore.Csv.Groups);
        Import("memberships", memberships ?? TestStore.Csv.Memberships);
        return this;
    }

    /// <summary>Sets the fake clock (forward only, as <see cref="FakeTimeProvider"/> requires).</summary>
    public void At(DateTimeOffset instant) => Time.SetUtcNow(instant);

    public T Run<T>(IOperation<T> operation, Actor? actor = null) => Ops.Execute(operation, actor ?? Admin);

    public OpsException Rejects<T>(IOperation<T> operation, Actor? actor = null)
    {
        var act = () => Run(operation, actor);
        return act.Should().Throw<OpsException>().Which;
    }

    public SweepResult Sweep(DateTimeOffset? at = null) => new Sweeper(Policy).Run(Store, at ?? Time.GetUtcNow());

    public IReadOnlyList<DueFinding> Due(DateTimeOffset? at = null) =>
        Store.Read(s => DueList.Compute(s, Policy, at ?? Time.GetUtcNow()));

    public T Read<T>(Func<IStoreSession, T> query) => Store.Read(query);

    public int PendingMessages => Store.Read(s => s.Outbox.ByState(OutboxState.Pending).Count);

    public IReadOnlyList<OutboxMessage> Messages => Store.Read(s => s.Outbox.ByState(OutboxState.Pending));

    public IReadOnlyList<string> MessageKeys => [.. Messages.Select(m => m.Key).Order(StringComparer.Ordinal)];

    public long AuditCount => Store.Read(s => s.Audit.Count());

    public Review? OpenReview(string group) => Store.Read(s => s.Reviews.OpenFor(G(group)));

    public IReadOnlyList<Review> Reviews(string group) => Store.Read(s => s.Reviews.ByGroup(G(group)));

    public Group Group(string code) => Store.Read(s => s.Groups.Find(G(code))!);

    public Staff Staff(string code) => Store.Read(s => s.Staff.Find(S(code))!);

    public Membership Membership(string group, string staff) => Store.Read(s => s.Memberships.Find((G(group), S(staff)))!);

    public McsAction? Action(string key) => Store.Read(s => s.Actions.Find(key));

    public void Dispose()
    {
        _store?.Dispose();
        _store = null;
        if (!_keepFiles)
        {
            TryDelete(_directory);
        }
    }

    private static void TryDelete(string directory) => TestData.Delete(directory);
}
