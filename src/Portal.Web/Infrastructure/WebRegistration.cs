using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.WebEncoders;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Authorization;
using Portal.Web.Features.Account;
using Portal.Web.Features.Filing;

namespace Portal.Web.Infrastructure;

public static class WebRegistration
{
    public static readonly CultureInfo[] SupportedCultures = [new("vi-VN"), new("en-US")];

    public static IServiceCollection AddPortalWeb(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        // Console logs with citizen IDs and phone numbers masked (docs/security.md).
        // Logging:Console:FormatterName=json writes one JSON object per line instead (structured, same masking).
        services.AddLogging(logging => logging
            .AddConsoleFormatter<MaskingConsoleFormatter, Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>()
            .AddConsoleFormatter<MaskingJsonConsoleFormatter, Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>()
            .AddConsole(o => o.FormatterName = string.Equals(configuration["Logging:Console:FormatterName"], MaskingJsonConsoleFormatter.ConfigurationValue, StringComparison.OrdinalIgnoreCase)
                ? MaskingJsonConsoleFormatter.FormatterName
                : MaskingConsoleFormatter.FormatterName));
        services.AddPortalObservability(configuration);

        // Vietnamese text is written as text, not as &#x...; entities (smaller pages, readable source).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("vi-VN");
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });

        services.AddControllersWithViews(o =>
            {
                o.Conventions.Add(new PageConventions());
                o.Filters.Add<BusinessRuleExceptionFilter>();
                o.Filters.Add<StaffTwoFactorFilter>();
            })
            .AddRazorOptions(o =>
            {
                o.ViewLocationFormats.Clear();
                o.ViewLocationFormats.Add("/Features/{1}/{0}" + RazorViewEngine.ViewExtension);
                o.ViewLocationFormats.Add("/Features/Shared/{0}" + RazorViewEngine.ViewExtension);
            })
            .AddViewLocalization()
            .AddJsonOptions(o => o.JsonSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        services.AddProblemDetails();
        services.AddOpenApi("v1");

        services.AddScoped<SubmitDossier>();
        services.AddScoped<FilingFormFactory>();
        services.AddScoped<Features.FeeRules.FeeRuleImpact>();
        services.AddScoped<AttachmentIntake>();
        services.AddScoped<Features.Casework.StaffDirectory>();
        services.AddScoped<Features.Casework.DigestComposer>();
        services.AddMemoryCache();
        services.AddScoped<Features.Supervision.SupervisionQueries>();
        services.AddSingleton<Features.Supervision.SiteActivity>();
        services.AddSingleton<Features.Supervision.SiteActivityFlusher>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Supervision.SiteActivityFlusher>());
        var digest = configuration.GetSection("Casework:DailyDigest").Get<Features.Casework.DailyDigestOptions>() ?? new Features.Casework.DailyDigestOptions();
        services.AddSingleton(digest);
        services.AddSingleton<Features.Casework.DailyDigestService>();
        if (digest.Enabled && Portal.Infrastructure.Messaging.MessagingOptions.From(configuration).ProcessDossiers)
        {
            // Sent by the processing role (one per deployment is enough; the per-day record stops duplicates anyway).
            services.AddHostedService(sp => sp.GetRequiredService<Features.Casework.DailyDigestService>());
        }
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = AttachmentIntake.MaxTotalBytes + (1024 * 1024));
        services.AddScoped<IUserClaimsPrincipalFactory<PortalUser>, PortalClaimsPrincipalFactory>();
        services.AddScoped<IdentityErrorDescriber, LocalizedIdentityErrorDescriber>();
        services.AddSingleton<IAuthorizationHandler, DossierAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, QueueAuthorizationHandler>();
        services.Configure<AccountOptions>(configuration.GetSection(AccountOptions.SectionName));

        var dataDirectory = DatabaseOptions.From(configuration, environment.ContentRootPath).DataDirectory;
        // Keys that sign cookies and antiforgery tokens: in a folder (the embedded default), or in the shared
        // database (DataProtection:Store=Database) so that every web replica reads the same ones.
        var dataProtection = services.AddDataProtection().SetApplicationName("Portal");
        if (string.Equals(configuration["DataProtection:Store"], "Database", StringComparison.OrdinalIgnoreCase))
        {
            dataProtection.PersistKeysToDbContext<PortalDbContext>();
        }
        else
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(configuration["DataProtection:KeysDirectory"] ?? Path.Combine(dataDirectory, "keys")));
        }

        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddExternalProviders(configuration)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/dang-nhap";
            o.LogoutPath = "/dang-xuat";
            o.AccessDeniedPath = "/khong-co-quyen";
            o.Cookie.Name = "portal.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        // Role and commune changes reach a signed-in staff member within a minute, not the default 30.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorizationBuilder().AddPortalPolicies();
        services.AddAntiforgery(o => o.Cookie.Name = "portal.csrf");
        // Behind a reverse proxy the client's address (rate limits) and scheme come from X-Forwarded-*,
        // trusted only from the proxies listed in ForwardedHeaders:KnownProxies.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }

            // Networks whose every address is a trusted proxy (CIDR, e.g. a cluster's pod network, where the
            // ingress controller's own addresses are not known in advance).
            foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RateLimits.RejectAsync;
            o.AddPolicy(RateLimits.Lookup, context => RateLimits.PerAddress(context, "lookup", configuration.GetValue("RateLimits:LookupPerMinute", 20)));
            o.AddPolicy(RateLimits.SignIn, context => RateLimits.PerAddress(context, "sign-in", configuration.GetValue("RateLimits:SignInPerMinute", 10)));
            o.AddPolicy(RateLimits.Registration, context => RateLimits.PerAddress(context, "registration", configuration.GetValue("RateLimits:RegistrationPerMinute", 5)));

            // The API and the token endpoint, for every caller, on top of any endpoint's own policy.
            var apiPerMinute = configuration.GetValue("RateLimits:ApiPerMinute", 300);
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/connect/token")
                    ? RateLimits.PerAddress(context, "api", apiPerMinute)
                    : RateLimitPartition.GetNoLimiter(string.Empty));
        });
        return services;
    }

    public static WebApplication UsePortalWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseForwardedHeaders();
        app.Use((context, next) =>
        {
            Portal.Infrastructure.Persistence.WriterName.Set("web"); // the write path's metrics, by writer
            return next(context);
        });
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = ClientErrors.StatusOf });
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/loi", StatusCodeSelector = ClientErrors.StatusOf });
            pages.UseStatusCodePagesWithReExecute("/loi/{0}");
        });
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseMiddleware<Features.Supervision.SiteActivityMiddleware>();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapPortalMetrics();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        // Portal:Role = Processing runs the consumers, the outbox and the sweeps with health endpoints only:
        // the same executable serves as a web replica, a processing replica, or both (the default).
        var processingOnly = string.Equals(app.Configuration["Portal:Role"], "Processing", StringComparison.OrdinalIgnoreCase);
        var readiness = new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthResponse.WriteAsync };
        if (processingOnly)
        {
            // MassTransit reports its endpoints Degraded while the broker is away (it keeps reconnecting): a
            // processing replica can do nothing then, so it is not ready. A web replica stays ready: its filings
            // wait in the outbox until the broker is back.
            readiness.ResultStatusCodes[HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable;
        }

        app.MapHealthChecks("/health/ready", readiness).AllowAnonymous();
        if (!processingOnly)
        {
            app.MapOpenApi("/api/{documentName}/openapi.json").AllowAnonymous();
            app.MapControllers();
        }

        return app;
    }
}

