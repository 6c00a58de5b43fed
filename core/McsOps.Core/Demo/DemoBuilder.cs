using McsOps.Core.Csv;

namespace McsOps.Core.Demo;

/// <summary>
/// Writes the demo's six import files. Everything that is not fixed in <see cref="DemoRoster"/>
/// comes from <c>new Random(42)</c> and every date is counted from <c>today</c>, so the same day
/// always gives the same files. The planted work is described on <see cref="DemoFacility"/>.
/// </summary>
internal sealed class DemoBuilder
{
    private const string Home = DemoRoster.Home;
    private const string Director = "S-0001";
    private const string OfficeManager = "S-0004";
    private const string Leaver = "S-0008";
    private const string NewHire = "S-0024";
    private const string RefusedFacility = "F-0006";
    private const int PatientCount = 60;
    private const int DischargedLongAgo = 12;
    private const int DischargedRecently = 37;
    private const int NoConsent = 25;
    private const int PartialRefusal = 46;
    private static readonly int[] LeaverOwns = [3, 19, 51];
    private static readonly string[] Admins = [Director, OfficeManager];

    private readonly DateOnly _today;
    private readonly Random _rng = new(42);
    private readonly List<Person> _staff = [];
    private readonly List<Case> _patients = [];
    private readonly Dictionary<string, List<string>> _members = new(StringComparer.Ordinal);
    private readonly CsvText _memberships = new("memberships");

    public DemoBuilder(DateOnly today) => _today = today;

    public IReadOnlyList<(string Kind, string Csv)> Build()
    {
        var facilities = Facilities();
        var staff = Staff();
        var patients = Patients();
        var groups = Groups();
        var devices = Devices();
        return
        [
            ("facilities", facilities), ("staff", staff), ("patients", patients),
            ("groups", groups), ("memberships", _memberships.ToString()), ("devices", devices),
        ];
    }

    private static string Code(char prefix, int n) => $"{prefix}-{n:0000}";

    private static string? D(DateOnly? date) => Format.Date(date);

    private static string B(bool value) => Format.Bool(value);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static string MailPrefix(string profession) => profession switch
    {
        "doctor" => "dr",
        "nurse" => "ns",
        "therapist" => "pt",
        "pharmacist" => "ph",
        "care_manager" => "cm",
        "care_worker" => "helper",
        _ => "office",
    };

    private string Facilities()
    {
        var csv = new CsvText("facilities");
        csv.Add(Home, DemoRoster.HomeName, "clinic", B(true));
        foreach (var f in DemoRoster.External)
        {
            csv.Add(f.Code, f.Name, f.Kind, B(false));
        }

        return csv.ToString();
    }

    private string Staff()
    {
        var csv = new CsvText("staff");
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < DemoRoster.HomeStaff.Count; i++)
        {
            var n = i + 1;
            var m = DemoRoster.HomeStaff[i];
            var code = Code('S', n);
            var (passwordClass, changedOn) = Password(n);
            DateOnly? pledge = code == NewHire ? null : _today.AddDays(-_rng.Next(120, 2400));
            var training = n == 18 ? _today.AddMonths(-14) : code == NewHire ? _today.AddDays(-9) : _today.AddDays(-_rng.Next(30, 330));
            csv.Add(
                code, Home, m.Name, m.Kana, m.Profession, m.Mail + "@" + DemoRoster.HomeDomain, m.Roles,
                code == Leaver ? "leaving" : "active", code == Leaver ? D(_today.AddDays(14)) : null,
                B(true), B(code != NewHire), B(code != NewHire), passwordClass, D(changedOn),
                D(pledge), D(training), n <= 16 ? SlackId() : null, null, m.OsUser);
            usedNames.Add(m.Name);
            _staff.Add(new Person(code, Home, m.Profession, Newcomer: code == NewHire));
        }

