using System.Globalization;
using McsOps.Core;
using McsOps.Tui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;

namespace McsOps.Tui.Screens;

/// <summary>
/// The top of the dashboard: one line per category with findings, the counts by severity in
/// aligned columns (期限切れ red, 本日期限 yellow, 近日期限 plain), a small bar, and the total.
/// </summary>
internal sealed class DueSummaryView : View
{
    private static readonly Severity[] Order = [Severity.Overdue, Severity.Due, Severity.Upcoming];
    private readonly TuiContext _context;
    private IReadOnlyList<DueCounts> _counts = [];
    private int[] _totals = new int[3];

    public DueSummaryView(TuiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        CanFocus = false;
        Width = Dim.Fill();
        Height = 2;
    }

    public IReadOnlyList<DueCounts> Counts => _counts;

    /// <summary>When the facility's next scheduled member reviews open (groups with a schedule of their own aside).</summary>
    public DateTimeOffset? NextReviews { get; set; }

    public void SetFindings(IReadOnlyList<DueFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        _counts = DueCounts.Of(findings);
        _totals = [.. Order.Select(s => findings.Count(f => f.Severity == s))];
        Height = _counts.Count + 2;
        SetNeedsLayout();
        SetNeedsDraw();
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var labels = _counts.Select(c => _context.T("category." + Tokens.Format(c.Category))).ToList();
        var header = _context.T("dash.category");
        var labelWidth = labels.Append(header).Max(l => l.GetColumns());
        var heads = Order.Select(s => _context.T("severity." + Tokens.Format(s))).ToArray();
        var widths = heads.Select(h => Math.Max(h.GetColumns(), 4)).ToArray();

        SetAttribute(normal);
        var x = 0;
        AddStr(x, 0, header);
        x += labelWidth;
        for (var i = 0; i < heads.Length; i++)
        {
            x += 2;
            SetAttribute(SeverityColors.On(Order[i], normal));
            AddStr(x, 0, heads[i]);
            x += widths[i];
        }

        var barStart = x + 2;
        var barWidth = Math.Max(0, Viewport.Width - barStart);
        var max = _counts.Count == 0 ? 1 : Math.Max(1, _counts.Max(c => c.Total));
        for (var row = 0; row < _counts.Count; row++)
        {
            var c = _counts[row];
            int[] values = [c.Overdue, c.Due, c.Upcoming];
            SetAttribute(normal);
            AddStr(0, row + 1, labels[row]);
            x = labelWidth;
            for (var i = 0; i < values.Length; i++)
            {
                x += 2;
                var text = values[i].ToString(CultureInfo.InvariantCulture);
                SetAttribute(values[i] > 0 ? SeverityColors.On(Order[i], normal) : normal);
                AddStr(x + widths[i] - text.Length, row + 1, text);
                x += widths[i];
            }

            DrawBar(barStart, row + 1, barWidth, max, values, normal);
        }

        SetAttribute(normal);
        var total = _counts.Count == 0
            ? _context.T("due.none")
            : _context.T("due.total", _totals.Sum(), _totals[0], _totals[1], _totals[2]);
        if (NextReviews is { } next)
        {
            total += "  " + _context.T("dash.nextreviews", TimeZoneInfo.ConvertTime(next, _context.Settings.TimeZone).DateTime);
        }

        AddStr(0, _counts.Count + 1, total);
        return true;
    }

    private void DrawBar(int x, int y, int width, int max, int[] values, Terminal.Gui.Drawing.Attribute normal)
    {
        if (width <= 0)
        {
            return;
        }

        var end = x + width;
        for (var i = 0; i < values.Length; i++)
        {
            var cells = Math.Min(values[i] == 0 ? 0 : Math.Max(1, values[i] * width / max), end - x);
            if (cells <= 0)
            {
                continue;
            }

            SetAttribute(SeverityColors.On(Order[i], normal));
            AddStr(x, y, new string(i == 2 ? '░' : '█', cells));
            x += cells;
        }
    }
}
