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
    public IActionResult Error() => View("Error", StatusCodes.Status500InternalServerError);

    [Route("/loi/{status:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Status(int status)
    {
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
