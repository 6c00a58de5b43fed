using System.Globalization;
using McsOps.Core.Application;

namespace McsOps.Core;

/// <summary>
/// The chat commands of design §7, one handler for every platform. It knows the caller only as a
/// platform user: an unlinked one gets the <c>link</c> instructions and nothing else; a linked one
/// acts as their staff record (actor = staff code, channel = the platform) through the same
/// operations as the TUI, each deciding what that person may do. Answers are neutral content
/// with codes, staff names, professions and facilities — never a patient's name nor a group's name
/// in MCS. Keep one instance per process: it holds the <c>link</c> throttle.
/// </summary>
public sealed class ChatCommands
{
    /// <summary>At most this many rows in one message (Slack allows 50 blocks, two per member).</summary>
    public const int MaxRows = 20;

    private readonly Ops _ops;
    private readonly LinkThrottle _throttle;

    public ChatCommands(Ops ops)
    {
        ArgumentNullException.ThrowIfNull(ops);
        _ops = ops;
        _throttle = new LinkThrottle(ops.Time);
    }

    public Lang Lang => _ops.Policy.Language;

    public OutgoingMessage Handle(IncomingCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parsed = ChatCommand.Parse(command.Text);
        if (parsed.Verb == ChatVerb.Link)
        {
            return Link(command.Platform, command.PlatformUserId, parsed.Argument!);
        }

        return AsStaff(command.Platform, command.PlatformUserId, (me, actor) => parsed.Verb switch
        {
            ChatVerb.Help => Reply(T("chat.help")),
            ChatVerb.MyReviews => MyReviews(me, actor),
            ChatVerb.ReviewGroup => Sheet(me, actor, parsed.Argument!, null, null),
            ChatVerb.PasswordChanged => PasswordChanged(me, actor, parsed.Argument),
            ChatVerb.Checklist => Checklist(me, actor, null),
            ChatVerb.Status => Status(me, actor),
            _ => Reply(T("chat.unknown") + "\n" + T("chat.help")),
        });
    }

    public OutgoingMessage Handle(ActionInvoked action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return AsStaff(action.Platform, action.PlatformUserId, (me, actor) => action.ActionId switch
        {
            // A button's value is one McsOps wrote (codes and item ids): anything else is not answered
            // with its own text, which could be a name.
            _ when !IsButtonValue(action.Value) => Reply(T("chat.action.unknown")),
            ChatActions.ReviewGroup when Code.TryParse<GroupCode>(action.Value, out var group) => Sheet(me, actor, group.Value, null, null),
            ChatActions.Keep => Decide(me, actor, action, ReviewDecision.Keep),
            ChatActions.Remove => Decide(me, actor, action, ReviewDecision.Remove),
            ChatActions.Unsure => Decide(me, actor, action, ReviewDecision.Unsure),
            ChatActions.ChecklistDone when !string.IsNullOrWhiteSpace(action.Value) => Tick(me, actor, action),
            _ => Reply(T("chat.action.unknown")),
        });
    }

    private string T(string key, params object?[] args) => Text.Get(Lang, key, args);

