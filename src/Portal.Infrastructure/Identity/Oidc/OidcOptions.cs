namespace Portal.Infrastructure.Identity.Oidc;

/// <summary>The <c>Oidc</c> configuration section: token lifetimes, keys, scopes and client applications.</summary>
public sealed class OidcOptions
{
    public const string SectionName = "Oidc";

    /// <summary>The audience of tokens the portal's own API accepts.</summary>
    public const string ApiResource = "portal-api";

    /// <summary>
    /// The issuer of the tokens, the portal's public address (<c>https://dichvucong.thanhhoa.gov.vn/</c>). Set it when
    /// several replicas serve behind a load balancer, so that a token one replica issued is valid on the others
    /// whatever address each was reached by. Empty: the address of the request (one instance).
    /// </summary>
    public Uri? Issuer { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan IdentityTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long a used refresh token still works (a retry after a lost response). Zero: strictly single use.</summary>
    public TimeSpan RefreshTokenReuseLeeway { get; set; } = TimeSpan.Zero;

    /// <summary>PEM files (PKCS#8 RSA) for signing and encrypting tokens; empty means generated once under the data folder.</summary>
    public string? SigningKeyPath { get; set; }

    public string? EncryptionKeyPath { get; set; }

    /// <summary>Serve the endpoints over plain HTTP (loopback development only).</summary>
    public bool AllowHttp { get; set; }

    public IList<OidcScopeOptions> Scopes { get; } = [];

    public IList<OidcClientOptions> Clients { get; } = [];
}

public sealed class OidcScopeOptions
{
    public string Name { get; set; } = string.Empty;

    public string? DisplayName { get; set; }

    /// <summary>The audiences a token granted this scope is issued for.</summary>
    public IList<string> Resources { get; } = [];
}

public sealed class OidcClientOptions
{
    public string ClientId { get; set; } = string.Empty;

    /// <summary>Set for confidential clients; public clients (mobile apps) have none and must use PKCE.</summary>
    public string? ClientSecret { get; set; }

    public string DisplayName { get; set; } = string.Empty;

    public IList<string> RedirectUris { get; } = [];

    public IList<string> PostLogoutRedirectUris { get; } = [];

    /// <summary><c>authorization_code</c>, <c>refresh_token</c>, <c>client_credentials</c>.</summary>
    public IList<string> GrantTypes { get; } = [];

    public IList<string> Scopes { get; } = [];
}
