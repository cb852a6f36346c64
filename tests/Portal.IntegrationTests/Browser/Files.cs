using System.Text;

namespace Portal.IntegrationTests.Browser;

/// <summary>Small real files for uploads: a valid PDF and PNG, and the kinds the portal must refuse.</summary>
public static class Files
{
    public static byte[] Pdf { get; } = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj " +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    public static byte[] Png { get; } = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /// <summary>An HTML page pretending to be a PDF by its name.</summary>
    public static byte[] DisguisedHtml { get; } = Encoding.UTF8.GetBytes("<html><script>alert('x')</script></html>");

    /// <summary>An ELF executable header, named .pdf.</summary>
    public static byte[] DisguisedExecutable { get; } = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>A PDF carrying the EICAR antivirus test signature.</summary>
    public static byte[] InfectedPdf { get; } = Encoding.ASCII.GetBytes("%PDF-1.4\nX5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*\n%%EOF");

    public static byte[] Oversized { get; } = [.. Pdf, .. new byte[(5 * 1024 * 1024) + 1]];
}
