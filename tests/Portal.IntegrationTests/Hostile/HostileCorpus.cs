namespace Portal.IntegrationTests.Hostile;

/// <summary>
/// The hostile-input corpus: values an attacker, a broken client or a careless copy-paste sends. Each is
/// tried in every field of every form and API body the tests below name; raw-body cases (invalid UTF-8,
/// deep nesting, oversized, malformed multipart, no antiforgery token) are listed with their targets.
/// </summary>
public static class HostileCorpus
{
    /// <summary>(category, value).</summary>
    public static readonly IReadOnlyList<(string Category, string Value)> Values =
    [
        ("empty", string.Empty),
        ("blank", "   "),
        ("oversized field (10,000 characters)", new string('A', 10_000)),
        ("oversized field (200,000 characters)", new string('Ư', 200_000)),
        ("HTML script", "<script>alert(1)</script>"),
        ("HTML attribute break-out", "\"><img src=x onerror=alert(1)>"),
        ("javascript URL", "javascript:alert(document.cookie)"),
        ("SVG onload", "<svg onload=alert(1)>"),
        ("SQL quote", "' OR '1'='1"),
        ("SQL statement", "1; DROP TABLE \"Dossiers\";--"),
        ("SQL comment and wildcard", "%' --"),
        ("backslash", "\\"),
        ("path traversal", "../../../../etc/passwd"),
        ("Windows path traversal", "..\\..\\windows\\win.ini"),
        ("encoded path traversal", "%2e%2e%2f%2e%2e%2fetc%2fpasswd"),
        ("NUL character", "abc\u0000def"),
        ("control characters", "\u0001\u0002\u001b[31mred\u007f"),
        ("right-to-left override", "\u202Efdp.exe"),
        ("byte-order mark", "\uFEFF038090000001"),
        ("zero-width space", "0380\u200B90000001"),
        ("lone surrogate", "\uD800"),
        ("emoji", string.Concat(Enumerable.Repeat("😀", 300))),
        ("decomposed Vietnamese (NFD)", "Nguye\u0302\u0303n Va\u0306n A"),
        ("negative number", "-1"),
        ("huge number", "99999999999999999999999999999"),
        ("float overflow", "1e309"),
        ("not a number", "NaN"),
        ("hexadecimal", "0x7fffffff"),
        ("year 1", "0001-01-01"),
        ("year 9999", "9999-12-31"),
        ("30 February", "2026-02-30"),
        ("far past, Vietnamese format", "31/12/1899"),
        ("far future", "2999-01-01T00:00:00Z"),
        ("citizen ID, 11 digits", "03809000000"),
        ("citizen ID, 13 digits", "0380900000011"),
        ("citizen ID, letters", "abcdefghijkl"),
        ("citizen ID, full-width digits", "０３８０９００００００１"),
        ("citizen ID with a new line", "038090000001\r\n"),
        ("phone, too long", "0912345678901"),
        ("phone, country code only", "+84"),
        ("template injection", "${7*7}{{7*7}}@(1+1)"),
        ("JSON in a string", "{\"$type\":\"System.IO.FileInfo\"}"),
        ("null word", "null"),
        ("CRLF header injection", "x\r\nSet-Cookie: hacked=1"),
    ];

    /// <summary>Deep JSON: 10,000 nested arrays (the serializer's limit is 64).</summary>
    public static string DeepJson(int depth = 10_000) => new string('[', depth) + new string(']', depth);

    /// <summary>Bytes that are not UTF-8 (a lone continuation byte, an overlong encoding, a truncated sequence).</summary>
    public static readonly byte[] InvalidUtf8 = [(byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0x80, 0xC0, 0xAF, 0xE2, 0x82, (byte)'"', (byte)'}'];
}
