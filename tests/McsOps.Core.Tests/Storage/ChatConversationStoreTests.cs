using LiteDB;
using McsOps.Core.Storage.LiteDb;

namespace McsOps.Core.Tests.Storage;

/// <summary>The chat conversation references: a round trip through the file, one per platform user, and documents of another shape read without failing.</summary>
public sealed class ChatConversationStoreTests : IDisposable
{
    private readonly TestStore _t = new();

    public void Dispose() => _t.Dispose();

    private static ChatConversation Reference(string conversation) => new(
        Channel.Teams, "0a1b2c3d-0000-4000-8000-000000000001", "29:1abc", "tenant-1", "https://smba.trafficmanager.net/jp/", conversation,
        new DateTimeOffset(2026, 11, 26, 10, 0, 0, 123, TimeSpan.FromHours(9)));

    [Fact]
    public void Save_ThenReopen_ReadsTheSameReference_InUtc()
    {
        _t.Store.Write(s =>
        {
            s.Conversations.Save(Reference("a:1first"));
            s.Conversations.Save(Reference("a:1second"));
            return 0;
        });
        _t.Close();

        var back = _t.Store.Read(s => s.Conversations.Find(Channel.Teams, "0a1b2c3d-0000-4000-8000-000000000001"));

        back.Should().Be(Reference("a:1second") with { UpdatedAt = new DateTimeOffset(2026, 11, 26, 1, 0, 0, 123, TimeSpan.Zero) });
        _t.Store.Read(s => s.Conversations.Find(Channel.Slack, "0a1b2c3d-0000-4000-8000-000000000001")).Should().BeNull("one reference per platform user");
        _t.Store.Read(s => s.Conversations.Find(Channel.Teams, string.Empty)).Should().BeNull();
    }

    [Fact]
    public void ADocumentWithoutOptionalFieldsOrWithNewOnes_IsRead_AndOneWithoutItsServiceUrlIsNone()
    {
        _t.Store.Write(s =>
        {
            var raw = ((LiteSession)s).Database.GetCollection("chat_conversations");
            raw.Upsert(new BsonDocument { ["_id"] = "teams:old", ["chat_user"] = "29:1old", ["service_url"] = "https://smba.trafficmanager.net/jp/" });
            raw.Upsert(new BsonDocument { ["_id"] = "teams:new", ["v"] = 7, ["chat_user"] = "29:1new", ["service_url"] = "https://x/", ["conversation"] = "a:1", ["future"] = new BsonArray { 1, 2 } });
            raw.Upsert(new BsonDocument { ["_id"] = "teams:broken", ["chat_user"] = "29:1b", ["service_url"] = 42 });
            return 0;
        });

        var old = _t.Store.Read(s => s.Conversations.Find(Channel.Teams, "old"))!;
        old.Tenant.Should().BeNull();
        old.Conversation.Should().BeNull();
        old.UpdatedAt.Should().Be(DateTimeOffset.UnixEpoch);
        _t.Store.Read(s => s.Conversations.Find(Channel.Teams, "new"))!.Conversation.Should().Be("a:1");
        _t.Store.Read(s => s.Conversations.Find(Channel.Teams, "broken")).Should().BeNull();
    }

    [Fact]
    public void SameAs_IgnoresOnlyWhenItWasSeen()
    {
        Reference("a:1").SameAs(Reference("a:1") with { UpdatedAt = DateTimeOffset.UnixEpoch }).Should().BeTrue();
        Reference("a:1").SameAs(Reference("a:2")).Should().BeFalse();
        Reference("a:1").SameAs(null).Should().BeFalse();
    }
}
