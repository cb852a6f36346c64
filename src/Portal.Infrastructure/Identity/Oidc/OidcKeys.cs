using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Portal.Infrastructure.Identity.Oidc;

/// <summary>
/// Token keys from PEM files: the configured ones in production; in the embedded default, generated
/// on first run under the data folder (git-ignored, never committed) and reused afterwards.
/// </summary>
public static class OidcKeys
{
    public static RsaSecurityKey LoadOrCreate(string path)
    {
        var rsa = RSA.Create();
        if (File.Exists(path))
        {
            rsa.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            rsa.KeySize = 2048;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var pem = rsa.ExportPkcs8PrivateKeyPem();
            using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            {
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }

                using var writer = new StreamWriter(file);
                writer.Write(pem);
            }
        }

        var thumbprint = Convert.ToHexString(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16];
        return new RsaSecurityKey(rsa) { KeyId = thumbprint };
    }
}
