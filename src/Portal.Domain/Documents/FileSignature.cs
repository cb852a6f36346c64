namespace Portal.Domain.Documents;

/// <summary>
/// What a file is, judged by its first bytes, never by its name: only PDF, JPEG and PNG are accepted.
/// An HTML page or an executable renamed to .pdf is refused.
/// </summary>
public static class FileSignature
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";

    public static string? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return Jpeg;
        }

        return head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }) ? Png : null;
    }

    public static string Extension(string contentType) => contentType switch
    {
        Pdf => ".pdf",
        Jpeg => ".jpg",
        Png => ".png",
        _ => throw new ArgumentOutOfRangeException(nameof(contentType), contentType, null),
    };
}
