namespace McsOps.Core.Application;

/// <summary>
/// A change an admin, a reviewer or the system makes: a positional record run by one handler in
/// one transaction, audited. The TUI, the command line, the admin API and the chat bot all send
/// the same records.
/// </summary>
public interface IOperation<TResult>;
