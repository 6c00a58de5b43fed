using McsOps.Core.Application;
using McsOps.Core.Demo;
using McsOps.Core.Storage;

namespace McsOps.Core.Tests.Application;

/// <summary>The demo facility with its history, once per test class: real records of every kind to put on the wire.</summary>
public sealed class DemoWorld : IDisposable
{
    private readonly TestStore _t = new();

    public DemoWorld()
    {
        foreach (var (kind, csv) in DemoFacility.Build(new DateOnly(2026, 11, 26)))
        {
            _t.Import(kind, csv, $"demo/{kind}.csv").Errors.Should().BeEmpty();
        }

        DemoHistory.Add(_t.Store, TestStore.Policy, _t.Time);
        Client = new LocalOpsClient(new Ops(_t.Store, TestStore.Policy, _t.Time), TestStore.Admin, readOnly: false);
    }

    public IStore Store => _t.Store;

    public IOpsClient Client { get; }

    public void Dispose() => _t.Dispose();
}
