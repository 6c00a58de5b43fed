namespace McsOps.Core;

/// <summary>What one scheduler sweep did.</summary>
public sealed record SweepResult(int ReviewsOpened, int ReviewsEscalated, int MessagesEnqueued);
