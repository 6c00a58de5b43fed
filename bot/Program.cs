var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSlack(builder.Configuration);
var app = builder.Build();
app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" }));
app.MapSlack();
app.Run();

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
