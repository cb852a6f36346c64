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
/// 409 problem details for the API. Two people changing one record at once (optimistic concurrency)
/// is a 409 too; a write path that stayed busy too long is a 503 to retry. Nothing was written in either case.
/// </summary>
internal sealed class BusinessRuleExceptionFilter(IStringLocalizer<SharedResource> localizer, ProblemDetailsFactory problems) : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        var (key, status) = context.Exception switch
        {
            BusinessRuleViolationException violation => (RuleMessages.For(violation.Rule.Code), StatusCodes.Status409Conflict),
            RequestIdAlreadyUsedException => ("Mã yêu cầu này đã được dùng cho một hồ sơ khác.", StatusCodes.Status409Conflict),
            Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException =>
                ("Hồ sơ vừa được người khác cập nhật; thao tác của bạn chưa được ghi. Vui lòng tải lại trang và thử lại.", StatusCodes.Status409Conflict),
            var busy when busy is Portal.Infrastructure.Persistence.WriteGateTimeoutException || Portal.Infrastructure.Persistence.DatabaseBusy.Is(busy) =>
                ("Hệ thống đang bận; thao tác của bạn chưa được ghi. Vui lòng thử lại sau ít phút.", StatusCodes.Status503ServiceUnavailable),
            _ => ((string?)null, 0),
        };
        if (key is null)
        {
            return;
        }

        var message = localizer[key].Value;
        context.Result = context.HttpContext.Request.Path.StartsWithSegments("/api")
            ? new ObjectResult(problems.CreateProblemDetails(context.HttpContext, status, detail: message)) { StatusCode = status }
            : new ViewResult
            {
                ViewName = "~/Features/Errors/Rule.cshtml",
                StatusCode = status,
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
        "dossier.closed" => "Hồ sơ đã kết thúc xử lý.",
        "dossier.proposal.missing" => "Cán bộ chưa đề xuất kết quả; lãnh đạo chưa thể ký.",
        "dossier.appointment.invalid" => "Ngày hẹn mới phải là một ngày làm việc sau ngày hẹn hiện tại (trong vòng một năm).",
        "dossier.version.stale" => "Hồ sơ vừa được người khác cập nhật; thao tác của bạn chưa được ghi. Vui lòng tải lại trang và thử lại.",
        "dossier.assignee.invalid" => "Người được phân công không thuộc hàng đợi này.",
        "dossier.proposal.pending" => "Đã có đề xuất đang chờ lãnh đạo ký.",
        "dossier.proposal.self-signed" => "Người đề xuất không thể tự ký duyệt đề xuất của mình.",
        "dossier.claim.taken" => "Hồ sơ đã được phân công cho cán bộ khác; lãnh đạo có thể phân công lại.",
        "dossier.release.not-assignee" => "Chỉ cán bộ được phân công mới trả hồ sơ về hàng đợi chung.",
        _ => "Yêu cầu không hợp lệ.",
    };
}
