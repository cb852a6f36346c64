using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Mvc;

namespace Portal.Web.Features.Errors;

[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    [Route("/loi")]
    [IgnoreAntiforgeryToken]
    public IActionResult Error() => View("Error", Response.StatusCode is >= 400 and < 500 ? Response.StatusCode : StatusCodes.Status500InternalServerError);

    [Route("/loi/{status:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Status()
    {
        // Read from the route, not bound: the request re-executed here may carry a form that cannot be
        // read (a NUL character, a broken multipart body), and binding would turn its 400 into a 500.
        var status = int.TryParse(RouteData.Values["status"] as string, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 0;
        var code = status is >= 400 and < 600 ? status : StatusCodes.Status500InternalServerError;
        Response.StatusCode = code;

        // An OpenID Connect request refused by the server: say why, for the partner app's developer.
        if (HttpContext.GetOpenIddictServerResponse() is { Error: { } error } response)
        {
            ViewData["OidcError"] = $"{error}: {response.ErrorDescription}";
        }

        return View("Error", code);
    }
}
