using McsOps.Tui.Screens;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace McsOps.Tui.App;

/// <summary>
/// <c>:</c> — a one-line command (<c>groups</c>, <c>staff S-0012</c>, <c>due</c>, <c>q</c>). Enter runs
/// it; an unknown command says so under the line and keeps what was typed; Esc closes.
/// </summary>
internal sealed class CommandPalette : Dialog
{
    private readonly TuiContext _context;
    private readonly TextField _line;
    private readonly Label _error;

    public CommandPalette(TuiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        Title = context.T("palette.title");
        Width = Dim.Percent(80);
        Height = 7;
        Add(new Label { Text = ":", X = 1, Y = 0 });
        _line = new TextField { X = 2, Y = 0, Width = Dim.Fill(1) };
        Add(new Label { Text = context.T("palette.hint"), X = 1, Y = 1, Width = Dim.Fill(1) });
        _error = new Label { X = 1, Y = 2, Width = Dim.Fill(1), Text = "" };
        _error.SetScheme(new Scheme(new Terminal.Gui.Drawing.Attribute(new Color(ColorName16.BrightRed), Color.None)));
        Add(_line, _error);
        _line.Accepting += (_, e) =>
        {
            e.Handled = true;
            Submit();
        };
        this.StartOn(_line);
    }

    /// <summary>The screen the command named, when it named one.</summary>
    public Screen? Chosen { get; private set; }

    public bool QuitChosen { get; private set; }

    public string Error => _error.Text;

    private void Submit()
    {
        var words = _line.Text.Trim().TrimStart(':').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            RequestStop();
            return;
        }

        if (words[0] is "q" or "quit")
        {
            QuitChosen = true;
            RequestStop();
            return;
        }

        try
        {
            Chosen = Navigator.ForCommand(_context, words[0], words.Length > 1 ? words[1] : null);
        }
        catch (Core.OpsException e)
        {
            _error.Text = e.Localize(_context.Lang);
            return;
        }

        if (Chosen is null)
        {
            _error.Text = _context.T("palette.unknown", words[0]);
            return;
        }

        RequestStop();
    }
}
