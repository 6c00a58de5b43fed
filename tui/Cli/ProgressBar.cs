namespace McsOps.Tui.Cli;

/// <summary>A one-line progress bar on stderr, drawn only for files over 10,000 rows.</summary>
internal sealed class ProgressBar(TextWriter stderr) : IProgress<(int Done, int Total)>
{
    private const int Threshold = 10_000;
    private const int Width = 30;
    private int _lastPercent = -1;

    public void Report((int Done, int Total) value)
    {
        if (value.Total <= Threshold)
        {
            return;
        }

        var percent = (int)(100L * value.Done / value.Total);
        if (percent == _lastPercent)
        {
            return;
        }

        _lastPercent = percent;
        var filled = Width * percent / 100;
        stderr.Write($"\r[{new string('#', filled)}{new string(' ', Width - filled)}] {percent,3}% {value.Done:N0}/{value.Total:N0}");
    }

    public void Finish()
    {
        if (_lastPercent >= 0)
        {
            stderr.WriteLine();
        }
    }
}