        var next = DemoRoster.HomeStaff.Count + 1;
        foreach (var f in DemoRoster.External)
        {
            for (var k = 0; k < f.Professions.Count; k++)
            {
                var code = Code('S', next++);
                var profession = f.Professions[k];
                var (name, kana) = NewName(usedNames);
                var last = k == f.Professions.Count - 1;
                var unverified = last && f.Code == "F-0007";
                var noProfile = last && f.Code == "F-0003";
                csv.Add(
                    code, f.Code, name, kana, profession, $"{MailPrefix(profession)}{k + 1:00}@{f.Domain}", null,
                    "active", null, B(!unverified), B(!noProfile), B(!noProfile), null, null, null, null, null, null, null);
                _staff.Add(new Person(code, f.Code, profession, Newcomer: unverified || noProfile));
            }
        }

        return csv.ToString();
    }

    /// <summary>Password facts of the clinic's staff: three 8rotating due within 14 days, two overdue, three unknown.</summary>
    private (string Class, DateOnly? ChangedOn) Password(int n) => n switch
    {
        1 or 4 => ("2fa", _today.AddDays(-_rng.Next(100, 400))),
        9 => ("8rotating", _today.AddMonths(-2).AddDays(2)),
        12 => ("8rotating", _today.AddMonths(-2).AddDays(6)),
        19 => ("8rotating", _today.AddMonths(-2).AddDays(12)),
        13 => ("8rotating", _today.AddMonths(-2).AddDays(-5)),
        22 => ("8rotating", _today.AddMonths(-3).AddDays(-4)),
        10 or 20 => ("8rotating", _today.AddDays(-_rng.Next(10, 30))),
        16 or 24 or 25 => ("unknown", null),
        _ => ("13mixed", _today.AddDays(-_rng.Next(30, 500))),
    };

    private string SlackId()
    {
        const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        var chars = new char[11];
        chars[0] = 'U';
        for (var i = 1; i < chars.Length; i++)
        {
            chars[i] = Alphabet[_rng.Next(Alphabet.Length)];
        }

        return new string(chars);
    }

    private (string Name, string Kana) NewName(HashSet<string> used)
    {
        while (true)
        {
            var family = JapaneseNames.FamilyNames[_rng.Next(JapaneseNames.FamilyNames.Count)];
            var given = JapaneseNames.GivenNames[_rng.Next(JapaneseNames.GivenNames.Count)];
            var full = JapaneseNames.Full(family, given);
            if (used.Add(full.Name))
            {
                return full;
            }
        }
    }

    private string Patients()
    {
        var csv = new CsvText("patients");
        var families = JapaneseNames.FamilyNames.Where(f => f.Name != "山田").ToArray();
        _rng.Shuffle(families);
        string[] forms = ["template1", "template1", "template1", "template1", "template2", "template2", "template3", "template3", "template4", "other"];
        for (var n = 1; n <= PatientCount; n++)
        {
            var code = Code('P', n);
            var given = JapaneseNames.GivenNames[_rng.Next(JapaneseNames.GivenNames.Count)];
            var (name, kana) = JapaneseNames.Full(families[n - 1], given);
            var r = _rng.NextDouble();
            var attending = r < 0.5 ? Director : r < 0.85 ? "S-0002" : "S-0003";
            var created = _today.AddDays(-_rng.Next(40, 1100));
            var (status, dischargedOn, reason) = n switch
            {
                DischargedLongAgo => ("discharged", _today.AddDays(-10), "death"),
                DischargedRecently => ("discharged", _today.AddDays(-3), "hospitalized"),
                _ => ("active", (DateOnly?)null, (string?)null),
            };
            var form = forms[_rng.Next(forms.Length)];
            var signedOn = created.AddDays(-_rng.Next(0, 10));
            var signedBy = _rng.NextDouble() < 0.65 ? "patient" : "family";
            var refused = n == PartialRefusal ? RefusedFacility : null;
            csv.Add(
                code, name, kana, attending, status, D(dischargedOn), reason,
                n == NoConsent ? null : form, n == NoConsent ? null : D(signedOn), n == NoConsent ? null : signedBy,
                refused, null, null);
            _patients.Add(new Case(n, code, families[n - 1].Name, attending, created, refused));
        }

        return csv.ToString();
    }

    private string Groups()
    {
        var csv = new CsvText("groups");
        foreach (var p in _patients)
        {
            var group = Code('G', p.N);
            var owner = LeaverOwns.Contains(p.N) ? Leaver : _rng.NextDouble() < 0.3 ? Pick(Pool(Home, "nurse")) : p.Attending;
            csv.Add(group, "patient", p.Family + "様 在宅チーム", p.Code, owner, null, "active", D(p.Created));
            foreach (var staff in PatientTeam(p, owner))
            {
                Join(group, staff, p.Created);
            }
        }

        FreeGroups(csv);
        PlantedMemberships();
        return csv.ToString();
    }

    /// <summary>8 to 14 members: the attending doctor, the owner, clinic nurses and the external team.</summary>
    private List<string> PatientTeam(Case p, string owner)
    {
        var station = _rng.NextDouble() < 0.7 ? "F-0002" : "F-0007";
        var homeNurses = Pool(Home, "nurse");
        var team = new List<string> { p.Attending, owner, Pick(homeNurses), Pick(Pool("F-0004")), Pick(Pool(station, "nurse")), Pick(Pool("F-0003")) };
        var optional = new List<string>
        {
            Pick(homeNurses), Pick(homeNurses), "S-0017", Pick(Pool(Home, "clerk")), Pick(Pool(station, "nurse")),
            Pick(Pool(station, "therapist")), Pick(Pool("F-0005")), p.Attending == Director ? "S-0002" : Director,
        };
        if (p.Refused is null)
        {
            optional.Add(Pick(Pool(RefusedFacility)));
            optional.Add(Pick(Pool(RefusedFacility)));
        }

        var shuffled = optional.ToArray();
        _rng.Shuffle(shuffled);
        team = [.. team.Distinct()];
        var target = _rng.Next(8, 15);
        foreach (var candidate in shuffled.Concat(Enumerable.Range(0, 20).Select(_ => Pick(Pool(station, "nurse")))))
        {
            if (team.Count >= target)
            {
                break;
            }

            if (!team.Contains(candidate))
            {
                team.Add(candidate);
            }
        }

        return team;
    }

    private void FreeGroups(CsvText csv)
    {
        var firstOfEach = DemoRoster.External.Select(f => Pool(f.Code)[0]);
        Free(csv, 61, "多職種連携 連絡用", Director, null, 900,
            [Director, "S-0002", "S-0003", OfficeManager, "S-0005", "S-0023", .. firstOfEach]);
        Free(csv, 62, DemoRoster.HomeName + " 院内連絡", OfficeManager, "0 9 1 4,10 *", 1500,
            [.. _staff.Where(s => s.Facility == Home && !s.Newcomer).Select(s => s.Code)]);
        Free(csv, 63, "緑町地区 在宅医療連携会議", "S-0002", "0 9 1 4,10 *", 600,
            ["S-0002", Director, "S-0023", .. Pool("F-0005"), .. Pool("F-0004").Take(3)]);
        Free(csv, 64, "褥瘡ケア 勉強会", "S-0005", null, 300,
            [.. Pool(Home, "nurse").Take(6), "S-0017", .. Pool("F-0002", "nurse").Take(3), .. Pool("F-0007", "nurse").Take(2)]);
        Join(Code('G', 62), NewHire, _today.AddDays(-7));
    }

    private void Free(CsvText csv, int n, string name, string owner, string? cron, int ageDays, List<string> members)
    {
        var group = Code('G', n);
        var created = _today.AddDays(-ageDays);
        csv.Add(group, "free", name, null, owner, cron, "active", D(created));
        foreach (var staff in members.Distinct())
        {
            Join(group, staff, created);
        }
    }

    /// <summary>Five invitations awaiting approval and three members removed in the past.</summary>
    private void PlantedMemberships()
    {
        Invite(PartialRefusal, Pool(RefusedFacility), 2, OfficeManager);
        Invite(8, [_staff.Single(s => s.Newcomer && s.Facility == "F-0007").Code], 5, Director);
        Invite(14, [_staff.Single(s => s.Newcomer && s.Facility == "F-0003").Code], 1, OfficeManager);
        Invite(29, Pool("F-0004"), 6, Director);
        Invite(53, Pool("F-0005", "doctor"), 4, OfficeManager);
        foreach (var n in new[] { 5, 21, 40 })
        {
            var group = Code('G', n);
            var staff = Pool(RefusedFacility).First(s => !_members[group].Contains(s));
            var created = _patients[n - 1].Created;
            var removed = created.AddDays((_today.DayNumber - created.DayNumber) / 2);
            _members[group].Add(staff);
            _memberships.Add(group, staff, "removed", Director, D(created.AddDays(1)), D(created.AddDays(2)), D(removed));
        }
    }

    private void Invite(int patient, IReadOnlyList<string> candidates, int daysAgo, string by)
    {
        var group = Code('G', patient);
        var staff = candidates.First(s => !_members[group].Contains(s));
        _members[group].Add(staff);
        _memberships.Add(group, staff, "invited", by, D(_today.AddDays(-daysAgo)), null, null);
    }

    private void Join(string group, string staff, DateOnly created)
    {
        if (!_members.TryGetValue(group, out var members))
        {
            _members[group] = members = [];
        }

        members.Add(staff);
        if (_staff.First(s => s.Code == staff).Facility == Home)
        {
            _memberships.Add(group, staff, "active", null, null, D(created), null);
            return;
        }

        var invited = Min(created.AddDays(_rng.Next(0, 21)), _today.AddDays(-1));
        var approved = Min(invited.AddDays(_rng.Next(0, 3)), _today);
        _memberships.Add(group, staff, "active", Admins[_rng.Next(Admins.Length)], D(invited), D(approved), null);
    }

    private string Devices()
    {
        var csv = new CsvText("devices");
        var n = 0;
        void Add(string kind, string? holder, string status = "in_use", DateOnly? lostOn = null, string? note = null)
        {
            n++;
            var inService = status is "in_use" or "lost";
            var cert = inService ? "cert-" + _rng.Next(0x10000000, int.MaxValue).ToString("x8", System.Globalization.CultureInfo.InvariantCulture) : null;
            csv.Add(Code('D', n), kind, holder, B(inService && kind != "pc"), cert, status, D(lostOn), note);
        }

        foreach (var doctor in new[] { Director, "S-0002", "S-0003" })
        {
            Add("smartphone", doctor);
            Add("tablet", doctor);
        }

        foreach (var nurse in _staff.Where(s => s.Facility == Home && s.Profession == "nurse").Select(s => s.Code))
        {
            if (nurse == "S-0011")
            {
                Add("smartphone", nurse, "lost", _today.AddDays(-4), "訪問先からの帰りに紛失、警察に遺失届を提出済み");
            }
            else
            {
                Add("smartphone", nurse);
            }
        }

        Add("tablet", "S-0017");
        foreach (var clerk in new[] { OfficeManager, "S-0018", "S-0021" })
        {
            Add("pc", clerk);
        }

        Add("tablet", null, note: "予備機 (事務室の施錠キャビネット)");
        Add("tablet", null, note: "予備機 (事務室の施錠キャビネット)");
        Add("smartphone", null, "returned");
        Add("smartphone", null, "returned");
        Add("pc", null, "retired");
        Add("pc", null, "retired");
        return csv.ToString();
    }

    private List<string> Pool(string facility, string? profession = null) =>
        [.. _staff.Where(s => s.Facility == facility && !s.Newcomer && (profession is null || s.Profession == profession)).Select(s => s.Code)];

    private string Pick(IReadOnlyList<string> from) => from[_rng.Next(from.Count)];

    private sealed record Person(string Code, string Facility, string Profession, bool Newcomer);

    private sealed record Case(int N, string Code, string Family, string Attending, DateOnly Created, string? Refused);
}
