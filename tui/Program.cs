using McsOps.Tui.Cli;

return CliApp.Run(args, CliIo.FromConsole(), TimeProvider.System);
