using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Portal.Infrastructure.Notifications;

/// <summary>The <c>Notifications:Email</c> section: where e-mails go.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Notifications:Email";

    /// <summary><c>File</c> (each message an .eml file under the data folder; the embedded default), <c>Smtp</c>, or <c>None</c>.</summary>
    public string Mode { get; set; } = "File";

    public string From { get; set; } = "Cổng dịch vụ công Thanh Hóa <no-reply@dichvucong.thanhhoa.gov.vn>";

    public string? Directory { get; set; }

    public string SmtpHost { get; set; } = "localhost";

    public int SmtpPort { get; set; } = 587;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>The portal's public address, for links in messages.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";
}

/// <summary>Sends one e-mail. Pluggable: SMTP in production, a file sink in the embedded default.</summary>
public interface IEmailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

public sealed class SmtpEmailSender(EmailOptions options) : IEmailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(options.SmtpHost, options.SmtpPort, SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
        if (options.SmtpUser is { Length: > 0 } user)
        {
            await client.AuthenticateAsync(user, options.SmtpPassword ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>Writes each message as an .eml file (readable by any mail client) instead of sending it.</summary>
public sealed class FileEmailSender(string directory) : IEmailSender
{
    public string Directory { get; } = directory;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(path, cancellationToken);
    }
}

public sealed class NoEmailSender : IEmailSender
{
    public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
}
