using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;

namespace Portal.Infrastructure.Identity.Oidc;

/// <summary>
/// RFC 8252 §7.3: for a public (native) client, a loopback IP redirect URI matches a registered one
/// whatever its port, because the app listens on a port the OS picks at run time. Everything else
/// is compared exactly, as OpenIddict does.
/// </summary>
public sealed class LoopbackRedirectApplicationManager<TApplication>(
    IOpenIddictApplicationCache<TApplication> cache,
    ILogger<OpenIddictApplicationManager<TApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<TApplication> store)
    : OpenIddictApplicationManager<TApplication>(cache, logger, options, store)
    where TApplication : class
{
    public override async ValueTask<bool> ValidateRedirectUriAsync(TApplication application, string uri, CancellationToken cancellationToken = default)
    {
        if (await base.ValidateRedirectUriAsync(application, uri, cancellationToken))
        {
            return true;
        }

        if (!await HasClientTypeAsync(application, OpenIddictConstants.ClientTypes.Public, cancellationToken)
            || !Uri.TryCreate(uri, UriKind.Absolute, out var requested) || !IsLoopbackLiteral(requested))
        {
            return false;
        }

        foreach (var registered in await GetRedirectUrisAsync(application, cancellationToken))
        {
            if (Uri.TryCreate(registered, UriKind.Absolute, out var candidate) && IsLoopbackLiteral(candidate)
                && candidate.Scheme == requested.Scheme && candidate.Host == requested.Host
                && candidate.AbsolutePath == requested.AbsolutePath && candidate.Query == requested.Query
                && string.IsNullOrEmpty(requested.Fragment))
            {
                return true;
            }
        }

        return false;
    }

    // "localhost" is deliberately not accepted: RFC 8252 §8.3 recommends the IP literals.
    private static bool IsLoopbackLiteral(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttp && IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
}
