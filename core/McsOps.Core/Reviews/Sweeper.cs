using McsOps.Core.Scheduling;
using McsOps.Core.Storage;

namespace McsOps.Core;

/// <summary>
/// The scheduler sweep (design §5, issue "policies"): opens the reviews that are due, escalates,
/// and writes reminders to the outbox. Idempotent: every message has a key built from what it is
/// about, so sweeping twice at one instant enqueues nothing new. Works in batches of small
/// transactions (LiteDB queries slow down inside a large one); each batch is complete in itself.
/// </summary>
public sealed class Sweeper(PolicySettings policy)
{
    private const int Batch = 1000;
    private readonly Notifications _n = new(policy);

    public SweepResult Run(IStore store, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(store);
        // Read before any is opened: re-reading every review this sweep opens only to skip it cost
        // ~0.5 s on a region's first sweep of a quarter.
        var alreadyOpen = store.Read(s => s.Reviews.Open());
        var escalatedGroups = new List<string>();
        var (opened, openMessages) = OpenOwedReviews(store, at, escalatedGroups);
        var reviewMessages = RemindAndEscalate(store, at, alreadyOpen, escalatedGroups);
        var others = store.Write(s =>
        {
            var admins = Admins(s);
            return NotifyEscalations(s, at, escalatedGroups, admins) + RemindStaff(s, at, admins) + Digest(s, at, admins);
        });
        return new SweepResult(opened, escalatedGroups.Count, openMessages + reviewMessages + others);
    }

    /// <summary>Opens every review owed at <paramref name="at"/>, each already reminded or escalated as its age says.</summary>
    private (int Opened, int Messages) OpenOwedReviews(IStore store, DateTimeOffset at, List<string> escalated)
    {
        var owed = store.Read(s => s.Due.ReviewsOwed(at));
        if (owed.Count == 0)
        {
            return (0, 0);
        }

        var staff = store.Read(s => s.Staff.All().ToDictionary(x => x.Code));
        var patients = store.Read(s => s.Patients.All().ToDictionary(x => x.Code));
        var groups = store.Read(s => s.Groups.All().ToDictionary(x => x.Code));
        var sources = ReadSources(store, owed, staff, patients);
        var opened = 0;
        var messages = 0;
        foreach (var chunk in owed.Chunk(Batch))
        {
            messages += store.Write(s =>
            {
                var m = 0;
                foreach (var f in chunk)
                {
                    if (!groups.TryGetValue(f.Group, out var group)
                        || ReviewPolicy.Occurrence(f.Cron, f.ReviewNext!.Value, at, policy) is not { } occurrence)
                    {
                        continue;
                    }

                    var review = ReviewOpener.Build(group, occurrence, adHoc: false, policy, sources, at);
                    ReviewOpener.Save(s, review, Actor.System, policy);
                    opened++;
                    if (review.Status == ReviewStatus.Escalated)
                    {
                        escalated.Add(review.Group.Value);
                    }

                    m += Follow(s, review, at, escalated);
                }

                return m;
            });
        }

        return (opened, messages);
    }

    /// <summary>
    /// The active members and last review of every owed group, read before any is opened. Read in
    /// order of group code, a batch at a time: membership and review ids start with the group
    /// code, so a batch's are one range of ids each (two queries per group were over a third of a
    /// region's first sweep). The reviews are then built and stored in the order they are owed, as
    /// before; what they need is held as values in one array, since holding 24,000 built reviews
    /// (and their ~290,000 items) instead had the garbage collector copy them through every generation.
    /// </summary>
    private ReviewSources ReadSources(IStore store, IReadOnlyList<GroupFacts> owed, Dictionary<StaffCode, Staff> staff, Dictionary<PatientCode, Patient> patients)
    {
        var members = new List<ReviewMember>(owed.Sum(f => f.ActiveMembers));
        var ranges = new Dictionary<GroupCode, (int Start, int Count)>(owed.Count);
        var lastOpened = new Dictionary<GroupCode, DateTimeOffset>();
        foreach (var chunk in owed.OrderBy(f => f.Group.Value, StringComparer.Ordinal).Chunk(Batch))
        {
            store.Read(s =>
            {
                var codes = chunk.Select(f => f.Group).ToHashSet();
                var active = s.Memberships.ActiveMembersOf(codes);
                foreach (var f in chunk)
                {
                    var start = members.Count;
                    foreach (var m in active[f.Group])
                    {
                        // The staff record's code: one string per staff member, not one per membership read.
                        members.Add(new ReviewMember(staff.TryGetValue(m.Staff, out var x) ? x.Code : m.Staff, ReviewPolicy.AddedOn(m, policy.Clock)));
                    }

                    ranges[f.Group] = (start, members.Count - start);
                }

                foreach (var reviews in s.Reviews.ByGroups(codes))
                {
                    if (ReviewPolicy.LastOpened(reviews) is { } last)
                    {
                        lastOpened[reviews.Key] = last;
                    }
                }

                return 0;
            });
        }

        var all = members.ToArray();
        return new ReviewSources(
            g => ranges.TryGetValue(g, out var r) ? new ArraySegment<ReviewMember>(all, r.Start, r.Count) : [],
            g => lastOpened.TryGetValue(g, out var t) ? t : null,
            staff.GetValueOrDefault,
            patients.GetValueOrDefault);
    }

