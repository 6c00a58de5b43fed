using McsOps.Core;
using McsOps.Tui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace McsOps.Tui.Tests;

/// <summary>
/// What the tests of the work screens (reviews, actions, invitations, offboarding, audit) do again and
/// again, on top of <see cref="Steps"/>: the confirmation's question is kept to be checked, and a
/// refused form is read once the refusal shows (after はい when the operation refuses).
/// </summary>
internal static class WorkScreenSteps
{
    /// <summary>Goes to a screen as a person does (<c>:</c>, the command, Enter); <paramref name="then"/> handles the dialogs that follow.</summary>
    public static void Palette(this TuiHarness tui, string command, params Action<TuiHarness, View>[] then)
    {
        tui.ThenInDialogs([Steps.Command(command), .. then]);
        tui.Press(new Key(':'));
    }

    /// <summary>
    /// Queues: the form gets <paramref name="value"/> in <paramref name="field"/> and is saved, then the
    /// confirmation is answered はい. Returns the question the confirmation asked.
    /// </summary>
    public static Func<string> ThenSaveForm(this TuiHarness tui, string field, string value)
    {
        var question = "";
        tui.ThenInDialogs(Steps.Fill((field, value)), (t, confirm) =>
        {
            question = Question(confirm);
            Steps.Yes(t, confirm);
        });
        return () => question;
    }

    /// <summary>Queues: the confirmation (はい / いいえ) is answered はい. Returns its question.</summary>
    public static Func<string> ThenYes(this TuiHarness tui)
    {
        var question = "";
        tui.ThenInDialogs((t, confirm) =>
        {
            question = Question(confirm);
            Steps.Yes(t, confirm);
        });
        return () => question;
    }

    /// <summary>
    /// Queues: the form gets <paramref name="value"/> in <paramref name="field"/> and is saved, which must
    /// fail inside the form — at once for a value that does not parse, or after はい when the operation
    /// refuses (<paramref name="confirmed"/>). The form is then closed. Returns what it showed: the error
    /// and the field's text.
    /// </summary>
    public static Func<(string Error, string Kept)> ThenRefusedForm(this TuiHarness tui, string field, string value, bool confirmed)
    {
        (string, string) seen = ("(no error was shown)", "");
        tui.ThenInDialogs([(t, dialog) =>
        {
            var form = (FormDialog)dialog;
            var done = false;
            t.App.Iteration += (_, _) =>
            {
                if (!done && form.Error.Length > 0 && t.App.TopRunnableView == form)
                {
                    done = true;
                    seen = (form.Error, form.Value(field));
                    form.RequestStop();
                }
            };
            form.Set(field, value);
            t.App.InjectKey(Key.Enter);
        }, .. confirmed ? [Steps.Yes] : Array.Empty<Action<TuiHarness, View>>()]);
        return () => seen;
    }

    public static long AuditCount(this TuiHarness tui) => tui.Store.Read(s => s.Audit.Count());

    /// <summary>The audit entries appended after the first <paramref name="count"/>.</summary>
    public static List<AuditEntry> AuditAfter(this TuiHarness tui, long count) =>
        tui.Store.Read(s => s.Audit.All().Where(e => e.Sequence > count).ToList());

    private static string Question(View confirm) => confirm.SubViews.OfType<Label>().First().Text;
}
