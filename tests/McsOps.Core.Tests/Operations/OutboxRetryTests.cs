using static McsOps.Core.Tests.Policies.PolicyWorld;

namespace McsOps.Core.Tests.Operations;

/// <summary>Issue 6 item 7: a dead message goes again only when an admin says so; recipients without chat are listed in the digest.</summary>
public sealed class OutboxRetryTests : IDisposable
{
    private readonly Policies.PolicyWorld _w = new Policies.PolicyWorld(Jst(2026, 11, 26, 10)).Seed();

    public void Dispose() => _w.Dispose();

    private void Put(OutboxMessage m) => _w.Store.Write(s => { s.Outbox.Upsert(m); return 0; });

    private OutboxMessage Message(string key, OutboxState state, string? error = null) => new()
    {
        Key = key,
        Recipient = S("S-0002"),
        Kind = "training_reminder",
        Content = new MessageContent { Text = "研修" },
        CreatedAt = Jst(2026, 11, 20, 9),
        NotBefore = Jst(2026, 11, 20, 9),
        State = state,
        Attempts = state == OutboxState.Dead ? 8 : 0,
        LastError = error,
    };

    [Fact]
    public void RetryDeadMessage_MakesItPendingNow_AttemptsReset_AndAudited()
    {
        Put(Message("training:S-0002:2026-11", OutboxState.Dead, "chat.postMessage: HTTP 503"));
        var audit = _w.AuditCount;

        var retried = _w.Run(new RetryDeadMessage(" training:S-0002:2026-11 "));

        retried.Should().Match<OutboxMessage>(m => m.State == OutboxState.Pending && m.Attempts == 0 && m.LastError == null && m.NotBefore == Jst(2026, 11, 26, 10));
        _w.Read(s => s.Outbox.Find("training:S-0002:2026-11")).Should().BeEquivalentTo(retried);
        _w.AuditCount.Should().Be(audit + 1);
        var entry = _w.Read(s => s.Audit.Last())!;
        entry.Action.Should().Be("outbox.retry");
        entry.Subject.Should().Be("S-0002");
        entry.Details.Should().Contain("training:S-0002:2026-11").And.Contain("HTTP 503");
        _w.Run(new ListDeadMessages()).Should().BeEmpty();
    }

    [Theory]
    [InlineData(OutboxState.Pending)]
    [InlineData(OutboxState.Sent)]
    public void RetryDeadMessage_OfAMessageThatIsNotDead_IsRejected_NothingWritten(OutboxState state)
    {
        Put(Message("k1", state));
        var audit = _w.AuditCount;

        var e = _w.Rejects(new RetryDeadMessage("k1"));

        e.Key.Should().Be("op.outbox.notdead");
        e.Localize(Lang.En).Should().Contain("only a dead message can be retried");
        _w.Read(s => s.Outbox.Find("k1")).Should().BeEquivalentTo(Message("k1", state));
        _w.AuditCount.Should().Be(audit);
    }

    [Theory]
    [InlineData("no-such-key")]
    [InlineData("")]
    [InlineData("   ")]
    public void RetryDeadMessage_OfAnUnknownKey_IsRejected(string key)
    {
        var audit = _w.AuditCount;

        _w.Rejects(new RetryDeadMessage(key)).Key.Should().Be("op.unknown");
        _w.AuditCount.Should().Be(audit);
    }

    [Fact]
    public void ListDeadMessages_OldestFirst_WithoutContent()
    {
        Put(Message("b", OutboxState.Dead, "e2") with { CreatedAt = Jst(2026, 11, 21, 9) });
        Put(Message("a", OutboxState.Dead, "e1"));
        Put(Message("c", OutboxState.Pending));

        var dead = _w.Run(new ListDeadMessages());

        dead.Select(d => (d.Key, d.LastError, d.Attempts)).Should().Equal(("a", "e1", 8), ("b", "e2", 8));
    }

    [Fact]
    public void Digest_ListsTheRecipientsTheDispatcherHoldsForWantOfAChatLink_NotOthers()
    {
        Put(Message("m1", OutboxState.Pending, OutboxMessage.Unlinked));
        Put(Message("m2", OutboxState.Pending, OutboxMessage.Unlinked));
        Put(Message("m3", OutboxState.Pending, "chat.postMessage: HTTP 503") with { Recipient = S("S-0003") });

        _w.Sweep(Jst(2026, 11, 27, 8, 30));

        var digest = _w.Messages.Single(m => m.Kind == "digest" && m.Key.StartsWith("digest:2026-11-27", StringComparison.Ordinal));
        var field = digest.Content.Fields.Should().ContainSingle(f => f.Label == "チャット未連携のため届けられないスタッフ").Which;
        field.Value.Should().Be("S-0002");
    }
}
