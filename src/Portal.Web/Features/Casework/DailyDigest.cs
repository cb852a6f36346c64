using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Portal.Domain.Calendar;
using Portal.Domain.Dossiers;
using Portal.Domain.Routing;
using Portal.Domain.Worklists;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Notifications;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.ReferenceData;

namespace Portal.Web.Features.Casework;

/// <summary>What needs an officer's attention today: their late and nearly due dossiers, and what waits for their signature.</summary>
public sealed record DigestView(
    string UserName, DateOnly Day, int Assigned, IReadOnlyList<WorklistItem> Overdue, IReadOnlyList<WorklistItem> DueSoon, int OverdueCount, int DueSoonCount,
    int AwaitingSignature);

public sealed class DigestComposer(PortalDbContext db, WorkingCalendarProvider calendars, TimeProvider clock)
{
    public const int Listed = 20;

    /// <param name="signs">The queues whose proposals this person signs (leaders and their delegates).</param>
    public Task<DigestView> ComposeAsync(string userName, IReadOnlyList<ProcessingQueue> signs, CancellationToken cancellationToken) =>
        ComposeAsync(userName, signs, clock.GetUtcNow(), cancellationToken);

    public async Task<DigestView> ComposeAsync(string userName, IReadOnlyList<ProcessingQueue> signs, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(cancellationToken);
        var soon = VietnamTime.AtLocal(calendar.AddWorkingDays(VietnamTime.LocalDate(now), 1), calendar.OfficeClose);
        var mine = db.WorklistItems.AsNoTracking().Where(w => w.AssignedTo == userName && w.Status != DossierStatus.Processed);
        var overdue = mine.Where(w => w.DueAt < now);
        var dueSoon = mine.Where(w => w.DueAt >= now && w.DueAt <= soon);
        var signQueues = signs.Select(q => q.Name).ToList();
        return new DigestView(
            userName,
            VietnamTime.LocalDate(now),
            await mine.CountAsync(cancellationToken),
            await overdue.OrderBy(w => w.DueAt).ThenBy(w => w.DossierCode).Take(Listed).ToListAsync(cancellationToken),
            await dueSoon.OrderBy(w => w.DueAt).ThenBy(w => w.DossierCode).Take(Listed).ToListAsync(cancellationToken),
            await overdue.CountAsync(cancellationToken),
            await dueSoon.CountAsync(cancellationToken),
            signQueues.Count == 0 ? 0 : await db.WorklistItems.AsNoTracking().CountAsync(w => signQueues.Contains(w.QueueName) && w.AwaitingSignature, cancellationToken));
    }
}

/// <summary>The <c>Casework:DailyDigest</c> section.</summary>
public sealed class DailyDigestOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Local time (Asia/Ho_Chi_Minh) from which the day's digests go out.</summary>
    public TimeOnly SendAt { get; set; } = new(7, 30);

    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Every working day from 07:30 local time, each commune officer and leader gets a digest of what is late
