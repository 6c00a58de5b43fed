using System.Globalization;
using McsOps.Core;
using McsOps.Tui.App;
using Terminal.Gui.Input;

namespace McsOps.Tui.Screens;

/// <summary>
/// 監査ログ, read-only, newest first. A region's log holds hundreds of thousands of entries, so the
/// screen reads the newest <see cref="Window"/> (one indexed read backwards, well under a second) and
/// says so; <c>A</c> reads them all (seconds, and memory) and back. A window rather than pages, so that
/// <c>/</c> filters every loaded entry at once — what an auditor asks is usually recent. <c>v</c>
/// walks the whole chain (改ざん検証) and shows the count, or the first broken sequence.
/// </summary>
internal sealed class AuditScreen : TableScreen<AuditEntry>
{
    /// <summary>How many of the newest entries are read unless all are asked for.</summary>
    public const int Window = 5000;

    private AuditPage? _page;

    public AuditScreen(TuiContext context)
        : base(context, detailLines: 2)
    {
        Bind(Key.V, T("auditlog.short.verify"), T("auditlog.key.verify"), Verify);
        Bind(Key.A.WithShift, T("auditlog.short.all"), T("auditlog.key.all"), ToggleAll);
    }

    public override string Crumb => T("auditlog.title");

    protected override string? EnterHelp => null;

    /// <summary>True while every entry is loaded.</summary>
    public bool ShowingAll { get; private set; }

    protected override string HeaderText()
    {
        // Read here, before the rows: the count in the header and the rows come from the same read.
        var page = _page = Context.Run(new ListAudit(ShowingAll ? null : Window));
        return page.Entries.Count < page.Total
            ? T("auditlog.showing.newest", N(page.Entries.Count), N(page.Total))
            : T("auditlog.showing.all", N(page.Total));
    }

    protected override IReadOnlyList<Column> Columns() =>
    [
        new(T("auditlog.h.seq"), e => e.Sequence.ToString(CultureInfo.InvariantCulture), 6),
        new(T("auditlog.h.at"), e => Context.At(e.At), 16),
        new(T("auditlog.h.actor"), e => e.Actor, 6),
        new(T("auditlog.h.channel"), e => Context.L(e.Channel), 4),
        new(T("auditlog.h.action"), e => e.Action, 12),
        new(T("auditlog.h.subject"), e => e.Subject, 7),
        new(T("auditlog.h.details"), e => e.Details),
    ];

    protected override IReadOnlyList<AuditEntry> Load() => (_page ?? throw new InvalidOperationException("not loaded")).Entries;

    protected override string RowId(AuditEntry row) => row.Sequence.ToString(CultureInfo.InvariantCulture);

    protected override string Search(AuditEntry row) => SearchKey.Of(row.Actor, row.Action, row.Subject, row.Details, Context.L(row.Channel));

    protected override string DetailText(AuditEntry row) =>
        T("auditlog.detail", row.Sequence, Context.At(row.At), row.Actor, row.Action, row.Subject) + "\n" + row.Details;

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private void Verify()
    {
        var result = Context.Run(new McsOps.Core.Audit.VerifyAuditChain());
        Shell.Notify(result.FirstBroken is { } broken ? T("audit.broken", broken, result.Verified) : T("audit.ok", result.Verified));
    }

    private void ToggleAll()
    {
        ShowingAll = !ShowingAll;
        Refresh();
    }
}
