using McsOps.Core.Scheduling;
using McsOps.Core.Storage;

namespace McsOps.Core;

/// <summary>
/// 対応が必要な項目: every finding of design §5 at one instant, from indexed look-ups only.
/// Evaluating at another instant (<c>--at</c>) changes only the clock, never the data; reviews
/// that the policy holds open then are listed whether or not a sweep has recorded them.
/// </summary>
public static class DueList
{
    public static IReadOnlyList<DueFinding> Compute(IStoreSession s, PolicySettings policy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(policy);
        var today = policy.Clock.DateOf(at);
        var horizon = today.AddDays(policy.UpcomingDays);
        var list = new List<DueFinding>();

        void Add(DueCategory category, string kind, string subject, DateOnly? due, StaffCode? owner, string detail)
        {
            if (Severities.Of(due, today, policy.UpcomingDays) is { } severity)
            {
                list.Add(new DueFinding(category, kind, severity, subject, due, owner, detail));
            }
        }

        foreach (var r in s.Reviews.Open())
        {
            Add(DueCategory.Review, r.Status == ReviewStatus.Escalated ? ReviewPolicy.EscalatedKind : ReviewPolicy.Kind,
                r.Group.Value, r.DueOn, r.Reviewer, $"pending {r.Pending}/{r.Items.Count}");
        }

        // Groups on one schedule share their occurrence: compute it (and its dates) once per schedule.
        var occurrences = new Dictionary<(string?, DateTimeOffset), (DateOnly Due, string Opened)?>();
        foreach (var f in s.Due.ReviewsOwed(at))
        {
            var key = (f.Cron, f.ReviewNext!.Value);
            if (!occurrences.TryGetValue(key, out var review))
            {
                occurrences[key] = review = ReviewPolicy.Occurrence(f.Cron, f.ReviewNext.Value, at, policy) is { } o
                    ? (ReviewPolicy.DueOn(o, policy), $"opened {policy.Clock.DateOf(o):yyyy-MM-dd}; members ")
                    : null;
            }

            if (review is { } r)
            {
                Add(DueCategory.Review, ReviewPolicy.Kind, f.Group.Value, r.Due, f.Owner, r.Opened + f.ActiveMembers.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        foreach (var a in s.Actions.Open())
        {
            Add(DueCategory.McsAction, Tokens.Format(a.Kind), a.Subject, a.DueOn, a.Owner, a.Member is { } m ? $"member {m.Value}" : string.Empty);
        }

        foreach (var m in s.Due.PendingInvitations(horizon.AddDays(-policy.InvitationDueDays)))
        {
            Add(DueCategory.Invitation, InvitationPolicy.Kind, m.Group.Value, m.InvitedOn?.AddDays(policy.InvitationDueDays), null,
                "invitee " + m.Invitee.Value);
        }

        // A few days of slack: month arithmetic clamps to the month's end (12-31 + 2 months = 02-28).
        foreach (var staff in s.Due.PasswordCandidates(horizon.AddMonths(-policy.RotationMonths).AddDays(4)))
        {
            if (PasswordPolicy.Rotation(staff, policy.RotationMonths) is { } rotation)
            {
                Add(DueCategory.Password, rotation.Kind, staff.Code.Value, rotation.Due, staff.Code, Tokens.Format(staff.PasswordClass));
            }
        }

        foreach (var staff in s.Due.TrainingCandidates(horizon.AddMonths(-policy.TrainingIntervalMonths).AddDays(4)))
        {
            Add(DueCategory.Training, "security_training", staff.Code.Value, staff.LastTrainingOn?.AddMonths(policy.TrainingIntervalMonths), staff.Code,
                staff.LastTrainingOn is null ? "never" : $"last {staff.LastTrainingOn:yyyy-MM-dd}");
        }

        foreach (var staff in s.Due.WithoutPledge())
        {
            Add(DueCategory.Pledge, "missing_pledge", staff.Code.Value, null, staff.Code, string.Empty);
        }

        foreach (var f in s.Due.ConsentFindings())
        {
            Add(DueCategory.Consent, f.ConsentFinding!, f.Group.Value, null, f.Owner, string.Empty);
        }

        AddDevices(s, Add);

        foreach (var c in s.Checklists.Open())
        {
            foreach (var item in c.Items.Where(i => !i.IsDone))
            {
                Add(DueCategory.Offboarding, Tokens.Format(item.Kind), c.Staff.Value, item.DueOn, item.Owner, item.Subject ?? string.Empty);
            }

            if (c.Items.All(i => i.IsDone))
            {
                Add(DueCategory.Offboarding, "sign_off", c.Staff.Value, c.LastDay, null, string.Empty);
            }
        }

        // The last backup failed: overdue (no date of its own) until a backup succeeds.
        if (s.Backups.Last() is { Ok: false } failed)
        {
            Add(DueCategory.Backup, "backup_failed", failed.File, null, null, failed.Error ?? string.Empty);
        }

        return Sorted(list);
    }

    /// <summary>
    /// Most urgent first, then by date, category, subject and kind. On a region ~25,000 findings
    /// share severity, date and category and differ by subject: comparing numbers first instead of
    /// strings (see <see cref="SortKey"/>), without a delegate call per comparison, took the sort
    /// from ~25 ms to ~9.
    /// </summary>
    private static List<DueFinding> Sorted(List<DueFinding> findings)
    {
        var keys = new SortKey[findings.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = SortKey.Of(findings[i]);
        }

        Array.Sort(keys);
        for (var i = 0; i < keys.Length; i++)
        {
            findings[i] = keys[i].Finding;
        }

        return findings;
    }

    private static void AddDevices(IStoreSession s, Action<DueCategory, string, string, DateOnly?, StaffCode?, string> add)
    {
        var departed = s.Due.Departed().ToDictionary(x => x.Code);
        foreach (var d in s.Devices.All())
        {
            if (d.Status == DeviceStatus.Lost)
            {
                add(DueCategory.Device, "lost_device", d.Tag.Value, d.LostOn, d.Holder, d.Holder is { } h ? $"holder {h.Value}" : string.Empty);
                if (d.Holder is { } holderCode && s.Staff.Find(holderCode) is { } holder && PasswordPolicy.MustChangeAfterLoss(holder, d))
                {
                    add(DueCategory.Password, PasswordPolicy.ChangeNow, holderCode.Value, d.LostOn, holderCode, $"device {d.Tag.Value} lost");
                }
            }
            else if (d.Status == DeviceStatus.InUse && d.Holder is { } holder && departed.TryGetValue(holder, out var leaver))
            {
                add(DueCategory.Device, "not_returned", d.Tag.Value, leaver.LastDay, null, $"holder {holder.Value} departed");
            }
        }
    }

    /// <summary>
    /// A finding's place in the list: severity, date and category packed into one number, then
    /// the subject's first eight characters packed into another that orders as
    /// <see cref="string.CompareOrdinal(string, string)"/> does. Only findings equal in both are
    /// compared as strings.
    /// </summary>
    internal readonly record struct SortKey(long Primary, ulong Head, DueFinding Finding) : IComparable<SortKey>
    {
        public static SortKey Of(DueFinding f) => new(
            ((long)f.Severity << 40) | ((long)(f.Due ?? DateOnly.MinValue).DayNumber << 8) | (long)f.Category,
            HeadOf(f.Subject),
            f);

        /// <summary>As <see cref="IComparable{T}"/>, so that Array.Sort calls it directly rather than through a delegate.</summary>
        public int CompareTo(SortKey other)
        {
            var c = Primary.CompareTo(other.Primary);
            if (c == 0)
            {
                c = Head.CompareTo(other.Head);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(Finding.Subject, other.Finding.Subject);
            }

            return c != 0 ? c : string.CompareOrdinal(Finding.Kind, other.Finding.Kind);
        }

        /// <summary>
        /// One byte per character; a string that ends early pads with 0, and from the first
        /// character that does not fit below 0xFF every byte is 0xFF, so that two heads that
        /// differ order their strings correctly and two that are equal leave it to the full compare.
        /// </summary>
        private static ulong HeadOf(string s)
        {
            ulong head = 0;
            var wide = false;
            for (var i = 0; i < 8; i++)
            {
                var c = i < s.Length ? s[i] : '\0';
                wide |= c >= 0xFF;
                head = (head << 8) | (wide ? 0xFFu : c);
            }

            return head;
        }
    }
}
