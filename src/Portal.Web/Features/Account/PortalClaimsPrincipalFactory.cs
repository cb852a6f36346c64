using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Features.Account;

/// <summary>Adds the display name and whether the account uses two-factor sign-in to the cookie's principal.</summary>
public sealed class PortalClaimsPrincipalFactory(UserManager<PortalUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaimTypes.FullName, user.FullName));
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(PortalClaimTypes.TwoFactor, "true"));
        }

        return identity;
    }
}
