using System.Diagnostics;

namespace McsOps.Benchmarks.Harness;

/// <summary>Stopwatch timing with warm-up and repetitions; the harness's only clock for durations.</summary>
internal static class Measure
{
    /// <summary>
    /// Calls <paramref name="run"/> <paramref name="warmups"/> times and discards the result, then
    /// <paramref name="repetitions"/> times and keeps what it returns. <paramref name="run"/> does
    /// its own set-up (a fresh directory) and times only its body with <see cref="Time"/>. Garbage
    /// is collected before each call so that one run does not pay for the previous one's.
    /// </summary>
    public static Samples Repeat(int warmups, int repetitions, Func<int, TimeSpan> run, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentOutOfRangeException.ThrowIfNegative(warmups);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(repetitions);
        var samples = new Samples();
        for (var i = 0; i < warmups + repetitions; i++)
        {
            Settle();
            var elapsed = run(i);
            var warm = i < warmups;
            if (!warm)
            {
                samples.Add(elapsed);
            }

            progress?.Invoke(warm
                ? $"warm-up {i + 1}/{warmups}: {Figures.Duration(elapsed.TotalMilliseconds)}"
                : $"run {i - warmups + 1}/{repetitions}: {Figures.Duration(elapsed.TotalMilliseconds)}");
        }

        return samples;
    }

    public static TimeSpan Time(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start);
    }

    public static TimeSpan Time<T>(Func<T> func, out T result)
    {
        ArgumentNullException.ThrowIfNull(func);
        var start = Stopwatch.GetTimestamp();
        result = func();
        return Stopwatch.GetElapsedTime(start);
    }

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
