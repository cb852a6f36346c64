using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;
using Portal.Domain.Common;

namespace Portal.Web.Infrastructure;

/// <summary>A broken business rule is the user's to fix, not a server error: show it as a 409 page in their language.</summary>
internal sealed class BusinessRuleExceptionFilter(IStringLocalizer<SharedResource> localizer) : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        if (context.Exception is not BusinessRuleViolationException violation)
        {
            return;
        }

        context.Result = new ViewResult
        {
            ViewName = "~/Features/Errors/Rule.cshtml",
            StatusCode = StatusCodes.Status409Conflict,
            ViewData = new Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary(
                new Microsoft.AspNetCore.Mvc.ModelBinding.EmptyModelMetadataProvider(), context.ModelState)
            {
                Model = localizer[RuleMessages.For(violation.Rule.Code)].Value,
            },
        };
        context.ExceptionHandled = true;
    }
}

/// <summary>The Vietnamese text (the localisation key) for each business rule code.</summary>
public static class RuleMessages
{
    public static string For(string code) => code switch
    {
        "dossier.transition.not-allowed" => "Thao tác này không áp dụng cho hồ sơ ở trạng thái hiện tại.",
        "dossier.reason.required" => "Vui lòng nêu lý do (tối đa 1000 ký tự).",
        _ => "Yêu cầu không hợp lệ.",
    };
}
