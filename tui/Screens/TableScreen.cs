using McsOps.Core;
using McsOps.Tui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace McsOps.Tui.Screens;

/// <summary>
/// A screen that is a table of rows: an optional header block, a filter line (<c>/</c>: incremental,
/// over codes, names and kana, folded by <see cref="SearchKey"/>), the table (j/k, Enter opens the row,
/// Space selects rows for a bulk action), the count, and optionally a few lines under the table about
/// the row under the cursor (what does not fit in a cell). Refresh keeps the cursor on the same row
/// and the filter as typed. Only the visible rows are drawn, so a keystroke over 25,000 rows is one
/// pass of ordinal searches over keys computed when the rows were loaded.
/// </summary>
internal abstract class TableScreen<TRow> : Screen where TRow : class
{
    private readonly TableView _table;
    private readonly TextField _filter;
    private readonly Label _count;
    private readonly Label _header;
    private readonly Label _detail;
    private readonly HashSet<string> _marked = new(StringComparer.Ordinal);
    private IReadOnlyList<TRow> _all = [];
    private string[]? _keys;
    private List<TRow> _shown = [];
    private IReadOnlyList<Column> _columns = [];

    /// <param name="above">A view of the screen's own drawn above everything (the dashboard's summary).</param>
    /// <param name="detailLines">Lines under the table for <see cref="DetailText"/>; 0 for none.</param>
    protected TableScreen(TuiContext context, bool marking = false, View? above = null, int detailLines = 0)
        : base(context)
    {
        Marking = marking;
        // No hotkey specifier: the lines show codes and keys such as archive_group:G-0042 as they are.
        _detail = new Label { X = 0, Y = Pos.AnchorEnd(detailLines), Width = Dim.Fill(), Height = detailLines, Text = "", HotKeySpecifier = new System.Text.Rune(0xFFFF) };
        _header = new Label { X = 0, Y = above is null ? 0 : Pos.Bottom(above), Width = Dim.Fill(), Height = 0, Text = "" };
        if (above is not null)
        {
            Add(above);
        }

        var slash = new Label { X = 0, Y = Pos.Bottom(_header), Text = "/" };
        // The filter takes the focus only on '/', so that a screen opens with the cursor in the table.
        _filter = new TextField { X = 1, Y = Pos.Bottom(_header), Width = Dim.Percent(50), CanFocus = false };
        _count = new Label { X = Pos.Right(_filter) + 1, Y = Pos.Bottom(_header), Width = Dim.Fill(), Text = "" };
        _table = new TableView
        {
            X = 0,
            Y = Pos.Bottom(_filter),
            Width = Dim.Fill(),
            Height = Dim.Fill(detailLines),
            FullRowSelect = true,
            CollectionNavigator = null,
        };
        _table.Style.ShowHorizontalHeaderOverline = false;
        _table.Style.ShowHorizontalBottomLine = false;
        _table.Style.ExpandLastColumn = true;
        _table.KeyBindings.Add(Key.J, Command.Down);
        _table.KeyBindings.Add(Key.K, Command.Up);
        _table.KeyDown += (_, key) =>
        {
            if (key == Key.Enter && CurrentRow is { } row)
            {
                key.Handled = true;
                Open(row);
            }
            else if (key == Key.Space && Marking && CurrentRow is { } marked)
            {
                key.Handled = true;
                ToggleMark(marked);
            }
            else if (key == new Key('/'))
            {
                key.Handled = true;
                _ = SearchKeys;
                _filter.CanFocus = true;
                _filter.SetFocus();
            }
        };
        _table.ValueChanged += (_, _) => ShowDetail();
        _filter.TextChanged += (_, _) => ApplyFilter(CurrentRow is { } r ? RowId(r) : null);
        _filter.KeyDown += (_, key) =>
        {
            if (key == Key.Enter || key == Key.Esc || key == Key.CursorDown)
            {
                key.Handled = true;
                LeaveFilter();
            }
        };
        Add(_header, slash, _filter, _count, _table, _detail);
    }

    /// <summary>True when Space selects rows on this screen.</summary>
    public bool Marking { get; }

    /// <summary>The rows shown (after the filter), in table order.</summary>
    public IReadOnlyList<TRow> Shown => _shown;

    public int Total => _all.Count;

    /// <summary>Every row loaded, filtered or not, in table order.</summary>
    protected IReadOnlyList<TRow> All => _all;

    public TRow? CurrentRow => _table.Value?.SelectedCell.Y is int y && y >= 0 && y < _shown.Count ? _shown[y] : null;

    public int SelectedRow => _table.Value?.SelectedCell.Y ?? -1;

    /// <summary>The rows selected with Space that are still loaded, in table order.</summary>
    public IReadOnlyList<TRow> Marked => [.. _all.Where(r => _marked.Contains(RowId(r)))];

    public string FilterText
    {
        get => _filter.Text;
        set => _filter.Text = value;
    }

    public bool FilterFocused => _filter.HasFocus;

    public override IReadOnlyList<KeyHelp> MoreHelp =>
    [
        new("/", T("help.key.filter")),
        .. EnterHelp is { } enter ? [new KeyHelp("Enter", enter)] : Array.Empty<KeyHelp>(),
        .. Marking ? [new KeyHelp("Space", T("help.key.mark"))] : Array.Empty<KeyHelp>(),
    ];

