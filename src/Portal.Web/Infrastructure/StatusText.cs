using Portal.Domain.Dossiers;

namespace Portal.Web.Infrastructure;

/// <summary>The Vietnamese name (localisation key) of each dossier status.</summary>
public static class StatusText
{
    public static string For(DossierStatus status) => status switch
    {
        DossierStatus.New => "Mới nộp, chờ tiếp nhận",
        DossierStatus.Received => "Đã tiếp nhận",
        DossierStatus.RefusedAtReception => "Từ chối tiếp nhận",
        DossierStatus.InProcess => "Đang xử lý",
        DossierStatus.SupplementRequested => "Yêu cầu bổ sung",
        DossierStatus.Withdrawn => "Công dân rút hồ sơ",
        DossierStatus.Stopped => "Dừng xử lý",
        DossierStatus.Processed => "Đã giải quyết",
        DossierStatus.ResultReturned => "Đã trả kết quả",
        _ => status.ToString(),
    };

    public static string For(DeadlineEventKind kind) => kind switch
    {
        DeadlineEventKind.Start => "Bắt đầu tính hạn",
        DeadlineEventKind.Pause => "Tạm dừng (chờ bổ sung)",
        DeadlineEventKind.Resume => "Tiếp tục tính hạn",
        DeadlineEventKind.Extend => "Gia hạn (thư xin lỗi)",
        DeadlineEventKind.Transfer => "Chuyển hàng đợi",
        _ => kind.ToString(),
    };

    public static string For(Timeliness timeliness) => timeliness switch
    {
        Timeliness.Early => "Trước hạn",
        Timeliness.OnTime => "Đúng hạn",
        _ => "Quá hạn",
    };
}
