using McsOps.Core.Csv;
using McsOps.Core.Storage.LiteDb;

namespace McsOps.Benchmarks.Harness;

/// <summary>
/// What a row gets to run with: the scale, the generated CSV files, a private scratch directory
/// for fresh data directories, and one data directory holding the fully imported set that rows
/// which only read may share (rows that write must copy it or import their own).
/// </summary>
internal sealed class BenchmarkContext : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("mcsops-bench-");
    private readonly Action<string> _log;
    private int _next;

    public BenchmarkContext(ScaleProfile profile, string dataSet, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Profile = profile;
        DataSet = dataSet;
        _log = log;
    }

    public ScaleProfile Profile { get; }

    public bool IsRegion => Profile == ScaleProfile.Region;

    /// <summary>The directory with the six CSV files of the scale.</summary>
    public string DataSet { get; }

    public TimeProvider Time { get; } = TimeProvider.System;

    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    public ImportOptions ImportOptions => new(Time);

    /// <summary>A data directory holding the whole set, imported; null until a row imported it or asked for it.</summary>
    public string? Imported { get; set; }

    public void Log(string message) => _log(message);

    /// <summary>A new, empty data directory (0700, as the key file's checks want it).</summary>
    public string NewDataDirectory()
    {
        var dir = Path.Combine(_scratch.FullName, Figures.Invariant($"data-{++_next:000}"));
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dir);
        }
        else
        {
            Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return dir;
    }

    public LiteDbStore OpenStore(string dataDirectory) =>
        LiteDbStore.Open(Path.Combine(dataDirectory, "mcsops.db"), Path.Combine(dataDirectory, "mcsops.key"), Time);

    /// <summary>The imported data directory, importing the set (untimed) first when no row has done it yet.</summary>
    public string ImportedDataDirectory()
    {
        if (Imported is null)
        {
            Log("importing the data set (set-up, not timed)");
            var dir = NewDataDirectory();
            using (var store = OpenStore(dir))
            {
                DataSetImport.ImportAll(store, DataSet, ImportOptions);
            }

            Imported = dir;
        }

        return Imported;
    }

    /// <summary>A new data directory holding a copy of the imported store (for a row that writes, or another process).</summary>
    public string CopyOfImported()
    {
        var source = ImportedDataDirectory();
        var dir = NewDataDirectory();
        foreach (var file in new[] { "mcsops.db", "mcsops.key" })
        {
            File.Copy(Path.Combine(source, file), Path.Combine(dir, file));
        }

        return dir;
    }

    public void Delete(string dataDirectory)
    {
        if (dataDirectory != Imported && Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    public void Dispose()
    {
        try
        {
            _scratch.Refresh();
            if (_scratch.Exists)
            {
                _scratch.Delete(recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log($"could not delete {_scratch.FullName}: {e.Message}");
        }
    }
}