    public override void Refresh()
    {
        var keep = CurrentRow is { } r ? RowId(r) : null;
        var row = Math.Max(0, SelectedRow);
        _header.Text = HeaderText();
        _header.Height = _header.Text.Length == 0 ? 0 : _header.Text.Split('\n').Length + 1;
        _columns = Columns();
        _all = Load();
        _keys = null;
        if (_marked.Count > 0)
        {
            _marked.IntersectWith(_all.Select(RowId));
        }
        ApplyFilter(keep, row);
    }

    /// <summary>
    /// What the filter compares, one folded string per loaded row: built when the filter is first
    /// used after a load (pressing <c>/</c>), not before the first paint.
    /// </summary>
    private string[] SearchKeys => _keys ??= [.. _all.Select(Search)];

    /// <summary>Esc with the filter set clears it; otherwise the shell goes back.</summary>
    public override bool Back()
    {
        if (_filter.Text.Length == 0)
        {
            return false;
        }

        _filter.Text = "";
        LeaveFilter();
        return true;
    }

    protected abstract IReadOnlyList<Column> Columns();

    protected abstract IReadOnlyList<TRow> Load();

    /// <summary>A stable identity of a row (its code) to keep the cursor and the selection over a reload.</summary>
    protected abstract string RowId(TRow row);

    /// <summary>What the filter matches: build it with <see cref="SearchKey.Of"/>.</summary>
    protected abstract string Search(TRow row);

    /// <summary>Lines above the filter (a detail screen's facts); empty for none.</summary>
    protected virtual string HeaderText() => "";

    /// <summary>The lines under the table about the row under the cursor (when the screen asked for some).</summary>
    protected virtual string DetailText(TRow row) => "";

    /// <summary>What Enter does here, for the help; null where it does nothing.</summary>
    protected virtual string? EnterHelp => T("help.key.open");

    /// <summary>Enter on a row.</summary>
    protected virtual void Open(TRow row)
    {
    }

    private void LeaveFilter()
    {
        _table.SetFocus();
        _filter.CanFocus = false;
    }

    private void ToggleMark(TRow row)
    {
        if (!_marked.Remove(RowId(row)))
        {
            _marked.Add(RowId(row));
        }

        UpdateCount();
        _table.SetNeedsDraw();
        _table.InvokeCommand(Command.Down);
    }

    private void ApplyFilter(string? keepId, int fallbackRow = 0)
    {
        var term = SearchKey.Term(_filter.Text);
        var keys = term.Length == 0 ? null : SearchKeys;
        var shown = new List<TRow>(term.Length == 0 ? _all.Count : 256);
        for (var i = 0; i < _all.Count; i++)
        {
            if (keys is null || keys[i].Contains(term, StringComparison.Ordinal))
            {
                shown.Add(_all[i]);
            }
        }

        _shown = shown;
        _table.Table = new RowSource(this);
        SetColumnStyles();
        var index = keepId is null ? -1 : _shown.FindIndex(r => RowId(r) == keepId);
        if (_shown.Count > 0)
        {
            _table.SetSelection(0, index >= 0 ? index : Math.Min(fallbackRow, _shown.Count - 1), false, null);
        }

        ShowDetail();
        UpdateCount();
        _table.SetNeedsDraw();
    }

    private void ShowDetail() => _detail.Text = CurrentRow is { } row ? DetailText(row) : "";

    private void UpdateCount()
    {
        var text = T("filter.count", _shown.Count, _all.Count);
        _count.Text = _marked.Count == 0 ? text : text + "  " + T("filter.marked", _marked.Count);
    }

    private void SetColumnStyles()
    {
        var offset = Marking ? 1 : 0;
        for (var i = 0; i < _columns.Count; i++)
        {
            var column = _columns[i];
            var style = _table.Style.GetOrCreateColumnStyle(i + offset);
            style.MinWidth = column.MinWidth;
            if (column.Severity is { } severityOf)
            {
                style.ColorGetter = args => args.RowIndex < _shown.Count && severityOf(_shown[args.RowIndex]) is { } s && SeverityColors.Foreground(s) is not null
                    ? new Scheme(SeverityColors.On(s, args.RowScheme.Normal))
                    : null;
            }
        }
    }

    private static int DisplayWidth(string s) => Terminal.Gui.Text.StringExtensions.GetColumns(s, true);

    /// <summary>A column: its header, its cell text, a minimum width (so widths do not jump while scrolling), an optional severity colour.</summary>
    protected sealed record Column(string Header, Func<TRow, string> Cell, int MinWidth = 0, Func<TRow, Severity?>? Severity = null)
    {
        public static int WidthOf(IEnumerable<string> labels) => labels.Max(DisplayWidth);
    }

    /// <summary>The table over the shown rows, read cell by cell as TableView draws the visible ones.</summary>
    private sealed class RowSource(TableScreen<TRow> screen) : ITableSource
    {
        private readonly int _offset = screen.Marking ? 1 : 0;

        public object this[int row, int col] => col < _offset
            ? (screen._marked.Contains(screen.RowId(screen._shown[row])) ? "✓" : " ")
            : screen._columns[col - _offset].Cell(screen._shown[row]);

        public string[] ColumnNames => [.. _offset == 1 ? [" "] : Array.Empty<string>(), .. screen._columns.Select(c => c.Header)];

        public int Columns => screen._columns.Count + _offset;

        public int Rows => screen._shown.Count;
    }
}
