using Microsoft.Extensions.Localization;
using Portal.Domain.Documents;
using Portal.Infrastructure.Storage;

namespace Portal.Web.Infrastructure;

/// <summary>A file received and checked, not yet stored.</summary>
public sealed record IncomingFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Checks uploads before anything is stored: at most five files, 5 MB each and 20 MB in all; PDF, JPEG
/// or PNG judged by content (a renamed page or program is refused); clean by the antivirus hook; a
/// display name stripped of paths and odd characters.
/// </summary>
public sealed class AttachmentIntake(IAttachmentScanner scanner, IStringLocalizer<SharedResource> l)
{
    public const int MaxFiles = 5;
    public const long MaxFileBytes = 5 * 1024 * 1024;
    public const long MaxTotalBytes = 20 * 1024 * 1024;

    public async Task<(IReadOnlyList<IncomingFile> Files, IReadOnlyList<string> Errors)> ReadAsync(IFormFileCollection? files, CancellationToken cancellationToken)
    {
        var accepted = new List<IncomingFile>();
        var errors = new List<string>();
        var uploads = files?.Where(f => f.Length > 0).ToList() ?? [];
        if (uploads.Count > MaxFiles)
        {
            return ([], [l["Tối đa {0} tệp cho một lần nộp.", MaxFiles]]);
        }

        if (uploads.Sum(f => f.Length) > MaxTotalBytes)
        {
            return ([], [l["Tổng dung lượng tệp tối đa 20 MB."]]);
        }

        foreach (var upload in uploads)
        {
            var name = SafeName(upload.FileName);
            if (upload.Length > MaxFileBytes)
            {
                errors.Add(l["{0}: tệp quá 5 MB.", name]);
                continue;
            }

            using var buffer = new MemoryStream();
            await upload.CopyToAsync(buffer, cancellationToken);
            var content = buffer.ToArray();
            var type = FileSignature.Detect(content);
            if (type is null)
            {
                errors.Add(l["{0}: chỉ nhận tệp PDF, JPEG hoặc PNG (kiểm tra theo nội dung tệp).", name]);
                continue;
            }

            if (!await scanner.IsCleanAsync(content, cancellationToken))
            {
                errors.Add(l["{0}: tệp không an toàn (phát hiện mã độc), không được nhận.", name]);
                continue;
            }

            accepted.Add(new IncomingFile(name, type, content));
        }

        return (accepted, errors);
    }

    /// <summary>The last path segment only, without control or path characters, at most 120 characters.</summary>
    public static string SafeName(string? fileName)
    {
        var last = (fileName ?? string.Empty).Replace('\\', '/').Split('/').LastOrDefault() ?? string.Empty;
        var cleaned = new string([.. last.Where(c => !char.IsControl(c) && c is not ('<' or '>' or ':' or '"' or '|' or '?' or '*'))]).Trim().TrimStart('.');
        cleaned = cleaned.Length > Attachment.FileNameMaxLength ? cleaned[^Attachment.FileNameMaxLength..] : cleaned;
        return cleaned.Length == 0 ? "tep" : cleaned;
    }
}
