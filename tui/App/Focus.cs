using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace McsOps.Tui.App;

internal static class Focus
{
    /// <summary>
    /// Puts the cursor on <paramref name="view"/> when the dialog first comes up (Terminal.Gui starts a
    /// dialog on its last button: Enter would then cancel instead of answering).
    /// </summary>
    public static void StartOn(this Runnable dialog, View view)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        void OnModal(object? sender, EventArgs e)
        {
            if (dialog.IsModal)
            {
                dialog.IsModalChanged -= OnModal;
                view.SetFocus();
            }
        }

        dialog.IsModalChanged += OnModal;
    }
}
