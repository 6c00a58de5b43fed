namespace McsOps.Bot.Hosting;

/// <summary>The last backup as <c>/readyz</c> shows it: when, which file, and whether it was taken and verified (no error text: the listener may be public).</summary>
internal sealed record ReadyBackup(DateTimeOffset At, string File, bool Ok);
