using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Identity.Oidc;
using Portal.Infrastructure.Messaging;
using Portal.Infrastructure.Notifications;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.ReferenceData;
using Portal.Infrastructure.Seeding;

namespace Portal.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Database (SQLite or SQL Server by configuration), Identity stores, bus, outbox and reference data.</summary>
    public static IServiceCollection AddPortalInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        var database = DatabaseOptions.From(configuration, contentRootPath);
        services.AddSingleton(database);
        services.AddSingleton(TimeProvider.System);

        if (database.Provider == DatabaseProvider.SqlServer)
        {
            var connectionString = database.ConnectionString
                ?? throw new InvalidOperationException("Database:ConnectionString is required for SQL Server.");
            services.AddDbContext<SqlServerPortalDbContext>(o => o.UseSqlServer(connectionString));
            services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<SqlServerPortalDbContext>());
            services.AddSingleton<IWriteGate, OpenWriteGate>();
        }
        else
        {
            var connectionString = database.ResolveSqliteConnectionString();
            var pragmas = new SqlitePragmaInterceptor(database.SqliteJournalSizeLimitBytes, database.SqliteBusyTimeoutMilliseconds);
            services.AddSingleton<IWriteGate>(sp => new SerialWriteGate(sp.GetRequiredService<Observability.PortalMetrics>()));
            // Microsoft.Data.Sqlite retries a busy database itself for the command timeout (30 s by default),
            // whatever the busy_timeout pragma says: both follow the one setting, so a lock held elsewhere
            // fails the write (a 503 to retry) in that time instead of holding the write path for 30 seconds.
            var busySeconds = Math.Max(1, (database.SqliteBusyTimeoutMilliseconds + 999) / 1000);
            services.AddDbContext<SqlitePortalDbContext>(o => o.UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(busySeconds)).AddInterceptors(pragmas));
            services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<SqlitePortalDbContext>());
        }

        services.AddScoped<UnitOfWork>();
        services.AddSingleton<Observability.PortalMetrics>();
        services.AddHostedService<Observability.PortalGaugeRefresher>();
        services.AddScoped<AdministrativeUnits.UnitChanges>();
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<DemoAccountSeeder>();
        services.AddSingleton<WorkingCalendarProvider>();
        services.AddSingleton<CommuneDirectory>();

        services.AddIdentityCore<PortalUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.ClaimsIdentity.UserIdClaimType = System.Security.Claims.ClaimTypes.NameIdentifier;
                o.User.RequireUniqueEmail = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddPortalOpenIddict(configuration, database);
        var email = configuration.GetSection(EmailOptions.SectionName).Get<EmailOptions>() ?? new EmailOptions();
        services.AddSingleton(email);
        services.AddSingleton<IEmailSender>(email.Mode switch
        {
            "Smtp" => new SmtpEmailSender(email),
            "None" => new NoEmailSender(),
            _ => new FileEmailSender(email.Directory ?? Path.Combine(database.DataDirectory, "mail")),
        });
        services.AddSingleton(new Storage.AttachmentStoreOptions(Path.Combine(database.DataDirectory, "attachments")));
        services.AddSingleton<Storage.IAttachmentStore, Storage.FileAttachmentStore>();
        services.AddSingleton<Storage.IAttachmentScanner>(configuration["Attachments:Scanner"] == "None"
            ? new Storage.NoAttachmentScanner()
            : new Storage.EicarSignatureScanner());
        services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database", tags: ["ready"]);
        services.AddPortalMessaging(configuration);
        return services;
    }
}
