using Portal.Infrastructure;
using Portal.Infrastructure.Seeding;
using Portal.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddPortalInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddPortalWeb(builder.Configuration, builder.Environment);

var app = builder.Build();

await DatabaseInitializer.InitializeAsync(app.Services);

app.UsePortalWeb();

await app.RunAsync();

/// <summary>The web host's entry point, public so integration tests can host it.</summary>
public partial class Program;