    private static bool IsButtonValue(string? value) =>
        value is not null && value.Length <= 100 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':' or '/' or '.' or '@');

    private OutgoingMessage AsStaff(Channel platform, string userId, Func<Staff, Actor, OutgoingMessage> run)
    {
        var me = _ops.Execute(new FindChatUser(platform, userId), ChatUser(platform, userId));
        if (me is null)
        {
            return Reply(T("chat.link.howto"));
        }

        if (me.Status is StaffStatus.Departed or StaffStatus.Suspended)
        {
            return Reply(T("chat.inactive"));
        }

        try
        {
            return run(me, new Actor(me.Code.Value, platform));
        }
        catch (OpsException e)
        {
            return Reply(e.Localize(Lang));
        }
    }

    /// <summary>Who a chat user is before they are linked: recorded as the platform and its user id.</summary>
    private static Actor ChatUser(Channel platform, string userId) => new($"{Tokens.Format(platform)}:{userId}", platform);

    private OutgoingMessage Link(Channel platform, string userId, string code)
    {
        if (!_throttle.TryBegin(platform, userId, out var began))
        {
            return Reply(T("chat.link.refused"));
        }

        try
        {
            var staff = _ops.Execute(new LinkChatIdentity(code, platform, userId), ChatUser(platform, userId));
            _throttle.Forgive(platform, userId, began);
            return Reply(T("chat.link.done", staff.Code.Value, staff.Name));
        }
        catch (OpsException e)
        {
            var left = _throttle.Left(platform, userId);
            return Reply(e.Localize(Lang) + "\n" + (left > 0 ? T("chat.link.left", left) : T("chat.link.refused")));
        }
    }

    private OutgoingMessage MyReviews(Staff me, Actor actor)
    {
        var reviews = _ops.Execute(new ListReviewsFor(me.Code, MaxRows), actor);
        if (reviews.Total == 0)
        {
            return Reply(T("chat.reviews.none"));
        }

        return Reply(new MessageContent
        {
            Text = T("chat.reviews.title", reviews.Total) + More(reviews.Total),
            Fields = [.. reviews.First.Select(r => new MessageField(r.Group.Value, T("chat.reviews.row", r.Pending, r.Items.Count, Date(r.DueOn)))
            {
                Buttons = [new MessageButton(T("msg.button.review"), ChatActions.ReviewGroup, r.Group.Value)],
            })],
        });
    }

    /// <summary>
    /// The group's members for its review. Only its reviewer and the admins see them; the owner or
    /// an admin who finds no review open opens an ad-hoc one (the operation refuses an empty,
    /// archive_pending or archived group, and a second review).
    /// </summary>
    private OutgoingMessage Sheet(Staff me, Actor actor, string code, string? reviewId, MessageRef? replaces)
    {
        var sheet = _ops.Execute(new GetReviewSheet(code, reviewId), actor);
        if (sheet is null)
        {
            // Echo only what has the form of a code: a name typed (or sent) in its place is not repeated in chat.
            return Reply(Code.Normalize(code) is { } normalized && Code.IsValid(normalized) ? T("chat.sheet.unknown", normalized) : T("chat.sheet.notacode"));
        }

        var admin = me.Roles.HasFlag(StaffRoles.Admin);
        if (!admin && sheet.Owner != me.Code && sheet.Review?.Reviewer != me.Code)
        {
            return Reply(T("chat.sheet.notyours", sheet.Group.Value));
        }

        if (sheet.Review is null && sheet.Status == GroupStatus.Active && sheet.Rows.Count > 0)
        {
            try
            {
                _ops.Execute(new OpenReview(sheet.Group), actor);
            }
            catch (OpsException)
            {
                // Someone opened one a moment ago, or the group changed: the sheet read again shows which.
            }

            sheet = _ops.Execute(new GetReviewSheet(sheet.Group.Value), actor)!;
        }

        return new OutgoingMessage(Render(sheet), replaces);
    }

    private MessageContent Render(ReviewSheet sheet)
    {
        var review = sheet.Review;
        var open = review?.IsOpen == true;
        var state = review switch
        {
            { IsOpen: true } r => T("chat.sheet.open", r.Pending, r.Items.Count, Date(r.DueOn)) + (r.Status == ReviewStatus.Escalated ? "\n" + T("chat.sheet.escalated") : string.Empty),
            { Status: ReviewStatus.Completed } r => T("chat.sheet.completed", Count(r, ReviewDecision.Keep), Count(r, ReviewDecision.Remove), Count(r, ReviewDecision.Unsure)),
            { Status: ReviewStatus.Cancelled } => T("chat.sheet.cancelled"),
            null when sheet.Status != GroupStatus.Active => T("chat.sheet.notreviewed", T("chat.group." + Tokens.Format(sheet.Status))),
            _ => T("chat.sheet.empty"),
        };
        // More members than fit: the undecided first, so that every one can be reached.
        IReadOnlyList<ReviewSheetRow> rows = sheet.Rows.Count <= MaxRows ? sheet.Rows
            : [.. sheet.Rows.OrderBy(r => r.Decision is null or ReviewDecision.Pending ? 0 : 1).Take(MaxRows)];

        var title = T("chat.sheet.title", sheet.Group.Value) + (sheet.Patient is { } p ? " " + T("chat.sheet.patient", p.Value + (sheet.PatientInitials is { } initials ? " " + initials : string.Empty)) : string.Empty);
        return new MessageContent
        {
            Text = title + "\n" + state + More(sheet.Rows.Count),
            Fields = [.. rows.Select(r => new MessageField($"{r.Member.Value} {r.Name}", Describe(r)) { Buttons = open ? DecisionButtons(sheet.Group, r.Member) : [] })],
            Input = open ? new MessageInput(ChatActions.Justification, T("chat.sheet.justification")) : null,
        };
    }

    private static int Count(Review review, ReviewDecision decision) => review.Items.Count(i => i.Decision == decision);

    private string Describe(ReviewSheetRow row)
    {
        var text = T("chat.member", T("chat.profession." + Tokens.Format(row.Profession)), row.Facility);
        var signals = Enum.GetValues<MemberSignal>().Where(s => s != MemberSignal.None && row.Signals.HasFlag(s)).Select(s => T("chat.signal." + Tokens.Format(s))).ToList();
        if (signals.Count > 0)
        {
            text += "\n⚠ " + string.Join(Lang == Lang.Ja ? "、" : ", ", signals);
        }

        return row.Decision is { } d and not ReviewDecision.Pending ? text + "\n→ " + T("chat.decision." + Tokens.Format(d)) : text;
    }

    private List<MessageButton> DecisionButtons(GroupCode group, StaffCode member) =>
    [
        new(T("chat.decision.keep"), ChatActions.Keep, $"{group.Value}/{member.Value}"),
        new(T("chat.decision.remove"), ChatActions.Remove, $"{group.Value}/{member.Value}"),
        new(T("chat.decision.unsure"), ChatActions.Unsure, $"{group.Value}/{member.Value}"),
    ];

    /// <summary>A decision clicked on a sheet: recorded, and the sheet replaced by its new state (the summary once the last member is decided).</summary>
    private OutgoingMessage Decide(Staff me, Actor actor, ActionInvoked action, ReviewDecision decision)
    {
        var parts = action.Value.Split('/');
        if (parts.Length != 2 || !Code.TryParse<GroupCode>(parts[0], out var group) || !Code.TryParse<StaffCode>(parts[1], out var member))
        {
            return Reply(T("chat.action.unknown"));
        }

        var review = _ops.Execute(new RecordDecision(group, member, decision, action.Input), actor);
        return Sheet(me, actor, group.Value, review.IsOpen ? null : review.Id, action.Message);
    }

    private OutgoingMessage PasswordChanged(Staff me, Actor actor, string? argument)
    {
        var passwordClass = argument is null ? me.PasswordClass : Tokens.TryParse<PasswordClass>(argument, out var c) ? c : PasswordClass.Unknown;
        if (passwordClass == PasswordClass.Unknown)
        {
            return Reply(T("chat.password.which"));
        }

        var today = _ops.Policy.Clock.DateOf(_ops.Time.GetUtcNow());
        _ops.Execute(new RecordPasswordChange(me.Code, passwordClass, today), actor);
        return Reply(T("chat.password.done", T("chat.password." + Tokens.Format(passwordClass)), Date(today)));
    }

    /// <summary>The caller's own open checklist items, each with a done button.</summary>
    private OutgoingMessage Checklist(Staff me, Actor actor, MessageRef? replaces)
    {
        var checklist = _ops.Execute(new GetStaffDetail(me.Code), actor).Checklist;
        var items = checklist is { IsOpen: true } ? checklist.Items.Where(i => !i.IsDone && i.Owner == me.Code).ToList() : [];
        if (checklist is null || items.Count == 0)
        {
            return new OutgoingMessage(new MessageContent { Text = T("chat.checklist.none") }, replaces);
        }

        return new OutgoingMessage(new MessageContent
        {
            Text = T("chat.checklist.title", items.Count, Date(checklist.LastDay)) + More(items.Count),
            Fields = [.. items.Take(MaxRows).Select(i => new MessageField(
                T("chat.checklist." + Tokens.Format(i.Kind)) + (i.Subject is { } subject ? " " + subject : string.Empty),
                T("chat.checklist.due", Date(i.DueOn)))
            {
                Buttons = [new MessageButton(T("chat.checklist.done"), ChatActions.ChecklistDone, i.Id)],
            })],
            Input = new MessageInput(ChatActions.Evidence, T("chat.checklist.evidence")),
        }, replaces);
    }

    private OutgoingMessage Tick(Staff me, Actor actor, ActionInvoked action)
    {
        _ops.Execute(new CompleteChecklistItem(me.Code, action.Value, action.Input), actor);
        return Checklist(me, actor, action.Message);
    }

    private OutgoingMessage Status(Staff me, Actor actor)
    {
        if (!me.Roles.HasFlag(StaffRoles.Admin))
        {
            return Reply(T("chat.adminonly"));
        }

        var due = _ops.Execute(new GetDueList(), actor);
        int Of(Severity severity) => due.Count(f => f.Severity == severity);
        return Reply(new MessageContent
        {
            Text = T("chat.status.title") + "\n" + (due.Count == 0 ? T("due.none") : T("due.total", due.Count, Of(Severity.Overdue), Of(Severity.Due), Of(Severity.Upcoming))),
            Fields = [.. due.GroupBy(f => f.Category).OrderBy(g => (int)g.Key).Select(g => new MessageField(
                T("category." + Tokens.Format(g.Key)),
                T("chat.status.count", g.Count(), g.Count(f => f.Severity == Severity.Overdue))))],
        });
    }

    private string More(int count) => count > MaxRows ? "\n" + T("chat.more", count - MaxRows) : string.Empty;

    private static string Date(DateOnly date) => date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);

    private static OutgoingMessage Reply(string text) => new(new MessageContent { Text = text });

    private static OutgoingMessage Reply(MessageContent content) => new(content);
}
