using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace McsOps.Tui.App;

/// <summary>
/// はい / いいえ before a change. Enter (or y) says yes, Esc (or n) says no; the question says what
/// will be recorded.
/// </summary>
internal sealed class ConfirmDialog : Dialog
{
    public ConfirmDialog(TuiContext context, string question)
    {
        ArgumentNullException.ThrowIfNull(context);
        Title = context.T("form.confirm.title");
        Width = Dim.Percent(70);
        Height = Dim.Auto();
        Add(new Label { Text = question, X = 1, Y = 1, Width = Dim.Fill(1), Height = Dim.Auto() });
        var yes = new Button { Text = context.T("form.yes"), IsDefault = true };
        yes.Accepting += (_, e) =>
        {
            e.Handled = true;
            Answer(true);
        };
        var no = new Button { Text = context.T("form.no") };
        no.Accepting += (_, e) =>
        {
            e.Handled = true;
            Answer(false);
        };
        AddButton(yes);
        AddButton(no);
        KeyDown += (_, key) =>
        {
            if (key == Key.Y || key == Key.N)
            {
                key.Handled = true;
                Answer(key == Key.Y);
            }
        };
        this.StartOn(yes);
    }

    public bool Yes { get; private set; }

    public static bool Ask(TuiContext context, string question)
    {
        using var dialog = new ConfirmDialog(context, question);
        context.App.Run(dialog);
        return dialog.Yes;
    }

    private void Answer(bool yes)
    {
        Yes = yes;
        RequestStop();
    }
}
