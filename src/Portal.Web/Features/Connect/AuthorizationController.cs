using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Portal.Infrastructure.Identity;
using Portal.Web.Features.Account;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Web.Features.Connect;

/// <summary>
/// The OpenID Connect endpoints OpenIddict passes through to us. An MVC controller on purpose: the
/// authorization endpoint must redirect an anonymous browser to the sign-in page, not answer 401.
/// It decides explicitly which claim goes into which token.
/// </summary>
public sealed class AuthorizationController(
    IOpenIddictApplicationManager applications,
    IOpenIddictScopeManager scopes,
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn) : Controller
{
    [AllowAnonymous]
    [HttpGet("~/connect/authorize")]
    [HttpPost("~/connect/authorize")]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> Authorize()
    {
        var request = HttpContext.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("No OpenID Connect request.");
        var cookie = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!cookie.Succeeded || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(OpenIddictConstants.Errors.LoginRequired, "The user is not signed in.");
            }

            var parameters = (Request.HasFormContentType ? Request.Form.AsEnumerable() : Request.Query.AsEnumerable())
                .Where(p => p.Key != Parameters.Prompt).ToList();
            return Challenge(
                new AuthenticationProperties { RedirectUri = Request.PathBase + Request.Path + QueryString.Create(parameters) },
                IdentityConstants.ApplicationScheme);
        }

        var user = await users.GetUserAsync(cookie.Principal);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return Refuse(OpenIddictConstants.Errors.AccessDenied, "The account cannot be used.");
        }

        var identity = await CreateIdentityAsync(user, request.GetScopes());
        return SignIn(new ClaimsPrincipal(identity), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    [AllowAnonymous]
    [AllowWithoutTwoFactor]
    [HttpPost("~/connect/token")]
    [IgnoreAntiforgeryToken]
    [Produces("application/json")]
    public async Task<IActionResult> Exchange()
    {
        var request = HttpContext.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("No OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!) ?? throw new InvalidOperationException("Unknown client.");
            var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, request.ClientId);
            identity.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application));
            identity.SetScopes(request.GetScopes());
            identity.SetResources(await ToListAsync(scopes.ListResourcesAsync(identity.GetScopes())));
            identity.SetDestinations(_ => [OpenIddictConstants.Destinations.AccessToken]);
            return SignIn(new ClaimsPrincipal(identity), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // The code or refresh token is valid; re-read the account so a locked or deleted user gets nothing.
            var result = await HttpContext.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var user = result.Principal?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
            if (user is null || await users.IsLockedOutAsync(user) || !await signIn.CanSignInAsync(user))
            {
                return Refuse(OpenIddictConstants.Errors.InvalidGrant, "The account can no longer sign in.");
            }

            var identity = await CreateIdentityAsync(user, result.Principal!.GetScopes());
            return SignIn(new ClaimsPrincipal(identity), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Refuse(OpenIddictConstants.Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    [AllowWithoutTwoFactor]
    [HttpGet("~/connect/userinfo")]
    [HttpPost("~/connect/userinfo")]
    [IgnoreAntiforgeryToken]
    [Authorize(AuthenticationSchemes = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)]
    [Produces("application/json")]
    public async Task<IActionResult> UserInfo()
    {
        var user = await users.FindByIdAsync(User.GetClaim(Claims.Subject) ?? string.Empty);
        if (user is null)
        {
            return Challenge(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = OpenIddictConstants.Errors.InvalidToken,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The account no longer exists.",
                }),
                OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { [Claims.Subject] = user.Id };
        if (User.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = user.FullName;
            claims[Claims.PreferredUsername] = user.UserName!;
            claims[Claims.Role] = await users.GetRolesAsync(user);
        }

        return Ok(claims);
    }

    /// <summary>
    /// A client's sign-out request. With an identity token hint (validated by OpenIddict) the client proves
    /// it is the user's; without one the user confirms, so no other site can sign people out with a link.
    /// </summary>
    [AllowAnonymous]
    [AllowWithoutTwoFactor]
    [HttpGet("~/connect/logout")]
    public async Task<IActionResult> Logout()
    {
        var request = HttpContext.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("No OpenID Connect request.");
        return request.IdTokenHint is null ? View("Logout", Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString())) : await SignOutAsync();
    }

    [AllowAnonymous]
    [AllowWithoutTwoFactor]
    [HttpPost("~/connect/logout")]
    [ActionName(nameof(Logout))]
    public Task<IActionResult> LogoutConfirmed() => SignOutAsync();

    private async Task<IActionResult> SignOutAsync()
    {
        await signIn.SignOutAsync();
        return SignOut(new AuthenticationProperties { RedirectUri = "/" }, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private async Task<ClaimsIdentity> CreateIdentityAsync(PortalUser user, IEnumerable<string> grantedScopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaim(Claims.Name, user.FullName)
            .SetClaim(Claims.PreferredUsername, user.UserName)
            .SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);
        var staffClaims = (await users.GetClaimsAsync(user)).Where(c => c.Type is PortalClaimTypes.Commune or PortalClaimTypes.Agency);
        foreach (var claim in staffClaims)
        {
            identity.AddClaim(new Claim(claim.Type, claim.Value));
        }

        identity.SetScopes(grantedScopes);
        identity.SetResources(await ToListAsync(scopes.ListResourcesAsync(identity.GetScopes())));
        identity.SetDestinations(claim => DestinationsOf(claim, identity));
        return identity;
    }

    /// <summary>Which token each claim goes into: the access token carries what the API authorises on; the identity token only what the profile scope allows.</summary>
    private static IEnumerable<string> DestinationsOf(Claim claim, ClaimsIdentity identity)
    {
        var profile = identity.HasScope(Scopes.Profile);
        return claim.Type switch
        {
            Claims.Subject => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
            Claims.Name or Claims.PreferredUsername or Claims.Role when profile =>
                [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
            Claims.Role or PortalClaimTypes.Commune or PortalClaimTypes.Agency => [OpenIddictConstants.Destinations.AccessToken],
            _ => [],
        };
    }

    private ForbidResult Refuse(string error, string description) => Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    private static async Task<List<string>> ToListAsync(IAsyncEnumerable<string> source)
    {
        var list = new List<string>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
