using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Authorization;

namespace Portal.Web.Infrastructure;

/// <summary>
/// Pages (MVC controllers) need a signed-in user unless they say [AllowAnonymous], and every form post
/// carries an antiforgery token. API controllers get neither: they authenticate bearer tokens only, so
/// a browser's cookie can never act through them (no cross-site request forgery to defend).
/// </summary>
internal sealed class PageConventions : IControllerModelConvention
{
    public void Apply(ControllerModel controller)
    {
        if (controller.Attributes.OfType<ApiControllerAttribute>().Any())
        {
            return;
        }

        controller.Filters.Add(new AuthorizeFilter());
        controller.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
    }
}
