using Portal.Infrastructure;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Staff;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddPortalInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddPortalWeb(builder.Configuration, builder.Environment);

var app = builder.Build();

// `init`: migrate and seed the database (whatever Database:MigrateOnStartup says), then exit: the one-shot job
// of a scaled deployment, before replicas that start with MigrateOnStartup=false (deploy/README.md).
var init = args.Length > 0 && args[0] == "init";
await DatabaseInitializer.InitializeAsync(app.Services, force: init);

if (init)
{
    Console.Out.WriteLine("database initialised: migrations applied, reference data, OpenID Connect clients and counters seeded");
    return 0;
}

if (args.Length > 0 && args[0] == CreateAdministratorCommand.Name)
{
    return await CreateAdministratorCommand.RunAsync(app.Services, args, Console.Out);
}

if (args.Length > 0 && args[0] == Portal.Web.Features.Statistics.StatisticsCommand.Name)
{
    return await Portal.Web.Features.Statistics.StatisticsCommand.RunAsync(app.Services, args, Console.Out);
}

if (args.Length > 0 && args[0] == Portal.Web.Features.Audit.AuditCommand.Name)
{
    return await Portal.Web.Features.Audit.AuditCommand.RunAsync(app.Services, args, Console.Out);
}

app.UsePortalWeb();

await app.RunAsync();
return 0;

/// <summary>The web host's entry point, public so integration tests can host it.</summary>
public partial class Program;
