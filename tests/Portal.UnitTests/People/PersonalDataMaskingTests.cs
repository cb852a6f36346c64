using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Domain.People;
using Portal.Web.Infrastructure;

namespace Portal.UnitTests.People;

public sealed class PersonalDataMaskingTests
{
    [Theory]
    [InlineData("038090000001", "038******001")]
    [InlineData("001200000009", "001******009")]
    [InlineData("committee.14758", "committee.14758")] // a staff account's user name is not personal data of a citizen
    [InlineData("03809000000", "03809000000")] // 11 digits: not a citizen ID
    [InlineData("", "")]
    [InlineData(null, "")]
    public void A_citizen_ID_shows_its_first_and_last_three_digits(string? value, string expected) =>
        Assert.Equal(expected, CitizenId.Mask(value));

    [Fact]
    public void The_parsed_ID_masks_the_same_way() => Assert.Equal("038******001", CitizenId.Parse("038090000001").Masked);

    [Theory]
    [InlineData("Sign-in failed for 038090000001 from 10.0.0.1", "Sign-in failed for 038******001 from 10.0.0.1")]
    [InlineData("user=038090000001;phone=0912345678", "user=038******001;phone=091****678")]
    [InlineData("call +84912345678 now", "call +8491****678 now")]
    [InlineData("dossier 14758-261126-0001 and 1234567890123", "dossier 14758-261126-0001 and 1234567890123")] // 13 digits: neither
    public void Log_text_has_citizen_IDs_and_phone_numbers_masked(string text, string expected) =>
        Assert.Equal(expected, MaskingConsoleFormatter.Mask(text));

    [Fact]
    public void The_console_formatter_masks_the_message_and_the_exception()
    {
        using var output = new StringWriter();
        var exception = new InvalidOperationException("Cannot find user 038090000001");
        var entry = new LogEntry<string>(LogLevel.Warning, "Portal.Test", new EventId(7), "Citizen 038090000001, phone 0987654321", exception, (s, _) => s);

        new MaskingConsoleFormatter().Write(entry, null, output);

        var text = output.ToString();
        Assert.StartsWith("warn: Portal.Test[7]", text);
        Assert.Contains("Citizen 038******001, phone 098****321", text);
        Assert.Contains("Cannot find user 038******001", text);
        Assert.DoesNotContain("038090000001", text);
        Assert.DoesNotContain("0987654321", text);
    }

    [Fact]
    public void The_JSON_formatter_writes_one_object_per_line_with_the_message_values_and_scopes_masked()
    {
        using var output = new StringWriter();
        var state = new List<KeyValuePair<string, object?>>
        {
            new("UserName", "038090000001"), new("Attempts", 3), new("{OriginalFormat}", "Sign-in failed for {UserName} after {Attempts}"),
        };
        var scopes = new LoggerExternalScopeProvider();
        using var scope = scopes.Push(new Dictionary<string, object?> { ["RequestId"] = "0HN1", ["Phone"] = "0912345678", ["MessageId"] = "0e5b0000-c0a8-0a0b-4dc3-000000000001" });
        using var inner = scopes.Push(new Dictionary<string, object?> { ["RequestId"] = "second", ["user 038090000001"] = "x" });
        using var text = scopes.Push("Citizen 038090000001 signing in");
        var entry = new LogEntry<List<KeyValuePair<string, object?>>>(
            LogLevel.Warning, "Portal.Test", new EventId(9), state, new InvalidOperationException("no user 038090000001"), (_, _) => "Sign-in failed for 038090000001 after 3");

        new MaskingJsonConsoleFormatter().Write(entry, scopes, output);

        var line = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = System.Text.Json.JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal("Warning", root.GetProperty("level").GetString());
        Assert.Equal("Portal.Test", root.GetProperty("category").GetString());
        Assert.Equal(9, root.GetProperty("eventId").GetInt32());
        Assert.Equal("Sign-in failed for 038******001 after 3", root.GetProperty("message").GetString());
        Assert.Equal("038******001", root.GetProperty("state").GetProperty("UserName").GetString());
        Assert.Equal("3", root.GetProperty("state").GetProperty("Attempts").GetString());
        Assert.False(root.GetProperty("state").TryGetProperty("{OriginalFormat}", out _));
        Assert.Equal("0HN1", root.GetProperty("scopes").GetProperty("RequestId").GetString());
        Assert.Equal("091****678", root.GetProperty("scopes").GetProperty("Phone").GetString());
        Assert.Equal("0e5b0000-c0a8-0a0b-4dc3-000000000001", root.GetProperty("scopes").GetProperty("MessageId").GetString()); // a GUID is not a citizen ID
        Assert.Equal("x", root.GetProperty("scopes").GetProperty("user 038******001").GetString()); // names are masked too
        Assert.Equal("Citizen 038******001 signing in", root.GetProperty("scopeText")[0].GetString());
        Assert.Contains("no user 038******001", root.GetProperty("exception").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("038090000001", line, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", line, StringComparison.Ordinal);
    }
}
