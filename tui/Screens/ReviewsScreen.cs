using McsOps.Core;
using McsOps.Tui.App;
using Terminal.Gui.Input;

namespace McsOps.Tui.Screens;

/// <summary>
/// メンバー精査: the open and escalated reviews, earliest due first, the due date red when overdue;
/// <c>h</c> shows the completed and cancelled ones too. Enter opens a review's items; <c>O</c> opens
/// an ad-hoc review of a group.
/// </summary>
internal sealed class ReviewsScreen : TableScreen<ReviewRow>
{
    public ReviewsScreen(TuiContext context)
        : base(context)
    {
        Bind(Key.H, T("reviews.short.history"), T("reviews.key.history"), ToggleClosed);
        Bind(Key.O.WithShift, T("review.short.openadhoc"), T("review.key.openadhoc"), () => ReviewDetailScreen.OpenAdHoc(this, CurrentRow?.Review.Group), changes: true);
    }

    public override string Crumb => T("reviews.title");

    /// <summary>True while the completed and cancelled reviews are listed too.</summary>
    public bool IncludeClosed { get; private set; }

    protected override string HeaderText() => T(IncludeClosed ? "reviews.showing.all" : "reviews.showing.open");

    protected override IReadOnlyList<Column> Columns() =>
    [
        new(T("review.h.group"), r => r.Review.Group.Value, 7),
        new(T("review.h.reviewer"), r => r.ReviewerName ?? r.Review.Reviewer?.Value ?? "-", 10),
        new(T("review.h.opened"), r => TuiContext.D(Context.Settings.Policy.Clock.DateOf(r.Review.OpenedAt)), 10),
        new(T("review.h.due"), r => TuiContext.D(r.Review.DueOn), 10, DueSeverity),
        new(T("review.h.pending"), r => T("review.pending", r.Review.Pending, r.Review.Items.Count), 5),
        new(T("review.h.status"), r => Context.L(r.Review.Status)),
    ];

    protected override IReadOnlyList<ReviewRow> Load() => Context.Run(new ListReviews(IncludeClosed));

    protected override string RowId(ReviewRow row) => row.Review.Id;

    protected override string Search(ReviewRow row) => SearchKey.Of(
        row.Review.Group.Value,
        row.Review.Reviewer?.Value,
        row.ReviewerName,
        Context.L(row.Review.Status),
        DueSeverity(row) is { } s ? T("severity." + Tokens.Format(s)) : null);

    protected override void Open(ReviewRow row) => Shell.Push(new ReviewDetailScreen(Context, row.Review.Group, row.Review.Id));

    private Severity? DueSeverity(ReviewRow row) => row.Review.IsOpen ? Context.SeverityOf(row.Review.DueOn) : null;

    private void ToggleClosed()
    {
        IncludeClosed = !IncludeClosed;
        Refresh();
    }
}
