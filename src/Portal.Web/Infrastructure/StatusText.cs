using Portal.Domain.Dossiers;

namespace Portal.Web.Infrastructure;

/// <summary>The Vietnamese name (localisation key) of each dossier status.</summary>
public static class StatusText
{
    /// <summary>
    /// An unfinished dossier past its due date (the citizen's view of "late" before the result exists). A dossier
    /// waiting for the citizen's supplement is not: its clock is paused and its date moves when it resumes.
    /// </summary>
    public static bool IsOverdue(DossierStatus status, DateTimeOffset dueAt, DateTimeOffset now) =>
        status is DossierStatus.New or DossierStatus.Received or DossierStatus.InProcess or DossierStatus.Processed && now > dueAt;

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
