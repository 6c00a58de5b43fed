using System.Net;
using McsOps.Core;

namespace McsOps.Bot.Chat.Teams;

/// <summary>
/// Teams for the outbox dispatcher: a staff member is reachable once their Entra object id is
/// linked and the bot has a conversation reference for them (they added the bot, or wrote to it).
/// One attempt opens the 1:1 conversation when it is not known yet and posts the card; 429 is
/// <see cref="DeliveryResult.Throttled"/>, 5xx and timeouts a retryable failure, any other refusal final.
/// </summary>
internal sealed class TeamsDelivery(IServiceProvider services, TeamsConnector connector) : IChatDelivery
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    public Channel Platform => Channel.Teams;

    private TeamsReferences References => services.GetRequiredService<TeamsReferences>();

    public ChatAddress? AddressOf(Staff staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return staff.TeamsUserId is { Length: > 0 } user && References.Find(user) is { } reference
            ? new ChatAddress(user, reference.Conversation ?? user, reference.Tenant)
            : null;
    }

    public async Task<DeliveryResult> DeliverAsync(ChatAddress to, MessageContent content, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(content);
        if (References.Find(to.User) is not { } reference)
        {
            return new DeliveryResult.Failed("no Teams conversation reference for this user", Retryable: false);
        }

        try
        {
            var conversation = reference.Conversation;
            if (conversation is null)
            {
                var created = await connector.CreateConversation(reference.ServiceUrl, reference.ChatUserId, reference.Tenant, cancel);
                if (!created.IsSuccess || created.Id is null)
                {
                    return Refused("create conversation", created);
                }

                conversation = created.Id;
                References.Save(reference with { Conversation = conversation });
            }

            var posted = await connector.Post(reference.ServiceUrl, conversation, null, TeamsCards.Activity(content), cancel);
            return posted.IsSuccess ? new DeliveryResult.Accepted(posted.Id ?? string.Empty) : Refused("post", posted);
        }
        catch (HttpRequestException e)
        {
            return new DeliveryResult.Failed("network: " + (e.HttpRequestError.ToString()), Retryable: true);
        }
        catch (TaskCanceledException) when (!cancel.IsCancellationRequested)
        {
            return new DeliveryResult.Failed("timeout", Retryable: true);
        }
    }

    private static DeliveryResult Refused(string step, TeamsAnswer answer) => answer switch
    {
        { Status: HttpStatusCode.TooManyRequests } => new DeliveryResult.Throttled(answer.RetryAfter ?? DefaultRetryAfter),
        _ when ReferenceEquals(answer, TeamsAnswer.NotAllowed) => new DeliveryResult.Failed(step + ": the service URL is not in Teams:AllowedServiceUrls", Retryable: false),
        { Status: >= HttpStatusCode.InternalServerError or HttpStatusCode.RequestTimeout } => new DeliveryResult.Failed($"{step}: HTTP {(int)answer.Status}", Retryable: true),
        _ => new DeliveryResult.Failed($"{step}: HTTP {(int)answer.Status}", Retryable: false),
    };
}