    /// <summary>Reminds and escalates the reviews that were already open before this sweep.</summary>
    private int RemindAndEscalate(IStore store, DateTimeOffset at, IReadOnlyList<Review> open, List<string> escalated) =>
        open.Chunk(Batch).Sum(chunk => store.Write(s => chunk.Sum(review => Follow(s, review, at, escalated))));

    /// <summary>
    /// What an open review needs at <paramref name="at"/>: the latest reminder day reached (only to
    /// a reviewer who still has pending items) and, from day 7, escalation to the admins.
    /// </summary>
    private int Follow(IStoreSession s, Review review, DateTimeOffset at, List<string> escalated)
    {
        var m = 0;
        var openedOn = policy.Clock.DateOf(review.OpenedAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var days = ReviewPolicy.ReminderDaysReached(review, at, policy).ToList();
        if (review.Pending > 0 && review.Reviewer is { } reviewer && days.Count > 0)
        {
            var day = days.Max();
            m += Enqueue(s, _n.Message($"review:{review.Group.Value}:{openedOn}:day{day}:{reviewer.Value}", reviewer, "review_reminder", at, ReviewContent(review)));
        }

        if (ReviewPolicy.ShouldEscalate(review, at, policy))
        {
            s.Reviews.Upsert(review with { Status = ReviewStatus.Escalated, EscalatedAt = at });
            s.Audit.Append(Actor.System, "reviews.escalate", review.Group.Value, $"day {policy.EscalationDay}; pending {review.Pending}");
            escalated.Add(review.Group.Value);
        }

        return m;
    }

    /// <summary>One message per admin for all the reviews this sweep escalated to them (the fallback reviewers).</summary>
    private int NotifyEscalations(IStoreSession s, DateTimeOffset at, List<string> groups, IReadOnlyList<StaffCode> admins)
    {
        if (groups.Count == 0)
        {
            return 0;
        }

        groups.Sort(StringComparer.Ordinal);
        var m = 0;
        foreach (var admin in admins)
        {
            m += Enqueue(s, _n.Message($"escalation:{at.ToUnixTimeMilliseconds()}:{admin.Value}", admin, "review_escalation", at, new MessageContent
            {
                Text = _n.T("msg.escalation", groups.Count, string.Join(", ", groups.Take(10)) + (groups.Count > 10 ? " …" : string.Empty)),
                Buttons = [.. groups.Take(5).Select(g => new MessageButton(_n.T("msg.button.review") + " " + g, ChatActions.ReviewGroup, g))],
            }));
        }

        return m;
    }

    private MessageContent ReviewContent(Review review) => new()
    {
        Text = _n.T("msg.review", review.Group.Value, review.Pending, review.DueOn.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture)),
        Buttons = [new MessageButton(_n.T("msg.button.review"), ChatActions.ReviewGroup, review.Group.Value)],
    };

