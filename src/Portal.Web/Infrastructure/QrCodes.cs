using QRCoder;

namespace Portal.Web.Infrastructure;

public static class QrCodes
{
    /// <summary>A PNG QR code of <paramref name="text"/> as a data URI, for an img tag (works with JavaScript off and when printed).</summary>
    public static string DataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(4));
    }
}
