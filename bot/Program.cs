using McsOps.Bot.Hosting;

// Wiring only (ServiceHost): configuration, logging, the store's owner, /healthz, /readyz, Slack and
// the admin API; here the background workers.
return await ServiceHost.RunAsync(args, static builder => builder.Services.AddHostedService<SchedulerWorker>());
