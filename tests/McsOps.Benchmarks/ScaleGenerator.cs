using System.Globalization;
using McsOps.Core.Csv;
using McsOps.Core.Demo;

namespace McsOps.Benchmarks;

/// <summary>
/// Generates a valid import set of a given <see cref="ScaleProfile"/>: facilities, staff,
/// patients, groups, memberships and devices. One <see cref="Random"/> seeded per scale and dates
/// counted from <see cref="AsOf"/>, never the clock, so the same scale always gives byte-identical
/// files. Every code is unique and every reference points at a row of an earlier file.
/// </summary>
public sealed class ScaleGenerator
{
    /// <summary>The files of a set, in import order.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["facilities", "staff", "patients", "groups", "memberships", "devices"];

    /// <summary>
    /// The columns the generator fills, per kind, in its cell order. It writes this header rather
    /// than the kind's full column list, so that an optional column added to core later does not
    /// break it (import accepts optional columns left out); a required one is reported by name.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Headers = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["facilities"] = ["facility_code", "name", "kind", "is_home"],
        ["staff"] =
        [
            "staff_code", "facility_code", "name", "kana", "profession", "email", "roles", "status", "last_day", "identity_verified",
            "profile_complete", "photo_set", "password_class", "password_changed_on", "pledge_signed_on", "last_training_on",
            "slack_user_id", "teams_user_id", "os_user",
        ],
        ["patients"] =
        [
            "patient_code", "name", "kana", "attending_staff_code", "status", "discharged_on", "discharge_reason", "consent_form",
            "consent_signed_on", "consent_signed_by", "consent_refused_facilities", "consent_withdrawn_on",
        ],
        ["groups"] = ["group_code", "kind", "mcs_name", "patient_code", "owner_staff_code", "review_cron", "status", "created_on"],
        ["memberships"] = ["group_code", "staff_code", "state", "invited_by", "invited_on", "approved_on", "removed_on"],
        ["devices"] = ["asset_tag", "kind", "holder_staff_code", "offsite_approved", "client_cert", "status", "lost_on"],
    };

    /// <summary>The day every generated date is counted from.</summary>
    public static readonly DateOnly AsOf = new(2026, 10, 1);

    private static readonly string[] Reasons = ["death", "hospitalized", "facility_admission", "moved", "other_provider", "ended"];
    private static readonly string[] Forms = ["template1", "template1", "template1", "template2", "template2", "template3", "template4", "other"];
    private readonly ScaleProfile _profile;
    private readonly Random _rng;
    private readonly NamePicker _names;
    private readonly List<Site> _sites = [];
    private readonly List<Person> _staff = [];
    private readonly List<int> _admins = [];
    private readonly List<Case> _patients = [];
    private readonly Dictionary<string, List<int>> _sitesByKind = new(StringComparer.Ordinal);

    private ScaleGenerator(ScaleProfile profile)
    {
        _profile = profile;
        _rng = new Random(profile.Seed);
        _names = new NamePicker(_rng);
    }

    /// <summary>Generates the set and writes <c>{kind}.csv</c> files into the directory; returns each file's row count.</summary>
    public static IReadOnlyList<(string File, int Rows)> WriteTo(ScaleProfile profile, string directory)
    {
        Directory.CreateDirectory(directory);
        var written = new List<(string, int)>();
        foreach (var (kind, rows) in Generate(profile))
        {
            var header = Headers[kind];
            var path = Path.Combine(directory, kind + ".csv");
            using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                CsvFile.Write(stream, header, rows);
            }

            written.Add((path, rows.Count));
        }

        return written;
    }

    /// <summary>The six tables in import order, each row's cells in the kind's column order.</summary>
    public static IReadOnlyList<(string Kind, IReadOnlyList<string?[]> Rows)> Generate(ScaleProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var generator = new ScaleGenerator(profile);
        var facilities = generator.Facilities();
        var staff = generator.Staff();
        var patients = generator.Patients();
        var (groups, memberships) = new GroupWriter(generator).Write();
        var devices = generator.Devices();
        IReadOnlyList<string?[]>[] tables = [facilities, staff, patients, groups, memberships, devices];
        for (var i = 0; i < Kinds.Count; i++)
        {
            var header = Headers[Kinds[i]];
            var columns = CsvKinds.Find(Kinds[i])!.Columns;
            var unknown = header.Where(h => columns.All(c => c.Name != h)).ToList();
            var missing = columns.Where(c => c.Required && !header.Contains(c.Name)).Select(c => c.Name).ToList();
            if (unknown.Count > 0 || missing.Count > 0)
            {
                throw new InvalidOperationException(
                    $"{Kinds[i]}: the generator's columns do not match core's (unknown: {string.Join(",", unknown)}; required but not generated: {string.Join(",", missing)})");
            }

            if (tables[i].Any(r => r.Length != header.Length))
            {
                throw new InvalidOperationException($"{Kinds[i]}: a row does not have {header.Length} cells");
            }
        }

        return [.. Kinds.Select((k, i) => (k, tables[i]))];
    }

    private static string Code(char prefix, int n, int count) =>
        prefix + "-" + n.ToString(CultureInfo.InvariantCulture).PadLeft(Math.Max(4, count.ToString(CultureInfo.InvariantCulture).Length), '0');

    private static string? D(DateOnly? date) => Format.Date(date);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static string B(bool value) => Format.Bool(value);

    private DateOnly DaysAgo(int min, int max) => AsOf.AddDays(-_rng.Next(min, max + 1));

    private bool Chance(double p) => _rng.NextDouble() < p;

    private T Pick<T>(IReadOnlyList<T> from) => from[_rng.Next(from.Count)];

    private List<string?[]> Facilities()
    {
        var rows = new List<string?[]>();
        var total = _profile.ExternalFacilities + 1;
        string[] firstKinds = ["home_nursing", "pharmacy", "care_management", "care_provider", "hospital"];
        string[] bag = [.. Enumerable.Repeat("home_nursing", 30), .. Enumerable.Repeat("pharmacy", 22), .. Enumerable.Repeat("care_management", 20),
            .. Enumerable.Repeat("care_provider", 15), .. Enumerable.Repeat("hospital", 5), .. Enumerable.Repeat("clinic", 5), .. Enumerable.Repeat("other", 3)];
        for (var i = 0; i < total; i++)
        {
            var kind = i == 0 ? _profile.HomeKind : i <= firstKinds.Length ? firstKinds[i - 1] : Pick(bag);
            var code = Code('F', i + 1, total);
            var name = i == 0 ? (kind == "clinic" ? "桜台在宅クリニック" : "緑町中央病院") : _names.Facility(kind);
            _names.Reserve(name);
            _sites.Add(new Site(code, kind, $"f{i + 1:0000}.example.jp", []));
            if (i > 0)
            {
                if (!_sitesByKind.TryGetValue(kind, out var sameKind))
                {
                    _sitesByKind[kind] = sameKind = [];
                }

                sameKind.Add(i);
            }

            rows.Add([code, name, kind, B(i == 0)]);
        }

        return rows;
    }

    private List<string?[]> Staff()
    {
        var rows = new List<string?[]>();
        var total = _profile.HomeStaff + _profile.ExternalStaff;
        var admins = Math.Max(3, _profile.HomeStaff / 100);
        var auditors = Math.Max(1, _profile.HomeStaff / 300);
        var siteBag = new List<int>();
        for (var s = 1; s < _sites.Count; s++)
        {
            siteBag.AddRange(Enumerable.Repeat(s, _sites[s].Kind switch { "hospital" => 4, "clinic" => 2, _ => 1 }));
        }

        for (var i = 0; i < total; i++)
        {
            var home = i < _profile.HomeStaff;
            var site = home ? 0 : i - _profile.HomeStaff < _sites.Count - 1 ? i - _profile.HomeStaff + 1 : Pick(siteBag);
            var code = Code('S', i + 1, total);
            var admin = home && i < admins;
            var auditor = home && !admin && i < admins + auditors;
            var profession = i == 0 ? "doctor" : Profession(_sites[site].Kind, home);
            var (status, lastDay) = admin || auditor ? ("active", (DateOnly?)null) : Status(home);
            var (name, kana) = _names.Person();
            var (passwordClass, changedOn) = Password();
            var slack = home && Chance(0.5) ? _names.SlackId() : null;
            var teams = home && slack is null && Chance(0.3) ? "29:1" + _names.Hex(32) : null;
            rows.Add(
            [
                code, _sites[site].Code, name, kana, profession, code.ToLowerInvariant() + "@" + _sites[site].Domain,
                admin ? "admin" : auditor ? "auditor" : null, status, D(lastDay),
                B(Chance(0.97)), B(Chance(0.95)), B(Chance(0.9)), passwordClass, D(changedOn),
                home && Chance(0.97) ? D(DaysAgo(30, 2500)) : null, home ? Training() : null, slack, teams,
                admin || auditor ? $"mcs{i + 1:00}" : null,
            ]);
            _sites[site].Staff.Add(_staff.Count);
            if (admin)
            {
                _admins.Add(_staff.Count);
            }

            _staff.Add(new Person(code, site, profession, status));
        }

        return rows;
    }

    private string Profession(string kind, bool home)
    {
        var r = _rng.NextDouble();
        if (home)
        {
            return r switch { < 0.15 => "doctor", < 0.65 => "nurse", < 0.73 => "therapist", < 0.75 => "pharmacist", < 0.95 => "clerk", _ => "other" };
        }

        return kind switch
        {
            "home_nursing" => r < 0.8 ? "nurse" : "therapist",
            "pharmacy" => r < 0.9 ? "pharmacist" : "clerk",
            "care_management" => "care_manager",
            "care_provider" => r < 0.9 ? "care_worker" : "care_manager",
            "hospital" => r switch { < 0.25 => "doctor", < 0.7 => "nurse", < 0.85 => "other", _ => "therapist" },
            "clinic" => r switch { < 0.4 => "doctor", < 0.9 => "nurse", _ => "clerk" },
            _ => r < 0.6 ? "other" : "care_manager",
        };
    }

    private (string Status, DateOnly? LastDay) Status(bool home)
    {
        var r = _rng.NextDouble();
        return r switch
        {
            < 0.02 when home => ("leaving", AsOf.AddDays(_rng.Next(1, 46))),
            < 0.01 => ("leaving", AsOf.AddDays(_rng.Next(1, 46))),
            < 0.05 => ("departed", DaysAgo(10, 400)),
            < 0.06 => ("suspended", null),
            _ => ("active", null),
        };
    }

    /// <summary>40% 13mixed, 25% 2fa, 30% 8rotating changed 0–80 days ago (some overdue), 5% unknown.</summary>
    private (string Class, DateOnly? ChangedOn) Password() => _rng.NextDouble() switch
    {
        < 0.40 => ("13mixed", DaysAgo(0, 900)),
        < 0.65 => ("2fa", DaysAgo(0, 900)),
        < 0.95 => ("8rotating", DaysAgo(0, 80)),
        _ => ("unknown", null),
    };

    private string? Training() => _rng.NextDouble() switch
    {
        < 0.85 => D(DaysAgo(0, 364)),
        < 0.95 => D(DaysAgo(366, 900)),
        _ => null,
    };

    private List<string?[]> Patients()
    {
        var rows = new List<string?[]>();
        var doctors = _sites[0].Staff.Where(s => _staff[s].Profession == "doctor" && _staff[s].Status != "departed").ToList();
        for (var i = 0; i < _profile.Patients; i++)
        {
            var code = Code('P', i + 1, _profile.Patients);
            var family = _names.Family();
            var given = _names.Given();
            var created = DaysAgo(30, 1500);
            var age = AsOf.DayNumber - created.DayNumber;
            var (status, dischargedOn) = _rng.NextDouble() switch
            {
                < 0.02 => ("discharged", (DateOnly?)DaysAgo(1, Math.Min(60, age - 1))),
                < 0.05 => ("archived", created.AddDays(_rng.Next(1, age))),
                < 0.055 => ("transferred", null),
                _ => ("active", null),
            };
            int[] team =
            [
                Pick(_sitesByKind["home_nursing"]), Pick(_sitesByKind["pharmacy"]), Pick(_sitesByKind["care_management"]),
                Pick(_sitesByKind["care_provider"]), .. Chance(0.15) ? new[] { Pick(_sitesByKind["hospital"]) } : [],
            ];
            var p = new Case(code, family.Name, given.Name, Pick(doctors), status, created, team);
            _patients.Add(p);
            rows.Add(PatientRow(p, family.Kana + " " + given.Kana, dischargedOn));
        }

        return rows;
    }

    private string?[] PatientRow(Case p, string kana, DateOnly? dischargedOn)
    {
        string?[] row =
        [
            p.Code, p.Family + " " + p.Given, kana, _staff[p.Attending].Code, p.Status, D(dischargedOn),
            dischargedOn is null ? null : Pick(Reasons), null, null, null, null, null,
        ];
        var r = _rng.NextDouble();
        if (r < 0.03)
        {
            return row; // no consent on file
        }

        var signed = p.Created.AddDays(-_rng.Next(0, 15));
        row[7] = Pick(Forms);
        row[8] = D(signed);
        row[9] = Chance(0.65) ? "patient" : "family";
        if (r < 0.07)
        {
            var refused = Chance(0.5) ? Pick(p.Team) : _rng.Next(1, _sites.Count);
            row[10] = _sites[refused].Code;
        }
        else if (r < 0.08)
        {
            row[11] = D(signed.AddDays(_rng.Next(1, AsOf.DayNumber - signed.DayNumber)));
        }

        return row;
    }

    private List<string?[]> Devices()
    {
        var rows = new List<string?[]>();
        var home = _sites[0].Staff;
        for (var i = 1; i <= _profile.Devices; i++)
        {
            var status = i % 200 == 7 ? "lost" : _rng.NextDouble() switch { < 0.06 => "returned", < 0.11 => "retired", _ => "in_use" };
            var kind = _rng.NextDouble() switch { < 0.55 => "smartphone", < 0.80 => "tablet", < 0.98 => "pc", _ => "other" };
            var held = status is "in_use" or "lost";
            rows.Add(
            [
                Code('D', i, _profile.Devices), kind, held ? _staff[Pick(home)].Code : null, B(held && kind != "pc" && Chance(0.9)),
                held ? "cert-" + _names.Hex(8) : null, status, status == "lost" ? D(DaysAgo(0, 30)) : null,
            ]);
        }

        return rows;
    }

    /// <summary>Writes the groups and their memberships; nested so that it shares the generator's state and random stream.</summary>
    private sealed class GroupWriter(ScaleGenerator g)
    {
        private static readonly string[] Topics =
        [
            "多職種連携 連絡用", "在宅医療連携会議", "褥瘡ケア 勉強会", "緩和ケア カンファレンス", "服薬支援 連絡",
            "訪問看護 調整", "退院支援 連絡", "感染対策 情報共有", "看取り支援 チーム", "ケアマネ連絡会",
        ];

        private readonly List<string?[]> _groups = [];
        private readonly List<string?[]> _memberships = [];
        private readonly List<int> _members = [];

        public (List<string?[]> Groups, List<string?[]> Memberships) Write()
        {
            var home = g._sites[0].Staff.Where(s => g._staff[s].Status != "departed").ToList();
            var nurses = home.Where(s => g._staff[s].Profession == "nurse").ToList();
            var others = home.Where(s => g._staff[s].Profession is "therapist" or "clerk" or "other").ToList();
            var sizes = Sizes();
            var total = sizes.Length;
            for (var i = 0; i < total; i++)
            {
                var code = Code('G', i + 1, total);
                _members.Clear();
                if (i < g._patients.Count)
                {
                    PatientGroup(code, g._patients[i], sizes[i], nurses, others);
                }
                else
                {
                    FreeGroup(code, sizes[i], home);
                }
            }

            return (_groups, _memberships);
        }

        /// <summary>8–14 members per patient group and 15–60 per free group, nudged until they add up to the profile's total.</summary>
        private int[] Sizes()
        {
            var patients = g._patients.Count;
            var sizes = new int[patients + g._profile.FreeGroups];
            for (var i = 0; i < sizes.Length; i++)
            {
                sizes[i] = i < patients ? g._rng.Next(8, 15) : g._rng.Next(15, 61);
            }

            var diff = g._profile.Memberships - sizes.Sum();
            while (diff != 0)
            {
                var i = g._rng.Next(patients);
                var step = Math.Sign(diff);
                if (sizes[i] + step is >= 8 and <= 14)
                {
                    sizes[i] += step;
                    diff -= step;
                }
            }

            return sizes;
        }

        private void PatientGroup(string code, Case p, int size, List<int> nurses, List<int> others)
        {
            var owner = g.Chance(0.7) ? p.Attending : g.Pick(nurses);
            var status = p.Status switch
            {
                "active" => "active",
                "discharged" => g.Chance(0.7) ? "active" : "archive_pending",
                _ => "archived",
            };
            var name = g.Chance(0.6) ? p.Family + "様 在宅チーム" : p.Family + " " + p.Given + "様";
            _groups.Add([code, "patient", name, p.Code, g._staff[owner].Code, null, status, D(p.Created)]);
            Add(p.Attending);
            Add(owner);
            var station = g._sites[p.Team[0]].Staff;
            for (var k = g._rng.Next(1, 4); k > 0; k--)
            {
                Add(g.Pick(nurses));
            }

            for (var k = g._rng.Next(2, 4); k > 0; k--)
            {
                Add(g.Pick(station));
            }

            foreach (var site in p.Team.Skip(1))
            {
                Add(g.Pick(g._sites[site].Staff));
            }

            while (_members.Count < size)
            {
                Add(g._rng.NextDouble() switch
                {
                    < 0.4 => g.Pick(station),
                    < 0.7 => g.Pick(nurses),
                    < 0.85 => g.Pick(others),
                    < 0.95 => g.Pick(g._sites[g.Pick(p.Team)].Staff),
                    _ => g._rng.Next(g._profile.HomeStaff, g._staff.Count),
                });
            }

            foreach (var member in _members.Take(size))
            {
                Membership(code, member, p.Created, status, member == p.Attending || member == owner);
            }
        }

        private void FreeGroup(string code, int size, List<int> home)
        {
            var owner = g.Pick(home);
            var created = g.DaysAgo(30, 2000);
            var cron = g._rng.NextDouble() switch { < 0.3 => "0 9 1 4,10 *", < 0.4 => "0 9 1 1,4,7,10 *", _ => null };
            var place = g.Pick(JapaneseNames.PlaceNames);
            _groups.Add([code, "free", place + " " + g.Pick(Topics), null, g._staff[owner].Code, cron, "active", D(created)]);
            Add(owner);
            while (_members.Count < size)
            {
                Add(g.Chance(0.5) ? g.Pick(home) : g._rng.Next(g._profile.HomeStaff, g._staff.Count));
            }

            foreach (var member in _members)
            {
                Membership(code, member, created, "active", member == owner);
            }
        }

        private void Add(int staff)
        {
            if (!_members.Contains(staff))
            {
                _members.Add(staff);
            }
        }

        /// <summary>
        /// Mostly active; in active groups some invitations awaiting approval, some removed and a
        /// few decided removals. A departed member is usually removed, sometimes forgotten.
        /// </summary>
        private void Membership(string group, int staff, DateOnly created, string groupStatus, bool core)
        {
            var person = g._staff[staff];
            var home = person.Site == 0;
            var invited = Min(created.AddDays(g._rng.Next(0, 31)), AsOf.AddDays(-1));
            var approved = Min(invited.AddDays(g._rng.Next(0, 4)), AsOf);
            var removed = approved.AddDays(g._rng.Next(0, AsOf.DayNumber - approved.DayNumber + 1));
            var r = g._rng.NextDouble();
            var state = person.Status == "departed"
                ? (r < 0.8 ? "removed" : "active")
                : groupStatus != "active" || core ? "active"
                : r switch { < 0.01 when !home => "invited", < 0.035 => "removed", < 0.038 => "removal_pending", _ => "active" };
            if (state == "invited")
            {
                invited = g.DaysAgo(0, 9);
            }

            var by = home && state != "invited" ? null : g._staff[g.Pick(g._admins)].Code;
            _memberships.Add(
            [
                group, person.Code, state, by, home && state != "invited" ? null : D(invited),
                state == "invited" ? null : D(home ? created : approved), state == "removed" ? D(removed) : null,
            ]);
        }
    }

    private sealed record Site(string Code, string Kind, string Domain, List<int> Staff);

    private sealed record Person(string Code, int Site, string Profession, string Status);

    private sealed record Case(string Code, string Family, string Given, int Attending, string Status, DateOnly Created, int[] Team);
}