    /// <summary>Password rotation, lost devices, offboarding items, training and pledge.</summary>
    private int RemindStaff(IStoreSession s, DateTimeOffset at, IReadOnlyList<StaffCode> admins)
    {
        var today = policy.Clock.DateOf(at);
        var day = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var month = today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var m = 0;
        foreach (var staff in s.Due.PasswordCandidates(today.AddMonths(-policy.RotationMonths).AddDays(policy.PasswordReminderDays.Max() + 4)))
        {
            if (PasswordPolicy.Rotation(staff, policy.RotationMonths) is not (PasswordPolicy.Rotate, { } due))
            {
                continue;
            }

            var left = due.DayNumber - today.DayNumber;
            var key = left < 0 ? $"password:{staff.Code.Value}:{due:yyyy-MM-dd}:overdue:{day}"
                : policy.PasswordReminderDays.Contains(left) ? $"password:{staff.Code.Value}:{due:yyyy-MM-dd}:d{left}" : null;
            if (key is not null)
            {
                m += Enqueue(s, _n.Message(key, staff.Code, "password_reminder", at, new MessageContent
                {
                    Text = left < 0 ? _n.T("msg.password.overdue", due.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture))
                        : _n.T("msg.password.soon", due.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture), left),
                }));
            }
        }

        foreach (var d in s.Devices.All().Where(d => d is { Status: DeviceStatus.Lost, Holder: not null }))
        {
            if (s.Staff.Find(d.Holder!.Value) is { } holder && PasswordPolicy.MustChangeAfterLoss(holder, d))
            {
                m += Enqueue(s, _n.Message($"password-lost:{holder.Code.Value}:{d.Tag.Value}", holder.Code, "password_change_now", at,
                    new MessageContent { Text = _n.T("msg.password.lost", d.Tag.Value) }, urgent: true));
            }
        }

        foreach (var c in s.Checklists.Open())
        {
            foreach (var owner in c.Items.Where(i => !i.IsDone).GroupBy(i => i.Owner))
            {
                foreach (var recipient in owner.Key is { } leaver ? [leaver] : admins)
                {
                    m += Enqueue(s, _n.Message($"checklist:{c.Staff.Value}:{recipient.Value}:{day}", recipient, "checklist_reminder", at, new MessageContent
                    {
                        Text = _n.T("msg.checklist", c.Staff.Value, owner.Count(), c.LastDay.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture)),
                        Fields = [.. owner.Select(i => new MessageField(Tokens.Format(i.Kind), i.Subject ?? "-"))],
                    }));
                }
            }
        }

        foreach (var staff in s.Due.TrainingCandidates(today.AddMonths(-policy.TrainingIntervalMonths)))
        {
            m += Enqueue(s, _n.Message($"training:{staff.Code.Value}:{month}", staff.Code, "training_reminder", at, new MessageContent { Text = _n.T("msg.training") }));
        }

        foreach (var staff in s.Due.WithoutPledge())
        {
            m += Enqueue(s, _n.Message($"pledge:{staff.Code.Value}:{month}", staff.Code, "pledge_reminder", at, new MessageContent { Text = _n.T("msg.pledge") }));
        }

        return m;
    }

    /// <summary>The first sweep at or after each digest time writes one digest per admin.</summary>
    private int Digest(IStoreSession s, DateTimeOffset at, IReadOnlyList<StaffCode> admins)
    {
        var schedule = new Schedule(policy.DigestSchedule, policy.Zone);
        if (schedule.Latest(at.AddDays(-7), at) is not { } time)
        {
            return 0;
        }

        var date = policy.Clock.DateOf(time).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var actions = s.Actions.Open();
        var today = policy.Clock.DateOf(at);
        List<MessageField> fields = [.. actions.GroupBy(a => a.Kind).OrderBy(g => g.Key).Select(g => new MessageField(Tokens.Format(g.Key), g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        if (Unlinked(s) is { Count: > 0 } unlinked)
        {
            fields.Add(new MessageField(_n.T("msg.digest.unlinked"), string.Join(", ", unlinked.Take(MaxListed)) + (unlinked.Count > MaxListed ? $" … (+{unlinked.Count - MaxListed})" : string.Empty)));
        }

        var m = 0;
        foreach (var admin in admins)
        {
            m += Enqueue(s, _n.Message($"digest:{date}:{admin.Value}", admin, "digest", at, new MessageContent
            {
                Text = _n.T("msg.digest", actions.Count, actions.Count(a => a.DueOn < today)),
                Fields = fields,
            }));
        }

        return m;
    }

    private const int MaxListed = 30;

    /// <summary>The codes of the recipients whose messages the dispatcher holds because they have no chat linked (<see cref="OutboxMessage.Unlinked"/>).</summary>
    private static List<string> Unlinked(IStoreSession s) =>
        [.. s.Outbox.ByState(OutboxState.Pending).Where(o => o.LastError == OutboxMessage.Unlinked).Select(o => o.Recipient.Value).Distinct().Order(StringComparer.Ordinal)];

    private static IReadOnlyList<StaffCode> Admins(IStoreSession s) =>
        [.. s.Staff.All().Where(x => x.Roles.HasFlag(StaffRoles.Admin) && x.Status != StaffStatus.Departed).Select(x => x.Code).OrderBy(c => c.Value, StringComparer.Ordinal)];

    private static int Enqueue(IStoreSession s, OutboxMessage message) => s.Outbox.Enqueue(message) ? 1 : 0;
}
