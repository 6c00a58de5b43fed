using LiteDB;
using McsOps.Core.Audit;

namespace McsOps.Core.Tests.Audit;

/// <summary>Tampering with the audit log in the database file, as someone with the key would.</summary>
public sealed class AuditChainTests : IDisposable
{
    private readonly TestStore _t = new();

    public AuditChainTests()
    {
        _t.Store.Write(s =>
        {
            for (var i = 1; i <= 5; i++)
            {
                _t.Time.Advance(TimeSpan.FromSeconds(1));
                s.Audit.Append(TestStore.Admin, "staff.update", $"S-000{i}", $"change {i}");
            }

            return 0;
        });
    }

    public void Dispose() => _t.Dispose();

    private ILiteCollection<BsonDocument> Audit => _t.Store.Database.GetCollection("audit");

    private AuditVerification Verify() => _t.Store.Read(s => AuditChain.Verify(s.Audit.All(), s.Audit.Head()));

    [Fact]
    public void Verify_UntouchedChain_IsIntactWithItsCount()
    {
        var result = Verify();
        result.Intact.Should().BeTrue();
        result.Verified.Should().Be(5);
    }

    [Fact]
    public void Verify_AppendedAcrossTransactions_StaysChained()
    {
        _t.Store.Write(s => s.Audit.Append(TestStore.Admin, "x", "y", "z"));
        _t.Close();
        _t.Store.Write(s => s.Audit.Append(TestStore.Admin, "x", "y", "z"));
        Verify().Should().Be(new AuditVerification(7, null));
    }

    [Theory]
    [InlineData("details", "changed by hand")]
    [InlineData("actor", "S-9999")]
    [InlineData("action", "staff.create")]
    [InlineData("subject", "S-0009")]
    public void Verify_EditedField_IsBrokenAtThatEntry(string field, string value)
    {
        var doc = Audit.FindById(3);
        doc[field] = value;
        Audit.Update(doc);

        Verify().Should().Be(new AuditVerification(2, 3));
    }

    [Fact]
    public void Verify_EditedTime_IsBrokenAtThatEntry()
    {
        var doc = Audit.FindById(4);
        doc["at"] = doc["at"].AsInt64 + 1;
        Audit.Update(doc);

        Verify().FirstBroken.Should().Be(4);
    }

    [Fact]
    public void Verify_EditedEntryWithItsHashRecomputed_IsBrokenAtTheNextEntry()
    {
        var doc = Audit.FindById(2);
        doc["details"] = "forged";
        doc["hash"] = AuditChain.ComputeHash(doc["prev"].AsString, 2, DateTimeOffset.FromUnixTimeMilliseconds(doc["at"].AsInt64),
            doc["actor"].AsString, Channel.Cli, doc["action"].AsString, doc["subject"].AsString, "forged");
        Audit.Update(doc);

        Verify().FirstBroken.Should().Be(3);
    }

    [Fact]
    public void Verify_DeletedEntry_IsBrokenWhereItWas()
    {
        Audit.Delete(3);

        Verify().Should().Be(new AuditVerification(2, 3));
    }

    [Fact]
    public void Verify_DeletedLastEntry_IsBrokenAgainstTheRecordedHead()
    {
        Audit.Delete(5);

        Verify().Should().Be(new AuditVerification(4, 5));
    }

    [Fact]
    public void Verify_EntryAppendedBehindTheStoresBack_IsBroken()
    {
        var last = _t.Store.Read(s => s.Audit.Last()!);
        var forged = AuditChain.Link(last, _t.Time.GetUtcNow(), TestStore.Admin, "staff.create", "S-0666", "");
        Audit.Insert(McsOps.Core.Storage.LiteDb.LiteAuditLog.ToDoc(forged));

        Verify().FirstBroken.Should().Be(6);
    }

    [Fact]
    public void Verify_ReorderedEntries_IsBroken()
    {
        var two = Audit.FindById(2);
        var three = Audit.FindById(3);
        (two["_id"], three["_id"]) = (3, 2);
        Audit.Delete(2);
        Audit.Delete(3);
        Audit.Insert(two);
        Audit.Insert(three);

        Verify().FirstBroken.Should().Be(2);
    }

    [Fact]
    public void Verify_EntryThatNoLongerReads_IsBrokenThere()
    {
        var doc = Audit.FindById(2);
        doc["channel"] = 42;
        Audit.Update(doc);

        Verify().FirstBroken.Should().Be(2);
    }

    [Fact]
    public void Append_StampsTheStoreClockInUtcMilliseconds()
    {
        var last = _t.Store.Read(s => s.Audit.Last()!);
        last.At.Should().Be(_t.Time.GetUtcNow());
        last.Sequence.Should().Be(5);
        last.Channel.Should().Be(Channel.Cli);
    }

    [Fact]
    public void Newest_ReadsTheLastEntriesBackwards_AndAllWhenAskedForMore()
    {
        _t.Store.Read(s => s.Audit.Newest(2)).Select(e => e.Sequence).Should().Equal(5, 4);
        _t.Store.Read(s => s.Audit.Newest(int.MaxValue)).Select(e => e.Subject).Should().Equal("S-0005", "S-0004", "S-0003", "S-0002", "S-0001");
    }
}
