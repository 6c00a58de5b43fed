namespace McsOps.Benchmarks.Harness;

/// <summary>The timings of the measured repetitions of one row (warm-ups are not in here).</summary>
internal sealed class Samples
{
    private readonly List<double> _ms = [];

    public int Count => _ms.Count;

    public IReadOnlyList<double> Milliseconds => _ms;

    /// <summary>The middle sample; the mean of the two middle ones for an even count.</summary>
    public double MedianMs
    {
        get
        {
            var sorted = Sorted();
            var mid = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }

    public double MaxMs => Sorted()[^1];

    public void Add(TimeSpan elapsed) => _ms.Add(elapsed.TotalMilliseconds);

    /// <summary>Nearest-rank percentile (<paramref name="p"/> in 0–1): with fewer than 100 samples p99 is the maximum.</summary>
    public double Percentile(double p)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(p);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        var sorted = Sorted();
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Max(rank, 1) - 1];
    }

    private double[] Sorted()
    {
        if (_ms.Count == 0)
        {
            throw new InvalidOperationException("no samples");
        }

        var sorted = _ms.ToArray();
        Array.Sort(sorted);
        return sorted;
    }
}
