using McsOps.Core;
using McsOps.Tui.App;
using Terminal.Gui.Input;

namespace McsOps.Tui.Screens;

/// <summary>
/// One review: its facts (group, reviewer, status, opened / due / escalated / closed) above its
/// items (member, signals, decision, who decided when and through which channel, why). An admin
/// records a decision on the reviewer's behalf for the member under the cursor (1 継続, 2 解除,
/// 3 要確認), completes the review (C) or cancels it (X), each with a reason.
/// </summary>
internal sealed class ReviewDetailScreen : TableScreen<ReviewItemRow>
{
    private readonly GroupCode _group;
    private readonly string? _id;
    private ReviewDetail? _detail;

    /// <param name="id">The review to show; null for the group's open review, or else its latest.</param>
    public ReviewDetailScreen(TuiContext context, GroupCode group, string? id = null)
        : base(context, detailLines: 1)
    {
        _group = group;
        _id = id;
        Bind(Key.D1, T("review.short.keep"), T("review.key.keep"), () => Decide(ReviewDecision.Keep), changes: true);
        Bind(Key.D2, T("review.short.remove"), T("review.key.remove"), () => Decide(ReviewDecision.Remove), changes: true);
        Bind(Key.D3, T("review.short.unsure"), T("review.key.unsure"), () => Decide(ReviewDecision.Unsure), changes: true);
        Bind(Key.C.WithShift, T("review.short.complete"), T("review.key.complete"), () => Close(cancel: false), changes: true);
        Bind(Key.X.WithShift, T("review.short.cancel"), T("review.key.cancel"), () => Close(cancel: true), changes: true);
    }

    public override string Crumb => T("review.crumb", _group.Value);

    public ReviewDetail Detail => _detail ?? throw new InvalidOperationException("not loaded");

    /// <summary>
    /// O on the reviews list or a group: asks for the group (filled in), opens an ad-hoc review of it
    /// and shows that review.
    /// </summary>
    public static void OpenAdHoc(Screen from, GroupCode? group)
    {
        ArgumentNullException.ThrowIfNull(from);
        var c = from.Context;
        var code = default(GroupCode);
        var opened = Forms.Show(c, c.T("review.open.title"),
            [new Field("group", c.T("review.f.group"), group?.Value ?? "")],
            v =>
            {
                code = v.Code<GroupCode>("group", c.T("review.f.group"));
                return (c.T("review.open.confirm", code.Value), () => c.Run(new OpenReview(code)));
            });
        if (opened)
        {
            from.Shell.Push(new ReviewDetailScreen(c, code));
        }
    }

    protected override string HeaderText()
    {
        // Read here, before the rows: the header and the rows come from the same read.
        var d = _detail = Context.Run(new GetReview(_group, _id));
        var r = d.Review;
        return string.Join('\n',
            T("review.line.status", r.Group.Value, Context.L(r.Status), r.AdHoc ? T("review.adhoc") : T("review.scheduled"), r.Pending, r.Items.Count),
            T("review.line.reviewer", r.Reviewer?.Value ?? "-", d.Reviewer?.Name ?? ""),
            T("review.line.dates", Context.At(r.OpenedAt), TuiContext.D(r.DueOn), Context.At(r.EscalatedAt), Context.At(r.ClosedAt), r.ClosedBy ?? ""));
    }

    protected override IReadOnlyList<Column> Columns() =>
    [
        new(T("review.h.member"), r => r.Item.Member.Value, 7),
        new(T("review.h.name"), r => r.Member?.Name ?? "-", 10),
        new(T("review.h.decision"), r => Context.L(r.Item.Decision), Column.WidthOf(Enum.GetValues<ReviewDecision>().Select(x => Context.L(x)))),
        new(T("review.h.facility"), r => r.Member?.Facility.Value ?? "-", 6),
        new(T("review.h.signals"), r => Context.L(r.Item.Signals), 8),
        new(T("review.h.by"), r => r.Item.DecidedBy ?? "", 6),
        new(T("review.h.at"), r => r.Item.DecidedAt is null ? "" : Context.At(r.Item.DecidedAt)),
        new(T("review.h.channel"), r => r.Item.Channel is { } ch ? Context.L(ch) : ""),
        new(T("review.h.justification"), r => r.Item.Justification ?? ""),
    ];

    protected override IReadOnlyList<ReviewItemRow> Load() => Detail.Items;

    protected override string RowId(ReviewItemRow row) => row.Item.Member.Value;

    protected override string Search(ReviewItemRow row) => SearchKey.Of(
        row.Item.Member.Value, row.Member?.Name, row.Member?.Kana, row.Member?.Facility.Value, Context.L(row.Item.Decision), Context.L(row.Item.Signals));

    protected override string DetailText(ReviewItemRow row) => row.Item.DecidedAt is null
        ? T("review.detail.pending", row.Item.Member.Value)
        : T("review.detail.decided", row.Item.Member.Value, Context.L(row.Item.Decision), row.Item.DecidedBy ?? "-", Context.At(row.Item.DecidedAt),
            row.Item.Channel is { } ch ? Context.L(ch) : "-", row.Item.Justification ?? "-");

    protected override void Open(ReviewItemRow row) => Shell.Open(Navigator.ForStaff(Context, row.Item.Member));

    /// <summary>Keys change the group's open review: on a closed one (from the history) they would act on another.</summary>
    private bool IsOpenReview()
    {
        if (Detail.Review.IsOpen)
        {
            return true;
        }

        Shell.Notify(T("review.closed", _group.Value, Context.L(Detail.Review.Status)));
        return false;
    }

    private void Decide(ReviewDecision decision)
    {
        if (CurrentRow is not { } row || !IsOpenReview())
        {
            return;
        }

        var member = row.Item.Member;
        Forms.Show(Context, T("review.decide.title", _group.Value, member.Value),
            [new Field("justification", T("review.f.justification"), row.Item.Justification ?? "", T("review.decide.hint"))],
            v => (T(decision == ReviewDecision.Remove ? "review.decide.confirm.remove" : "review.decide.confirm", member.Value, row.Member?.Name ?? "", Context.L(decision), Detail.Review.Reviewer?.Value ?? "-"),
                () => Context.Run(new RecordDecision(_group, member, decision, v.Optional("justification")))));
        Refresh();
    }

    private void Close(bool cancel)
    {
        if (!IsOpenReview())
        {
            return;
        }

        Forms.Show(Context, T(cancel ? "review.cancel.title" : "review.complete.title", _group.Value),
            [new Field("reason", T("review.f.reason"))],
            v =>
            {
                var reason = v.Required("reason", T("review.f.reason"));
                return (T(cancel ? "review.cancel.confirm" : "review.complete.confirm", _group.Value, Detail.Review.Pending),
                    () => Context.Run(new CloseReview(_group, cancel, reason)));
            });
        Refresh();
    }
}
