using McsOps.Tui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.ViewBase;

namespace McsOps.Tui.Tests;

/// <summary>What a person does in the dialogs a screen opens, as steps for <see cref="TuiHarness.ThenInDialogs"/>.</summary>
internal static class Steps
{
    /// <summary>Types into an entry form's fields (replacing what they held) and presses Enter to save.</summary>
    public static Action<TuiHarness, View> Fill(params (string Key, string Text)[] values) => (h, view) =>
    {
        var form = view.Should().BeOfType<FormDialog>().Subject;
        foreach (var (key, text) in values)
        {
            form.Set(key, text);
        }

        h.App.InjectKey(Key.Enter);
    };

    /// <summary>Like <see cref="Fill"/>, then reads what the form says (its error) and the fields, and closes it with Esc.</summary>
    public static Action<TuiHarness, View> FillExpectingError(Action<FormDialog> check, params (string Key, string Text)[] values) => (h, view) =>
    {
        Fill(values)(h, view);
        check((FormDialog)view);
        h.App.InjectKey(Key.Esc);
    };

    /// <summary>Answers はい in a confirmation: Enter, as the cursor starts on はい.</summary>
    public static Action<TuiHarness, View> Yes => (h, view) =>
    {
        view.Should().BeOfType<ConfirmDialog>();
        h.App.InjectKey(Key.Enter);
    };

    /// <summary>Closes a notice.</summary>
    public static Action<TuiHarness, View> Close => (h, _) => h.App.InjectKey(Key.Enter);

    /// <summary>Types a command into the palette and presses Enter.</summary>
    public static Action<TuiHarness, View> Command(string line) => (h, _) =>
    {
        foreach (var rune in line.EnumerateRunes())
        {
            h.App.InjectKey(new Key(rune.Value));
        }

        h.App.InjectKey(Key.Enter);
    };
}

/// <summary>Opening screens in a test as the palette does.</summary>
internal static class HarnessScreens
{
    /// <summary>Goes to the screen from the dashboard (what <c>:</c> does) and draws.</summary>
    public static T Open<T>(this TuiHarness tui, T screen) where T : McsOps.Tui.Screens.Screen
    {
        tui.Shell.Jump(screen);
        tui.Draw();
        return tui.Shell.Current.Should().BeOfType<T>().Subject;
    }

    /// <summary>Puts the cursor on the row whose id is shown in the first column (j from the top).</summary>
    public static void MoveTo<TRow>(this TuiHarness tui, McsOps.Tui.Screens.TableScreen<TRow> screen, Func<TRow, bool> which) where TRow : class
    {
        var index = screen.Shown.ToList().FindIndex(r => which(r));
        index.Should().BeGreaterThanOrEqualTo(0, "the row is on screen");
        while (screen.SelectedRow < index)
        {
            tui.Press(Key.J);
        }

        while (screen.SelectedRow > index)
        {
            tui.Press(Key.K);
        }
    }
}
