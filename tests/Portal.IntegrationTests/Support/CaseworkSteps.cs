using System.Net;

namespace Portal.IntegrationTests.Support;

/// <summary>An officer's or leader's statutory step on a dossier, posted as their browser would from the dossier page.</summary>
public static class CaseworkSteps
{
    public static async Task ActAsync(BrowserClient user, string code, string step, Dictionary<string, string>? fields = null)
    {
        var response = await user.PostFormAsync($"/can-bo/ho-so/{code}/{step}", fields ?? [], $"/can-bo/ho-so/{code}");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{step} on {code}: {(int)response.StatusCode}");
    }
}