/// and what falls due by the next working day (e-mailed when they have an address, shown on their
/// digest page always). Recorded per officer and day, so restarts and replicas never send two.
/// </summary>
public sealed partial class DailyDigestService(
    IServiceScopeFactory scopes, DailyDigestOptions options, TimeProvider clock, ILogger<DailyDigestService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueDigestsAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }

            await Task.Delay(options.CheckInterval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Sends today's digest to every commune staff member who has not had it yet, if it is time. Returns how many were sent.</summary>
    public async Task<int> SendDueDigestsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var calendar = await services.GetRequiredService<WorkingCalendarProvider>().GetAsync(cancellationToken);
        var local = VietnamTime.ToLocal(now);
        var today = DateOnly.FromDateTime(local.DateTime);
        if (!calendar.IsWorkingDay(today) || TimeOnly.FromDateTime(local.DateTime) < options.SendAt)
        {
            return 0;
        }

        var db = services.GetRequiredService<PortalDbContext>();
        var staff = services.GetRequiredService<StaffDirectory>();
        var composer = services.GetRequiredService<DigestComposer>();
        var email = services.GetRequiredService<IEmailSender>();
        var emailOptions = services.GetRequiredService<EmailOptions>();
        var unitOfWork = services.GetRequiredService<UnitOfWork>();
        var done = await db.StaffDigests.AsNoTracking().Where(d => d.Day == today).Select(d => d.UserName).ToListAsync(cancellationToken);
        var people = await CommuneStaffAsync(db, cancellationToken);
        var sent = 0;
        foreach (var person in people.Where(p => !done.Contains(p.User.UserName!)))
        {
            try
            {
                if (await SendOneAsync(person.User, person.Principal, today, now, db, staff, composer, email, emailOptions, unitOfWork, cancellationToken))
                {
                    sent++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One officer's failure (a bad address, the mail server) does not hold up the others; tomorrow is another digest.
                LogPersonFailed(ex, person.User.UserName!);
            }
        }

        return sent;
    }

    /// <summary>
    /// Claims the officer's digest for the day first (the unique row: a second replica or a restart finds
    /// it and stops), then mails it and records that it was mailed.
    /// </summary>
    private static async Task<bool> SendOneAsync(
        PortalUser user, ClaimsPrincipal principal, DateOnly today, DateTimeOffset now, PortalDbContext db, StaffDirectory staff, DigestComposer composer,
        IEmailSender email, EmailOptions emailOptions, UnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        var signs = new List<ProcessingQueue>();
        foreach (var queue in principal.Queues())
        {
            if (await staff.SignsForAsync(principal, queue, cancellationToken))
            {
                signs.Add(queue);
            }
        }

        var digest = await composer.ComposeAsync(user.UserName!, signs, now, cancellationToken);
        var claimed = await unitOfWork.ExecuteAsync(
            async ct =>
            {
                if (await db.StaffDigests.AnyAsync(d => d.UserName == digest.UserName && d.Day == today, ct))
                {
                    return false;
                }

                db.StaffDigests.Add(new StaffDigest
                {
                    UserName = digest.UserName, Day = today, SentAt = now, Assigned = digest.Assigned, Overdue = digest.OverdueCount,
                    DueSoon = digest.DueSoonCount, AwaitingSignature = digest.AwaitingSignature,
                });
                return true;
            },
            cancellationToken);
        if (!claimed)
        {
            return false;
        }

        if (!string.IsNullOrWhiteSpace(user.Email) && (digest.Assigned > 0 || digest.AwaitingSignature > 0))
        {
            await email.SendAsync(Compose(user, digest, emailOptions), cancellationToken);
            await unitOfWork.ExecuteAsync(
                ct => db.StaffDigests.Where(d => d.UserName == digest.UserName && d.Day == today).ExecuteUpdateAsync(x => x.SetProperty(d => d.Emailed, true), ct),
                cancellationToken);
        }

        return true;
    }

    private static async Task<IReadOnlyList<(PortalUser User, ClaimsPrincipal Principal)>> CommuneStaffAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var roles = PortalRoles.CommuneStaff.ToList();
        var rows = await (
            from user in db.Users.AsNoTracking()
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where roles.Contains(role.Name!)
            select new { User = user, Role = role.Name! }).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.User.Id).Distinct().ToList();
        var claims = await db.UserClaims.AsNoTracking().Where(c => ids.Contains(c.UserId)).ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => r.User.Id).Select(g =>
        {
            var user = g.First().User;
            var identity = new ClaimsIdentity("digest", ClaimTypes.Name, ClaimTypes.Role);
            identity.AddClaim(new Claim(ClaimTypes.Name, user.UserName!));
            identity.AddClaims(g.Select(r => new Claim(ClaimTypes.Role, r.Role)));
            identity.AddClaims(claims.Where(c => c.UserId == user.Id).Select(c => new Claim(c.ClaimType!, c.ClaimValue!)));
            return (user, new ClaimsPrincipal(identity));
        })];
    }

    private static MimeMessage Compose(PortalUser user, DigestView digest, EmailOptions options)
    {
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(options.From));
        mail.To.Add(new MailboxAddress(user.FullName, user.Email!));
        mail.Subject = $"Tóm tắt công việc ngày {digest.Day:dd/MM/yyyy}: {digest.OverdueCount} hồ sơ quá hạn, {digest.DueSoonCount} hồ sơ sắp đến hạn";
        var lines = new List<string>
        {
            $"Kính gửi {user.FullName},",
            string.Empty,
            $"Hồ sơ đang được phân công cho anh/chị: {digest.Assigned}.",
            $"Quá hạn: {digest.OverdueCount}. Đến hạn trong một ngày làm việc: {digest.DueSoonCount}.",
        };
        if (digest.AwaitingSignature > 0)
        {
            lines.Add($"Đề xuất chờ anh/chị ký duyệt: {digest.AwaitingSignature}.");
        }

        lines.AddRange(digest.Overdue.Select(w => $"  - {w.DossierCode} · {w.ApplicantName} · hạn {VietnamTime.LocalDate(w.DueAt):dd/MM/yyyy} (quá hạn)"));
        lines.AddRange(digest.DueSoon.Select(w => $"  - {w.DossierCode} · {w.ApplicantName} · hạn {VietnamTime.LocalDate(w.DueAt):dd/MM/yyyy}"));
        lines.Add(string.Empty);
        lines.Add($"Xem chi tiết: {options.PublicBaseUrl.TrimEnd('/')}/can-bo/tom-tat");
        mail.Body = new TextPart("plain") { Text = string.Join('\n', lines) };
        return mail;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending the officers' daily digests failed; will retry")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The daily digest of {UserName} could not be sent")]
    private partial void LogPersonFailed(Exception exception, string userName);
}
