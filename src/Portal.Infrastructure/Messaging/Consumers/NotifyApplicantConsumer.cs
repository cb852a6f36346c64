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
public sealed class NotifyApplicantConsumer(UnitOfWork unitOfWork, IEmailSender email, EmailOptions options, TimeProvider clock) : IConsumer<DossierStatusChangedMessage>
{
    public const string Name = "notify-applicant";

    public async Task Consume(ConsumeContext<DossierStatusChangedMessage> context)
    {
        var message = context.Message;
        var messageId = context.MessageId ?? message.DossierId;
        var db = unitOfWork.Db;
        var recipient = await unitOfWork.ExecuteAsync(
            async ct =>
            {
                if (await db.InboxMessages.AnyAsync(m => m.MessageId == messageId && m.Consumer == Name, ct))
                {
                    return null;
                }

                db.InboxMessages.Add(new InboxMessage { MessageId = messageId, Consumer = Name, ProcessedAt = clock.GetUtcNow() });
                var owner = await db.Dossiers.AsNoTracking().Where(d => d.Id == message.DossierId).Select(d => d.Applicant.UserId).FirstOrDefaultAsync(ct);
                if (owner is null || await db.Notifications.AnyAsync(n => n.DossierId == message.DossierId && n.Status == (int)message.To && n.At == message.At, ct))
                {
                    return null;
                }

                db.Notifications.Add(new Notification { UserId = owner, DossierId = message.DossierId, DossierCode = message.Code, Status = (int)message.To, At = message.At });
                return await db.Users.AsNoTracking().Where(u => u.Id == owner).Select(u => new { u.Email, u.FullName }).FirstOrDefaultAsync(ct);
            },
            context.CancellationToken);

        if (recipient?.Email is { Length: > 0 } address)
        {
            await email.SendAsync(Compose(address, recipient.FullName, message), context.CancellationToken);
        }
    }

    private MimeMessage Compose(string address, string name, DossierStatusChangedMessage message)
    {
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(options.From));
        mail.To.Add(new MailboxAddress(name, address));
        mail.Subject = $"Hồ sơ {message.Code}: {StatusNames.Vietnamese(message.To)}";
        mail.Body = new TextPart("plain")
        {
            Text = $"Kính gửi {name},\n\nHồ sơ {message.Code} của bạn đã chuyển sang trạng thái \"{StatusNames.Vietnamese(message.To)}\" lúc "
                + $"{Domain.Calendar.VietnamTime.ToLocal(message.At):dd/MM/yyyy HH:mm}.\nXem chi tiết: {options.PublicBaseUrl.TrimEnd('/')}/ho-so/{message.Code}\n\n"
                + $"Your dossier {message.Code} is now \"{StatusNames.English(message.To)}\".\n",
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
