using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Portal.Web.Features.Account;

/// <summary>
/// External OpenID Connect providers (a national e-ID such as VNeID), from configuration:
/// <c>Authentication:External:{Scheme}:Authority|ClientId|ClientSecret|DisplayName|CitizenIdClaim|RequireHttpsMetadata</c>.
/// </summary>
public sealed class ExternalProviderOptions
{
    public string Scheme { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    public string Authority { get; set; } = string.Empty;

    public string ClientId { get; set; } = string.Empty;

    public string? ClientSecret { get; set; }

    /// <summary>
    /// The claim carrying the verified 12-digit citizen ID (VNeID-style providers put it in a dedicated claim).
    /// Required: a provider without it is not offered, since a claim users choose themselves must never name an account.
    /// </summary>
    public string CitizenIdClaim { get; set; } = string.Empty;

    public bool RequireHttpsMetadata { get; set; } = true;
}

public static class ExternalProviders
{
    public const string SectionName = "Authentication:External";

    public static IReadOnlyList<ExternalProviderOptions> Read(IConfiguration configuration) =>
        [.. configuration.GetSection(SectionName).GetChildren().Select(section =>
        {
            var provider = new ExternalProviderOptions { Scheme = section.Key };
            section.Bind(provider);
            provider.Scheme = section.Key;
            return provider;
        }).Where(p => !string.IsNullOrWhiteSpace(p.Authority) && !string.IsNullOrWhiteSpace(p.ClientId) && !string.IsNullOrWhiteSpace(p.CitizenIdClaim))];

    public static AuthenticationBuilder AddExternalProviders(this AuthenticationBuilder builder, IConfiguration configuration)
    {
        foreach (var provider in Read(configuration))
        {
            builder.AddOpenIdConnect(provider.Scheme, provider.DisplayName, o =>
            {
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.Authority = provider.Authority;
                o.ClientId = provider.ClientId;
                o.ClientSecret = provider.ClientSecret;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.UsePkce = true;
                o.RequireHttpsMetadata = provider.RequireHttpsMetadata;
                o.CallbackPath = $"/signin-{provider.Scheme}";
                o.SignedOutCallbackPath = $"/signout-callback-{provider.Scheme}";
                o.GetClaimsFromUserInfoEndpoint = true;
                o.MapInboundClaims = false;
                o.Scope.Clear();
                o.Scope.Add("openid");
                o.Scope.Add("profile");
                o.SaveTokens = false;
                if (!provider.RequireHttpsMetadata)
                {
                    // Plain-HTTP development providers only: browsers drop SameSite=None cookies that are not
                    // Secure, so use Lax cookies and a query response instead of the default form_post.
                    o.ResponseMode = OpenIdConnectResponseMode.Query;
                    o.CorrelationCookie.SecurePolicy = o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                    o.CorrelationCookie.SameSite = o.NonceCookie.SameSite = SameSiteMode.Lax;
                }
            });
        }

        return builder;
    }
}
