using MassTransit;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Portal.Domain.Dossiers;
using Portal.Infrastructure.Citizens;
using Portal.Infrastructure.Messaging.Contracts;
using Portal.Infrastructure.Messaging.Inbox;
using Portal.Infrastructure.Notifications;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Messaging.Consumers;

/// <summary>
/// Tells the applicant about every change of their dossier: a notice in the portal (once per change,
/// whatever the redeliveries: a second supplement request is a second notice) and an e-mail when their
/// profile has an address.
/// </summary>
public sealed class NotifyApplicantConsumer(UnitOfWork unitOfWork, IEmailSender email, EmailOptions options, TimeProvider clock)
    : IConsumer<DossierStatusChangedMessage>, IConsumer<DossierSubmitted>
{
    public const string Name = "notify-applicant";

    /// <summary>The filing itself: "received by the portal, waiting for the unit" (the receipt is on the dossier's page).</summary>
    public Task Consume(ConsumeContext<DossierSubmitted> context) =>
        NotifyAsync(context, context.Message.DossierId, context.Message.Code, DossierStatus.New, context.Message.FiledAt);

    public Task Consume(ConsumeContext<DossierStatusChangedMessage> context) =>
        NotifyAsync(context, context.Message.DossierId, context.Message.Code, context.Message.To, context.Message.At);

    private async Task NotifyAsync(ConsumeContext context, Guid dossierId, string code, DossierStatus status, DateTimeOffset at)
    {
        var messageId = context.MessageId ?? dossierId;
        var db = unitOfWork.Db;
        var recipient = await unitOfWork.ExecuteAsync(
            async ct =>
            {
                if (await db.InboxMessages.AnyAsync(m => m.MessageId == messageId && m.Consumer == Name, ct))
                {
                    return null;
                }

                db.InboxMessages.Add(new InboxMessage { MessageId = messageId, Consumer = Name, ProcessedAt = clock.GetUtcNow() });
                var owner = await db.Dossiers.AsNoTracking().Where(d => d.Id == dossierId).Select(d => d.Applicant.UserId).FirstOrDefaultAsync(ct);
                if (owner is null || await db.Notifications.AnyAsync(n => n.DossierId == dossierId && n.Status == (int)status && n.At == at, ct))
                {
                    return null;
                }

                db.Notifications.Add(new Notification { UserId = owner, DossierId = dossierId, DossierCode = code, Status = (int)status, At = at });
                return await db.Users.AsNoTracking().Where(u => u.Id == owner).Select(u => new { u.Email, u.FullName }).FirstOrDefaultAsync(ct);
            },
            context.CancellationToken);

        if (recipient?.Email is { Length: > 0 } address)
        {
            await email.SendAsync(Compose(address, recipient.FullName, code, status, at), context.CancellationToken);
        }
    }

    private MimeMessage Compose(string address, string name, string code, DossierStatus status, DateTimeOffset at)
    {
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(options.From));
        mail.To.Add(new MailboxAddress(name, address));
        mail.Subject = $"Hồ sơ {code}: {StatusNames.Vietnamese(status)}";
        mail.Body = new TextPart("plain")
        {
            Text = $"Kính gửi {name},\n\nHồ sơ {code} của bạn đã chuyển sang trạng thái \"{StatusNames.Vietnamese(status)}\" lúc "
                + $"{Domain.Calendar.VietnamTime.ToLocal(at):dd/MM/yyyy HH:mm}.\nXem chi tiết: {options.PublicBaseUrl.TrimEnd('/')}/ho-so/{code}\n\n"
                + $"Your dossier {code} is now \"{StatusNames.English(status)}\".\n",
        };
        return mail;
    }
}

/// <summary>Status names for messages sent outside the web request (no UI culture there).</summary>
public static class StatusNames
{
    public static string Vietnamese(DossierStatus status) => status switch
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

    public static string English(DossierStatus status) => status switch
    {
        DossierStatus.New => "New, awaiting reception",
        DossierStatus.Received => "Received",
        DossierStatus.RefusedAtReception => "Refused at reception",
        DossierStatus.InProcess => "In process",
        DossierStatus.SupplementRequested => "Supplement requested",
        DossierStatus.Withdrawn => "Withdrawn by the citizen",
        DossierStatus.Stopped => "Processing stopped",
        DossierStatus.Processed => "Processed",
        DossierStatus.ResultReturned => "Result returned",
        _ => status.ToString(),
    };
}

public sealed class NotifyApplicantConsumerDefinition : ConsumerDefinition<NotifyApplicantConsumer>
{
    public const string QueueName = "dossier-notifications";

    public NotifyApplicantConsumerDefinition() => EndpointName = QueueName;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<NotifyApplicantConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        consumerConfigurator.UseMessageRetry(r => r.Intervals(100, 500, 1000));
    }
}
