using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Identity.Oidc;

/// <summary>
/// OpenIddict as the portal's OpenID Connect server (docs/decisions/0007-openiddict.md): code flow with
/// PKCE (S256 only), client credentials, rotating refresh tokens, revocation, userinfo; and the
/// validation handler that protects the JSON API.
/// </summary>
public static class OidcRegistration
{
    public static IServiceCollection AddPortalOpenIddict(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database)
    {
        var options = new OidcOptions();
        configuration.GetSection(OidcOptions.SectionName).Bind(options);
        services.AddSingleton(options);
        services.AddScoped<OidcSeeder>();
        var keys = Path.Combine(database.DataDirectory, "oidc");

        services.AddOpenIddict()
            .AddCore(o =>
            {
                o.UseEntityFrameworkCore().UseDbContext<PortalDbContext>();
                o.ReplaceApplicationManager(typeof(LoopbackRedirectApplicationManager<>));
            })
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("/connect/authorize")
                    .SetTokenEndpointUris("/connect/token")
                    .SetUserInfoEndpointUris("/connect/userinfo")
                    .SetRevocationEndpointUris("/connect/revoke")
                    .SetEndSessionEndpointUris("/connect/logout");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow();
                o.RegisterScopes([OpenIddictConstants.Scopes.OpenId, OpenIddictConstants.Scopes.Profile, OpenIddictConstants.Scopes.OfflineAccess, .. options.Scopes.Select(s => s.Name)]);
                o.SetAccessTokenLifetime(options.AccessTokenLifetime)
                    .SetIdentityTokenLifetime(options.IdentityTokenLifetime)
                    .SetAuthorizationCodeLifetime(options.AuthorizationCodeLifetime)
                    .SetRefreshTokenLifetime(options.RefreshTokenLifetime)
                    .SetRefreshTokenReuseLeeway(options.RefreshTokenReuseLeeway);
                o.AddSigningKey(OidcKeys.LoadOrCreate(options.SigningKeyPath ?? Path.Combine(keys, "signing.pem")))
                    .AddEncryptionKey(OidcKeys.LoadOrCreate(options.EncryptionKeyPath ?? Path.Combine(keys, "encryption.pem")));

                if (options.Issuer is not null)
                {
                    o.SetIssuer(options.Issuer);
                }

                // S256 only: OpenIddict still advertises and accepts "plain" unless it is removed.
                o.Configure(server => server.CodeChallengeMethods.Remove(OpenIddictConstants.CodeChallengeMethods.Plain));

                var aspNetCore = o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableStatusCodePagesIntegration();
                if (options.AllowHttp)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.AddAudiences(OidcOptions.ApiResource);
                o.EnableTokenEntryValidation();
                o.UseAspNetCore();
            });
        return services;
    }
}