/// <summary>
/// Rate limits per client address (behind a proxy, the forwarded one): the public look-up, sign-in
/// (and its second factor), registration, and the API with the token endpoint. A refusal is a 429
/// with Retry-After and a message in the user's language (a problem document on the API, the error
/// page elsewhere).
/// </summary>
/// <summary>
/// Exceptions that are the client's doing, not a fault: a body over the size limit (413), a request
/// the server cannot read (a broken multipart body, a form value with a NUL character): 4xx, not 500.
/// </summary>
public static class ClientErrors
{
    public static int StatusOf(Exception exception) => exception switch
    {
        Microsoft.AspNetCore.Http.BadHttpRequestException bad => bad.StatusCode,
        InvalidDataException or System.Text.DecoderFallbackException => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };
}

public static class RateLimits
{
    public const string Lookup = nameof(Lookup);
    public const string SignIn = nameof(SignIn);
    public const string Registration = nameof(Registration);
    public const string Message = "Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau một phút.";

    public static RateLimitPartition<string> PerAddress(HttpContext context, string kind, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            $"{kind}:{ClientOf(context.Connection.RemoteIpAddress)}",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, perMinute), Window = TimeSpan.FromMinutes(1) });

    /// <summary>The client an address stands for: an IPv4 address, or an IPv6 /64 (one subscriber's network, whose addresses are theirs to rotate).</summary>
    public static string ClientOf(System.Net.IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new System.Net.IPAddress(bytes) + "/64";
    }

    public static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        http.Response.Headers.RetryAfter = (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60)
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/connect"))
        {
            var localizer = http.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
            await Results.Problem(title: localizer[Message], statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
        }

        // Pages: nothing written, so the status code pages show the error page with the message.
    }
}
