using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc.Authorization;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Portal.Infrastructure.Persistence;
using Portal.Web.Features.Filing;

namespace Portal.Web.Infrastructure;

public static class WebRegistration
{
    public static readonly CultureInfo[] SupportedCultures = [new("vi-VN"), new("en-US")];

    public static IServiceCollection AddPortalWeb(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        // Vietnamese text is written as text, not as &#x...; entities (smaller pages, readable source).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("vi-VN");
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        services.AddControllersWithViews(o =>
            {
                // Every page needs a signed-in user unless it says [AllowAnonymous]; unknown URLs stay plain 404s.
                o.Filters.Add(new AuthorizeFilter());
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.Filters.Add<BusinessRuleExceptionFilter>();
            })
            .AddRazorOptions(o =>
            {
                o.ViewLocationFormats.Clear();
                o.ViewLocationFormats.Add("/Features/{1}/{0}" + RazorViewEngine.ViewExtension);
                o.ViewLocationFormats.Add("/Features/Shared/{0}" + RazorViewEngine.ViewExtension);
            })
            .AddViewLocalization();

        services.AddScoped<SubmitDossier>();
        services.AddScoped<FilingFormFactory>();

        var dataDirectory = DatabaseOptions.From(configuration, environment.ContentRootPath).DataDirectory;
        services.AddDataProtection()
            .SetApplicationName("Portal")
            .PersistKeysToFileSystem(new DirectoryInfo(configuration["DataProtection:KeysDirectory"] ?? Path.Combine(dataDirectory, "keys")));

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
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
            o.Events = new CookieAuthenticationEvents();
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Citizen, p => p.RequireRole(Portal.Infrastructure.Identity.PortalRoles.Citizen))
            .AddPolicy(Policies.Officer, p => p.RequireRole(Portal.Infrastructure.Identity.PortalRoles.Officers.Split(',')));
        services.AddAntiforgery(o => o.Cookie.Name = "portal.csrf");
        return services;
    }

    public static WebApplication UsePortalWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseExceptionHandler("/loi");
        app.UseStatusCodePagesWithReExecute("/loi/{0}");
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("ready"),
            ResponseWriter = HealthResponse.WriteAsync,
        }).AllowAnonymous();
        app.MapControllers();
        return app;
    }
}

public static class Policies
{
    public const string Citizen = nameof(Citizen);
    public const string Officer = nameof(Officer);
}
