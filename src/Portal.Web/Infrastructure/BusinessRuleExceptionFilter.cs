using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;
using Portal.Domain.Common;
using Portal.Web.Features.Filing;

namespace Portal.Web.Infrastructure;

/// <summary>
/// A broken business rule is the user's to fix, not a server error: a 409 page in their language, or a
/// 409 problem details for the API.
/// </summary>
internal sealed class BusinessRuleExceptionFilter(IStringLocalizer<SharedResource> localizer, ProblemDetailsFactory problems) : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        var key = context.Exception switch
        {
            BusinessRuleViolationException violation => RuleMessages.For(violation.Rule.Code),
            RequestIdAlreadyUsedException => "Mã yêu cầu này đã được dùng cho một hồ sơ khác.",
            _ => null,
        };
        if (key is null)
        {
            return;
        }

        var message = localizer[key].Value;
        context.Result = context.HttpContext.Request.Path.StartsWithSegments("/api")
            ? new ObjectResult(problems.CreateProblemDetails(context.HttpContext, StatusCodes.Status409Conflict, detail: message)) { StatusCode = StatusCodes.Status409Conflict }
            : new ViewResult
            {
                ViewName = "~/Features/Errors/Rule.cshtml",
                StatusCode = StatusCodes.Status409Conflict,
                ViewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), context.ModelState) { Model = message },
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
        "dossier.payment.invalid" => "Thanh toán phải đúng số tiền phải nộp, bằng hình thức không dùng tiền mặt và có mã giao dịch.",
        _ => "Yêu cầu không hợp lệ.",
    };
}
