using Microsoft.AspNetCore.Authorization;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Authorization;

/// <summary>Role policies for pages (cookie) and scope policies for the API (bearer tokens only, never cookies).</summary>
public static class Policies
{
    public const string Citizen = nameof(Citizen);
    public const string Officer = nameof(Officer);
    public const string Supervisor = nameof(Supervisor);
    public const string Administrator = nameof(Administrator);
    public const string ApiCitizen = nameof(ApiCitizen);
    public const string ApiStats = nameof(ApiStats);

    public static AuthorizationBuilder AddPortalPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Citizen, p => p.RequireRole(PortalRoles.Citizen))
        .AddPolicy(Officer, p => p.RequireRole(PortalRoles.Officers.Split(',')))
        .AddPolicy(Supervisor, p => p.RequireRole(PortalRoles.Supervisor))
        .AddPolicy(Administrator, p => p.RequireRole(PortalRoles.Administrator))
        .AddPolicy(ApiCitizen, p => p
            .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .RequireRole(PortalRoles.Citizen)
            .RequireAssertion(c => c.User.HasScope("dossiers")))
        .AddPolicy(ApiStats, p => p
            .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(c => c.User.HasScope("stats")));
}
