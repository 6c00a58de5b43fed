using McsOps.Tui.App;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace McsOps.Tui.Screens;

/// <summary>
/// <c>?</c>: every key of the current screen. Esc, Enter or the button closes it (Esc here goes
/// back one level, to the screen).
/// </summary>
internal sealed class HelpDialog : Dialog
{
    public HelpDialog(TuiContext context, string screen, IReadOnlyList<KeyHelp> keys)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(keys);
        Title = $"{context.T("help.title")} — {screen}";
        var width = keys.Max(k => k.Keys.GetColumns());
        var lines = keys.Select(k => k.Keys + new string(' ', width - k.Keys.GetColumns()) + "  " + k.What);
        Add(new Label { Text = string.Join("\n", lines), X = 1, Y = 1 });
        var close = new Button { Text = context.T("help.close"), IsDefault = true };
        close.Accepting += (_, e) =>
        {
            RequestStop();
            e.Handled = true;
        };
        AddButton(close);
    }
}
