using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Features.Account;

/// <summary>
/// Where staff two-factor sign-in is required, a staff member without it is sent to set it up before
/// any other page; the set-up and sign-out pages themselves stay reachable.
/// </summary>
public sealed class StaffTwoFactorFilter(IOptions<AccountOptions> options) : IAuthorizationFilter
{
    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var user = context.HttpContext.User;
        if (!options.Value.RequireStaffTwoFactor || user.Identity?.IsAuthenticated != true || !user.IsStaff()
            || user.HasClaim(PortalClaimTypes.TwoFactor, "true")
            || context.ActionDescriptor.EndpointMetadata.OfType<AllowWithoutTwoFactorAttribute>().Any()
            || context.HttpContext.Request.Path.StartsWithSegments("/api"))
        {
            return;
        }

        context.Result = new RedirectResult("/tai-khoan/xac-thuc-hai-buoc");
    }
}

/// <summary>Marks the pages a staff member needs to reach before setting up two-factor sign-in.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowWithoutTwoFactorAttribute : Attribute;
