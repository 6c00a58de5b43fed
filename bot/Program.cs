using McsOps.Bot.Hosting;

// Wiring only (ServiceHost): configuration, logging, the store's owner, /healthz, /readyz, Slack and
// the admin API. A background worker is one line here: builder.Services.AddHostedService<TWorker>();
return await ServiceHost.RunAsync(args, static builder => { });
