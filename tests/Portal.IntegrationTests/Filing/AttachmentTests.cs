using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Portal.IntegrationTests.Browser;
using Portal.IntegrationTests.Support;

namespace Portal.IntegrationTests.Filing;

/// <summary>Uploads posted directly (no browser): judged by content, scanned, size-limited, stored outside the web root.</summary>
public sealed class AttachmentTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    public static TheoryData<string, byte[], string> Refused() => new()
    {
        { "chuong-trinh.pdf", Files.DisguisedExecutable, "chuong-trinh.pdf: chỉ nhận tệp PDF, JPEG hoặc PNG" },
        { "trang.pdf", Files.DisguisedHtml, "trang.pdf: chỉ nhận tệp PDF, JPEG hoặc PNG" },
        { "nhiem-doc.pdf", Files.InfectedPdf, "nhiem-doc.pdf: tệp không an toàn" },
        { "qua-lon.pdf", Files.Oversized, "qua-lon.pdf: tệp quá 5 MB." },
        { "../../../etc/passwd", Files.DisguisedHtml, "passwd: chỉ nhận tệp PDF, JPEG hoặc PNG" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_file_that_is_not_what_it_claims_or_is_infected_or_too_big_is_refused_and_nothing_is_written(string name, byte[] content, string message)
    {
        using var citizen = factory.CreatePortalClient();
        await citizen.SignInAsync("038090000001");
        var before = await factory.QueryAsync(async db => (await db.Dossiers.CountAsync(), await db.Attachments.CountAsync()));

        var response = await PostAsync(citizen, (name, content));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await factory.QueryAsync(async db => (await db.Dossiers.CountAsync(), await db.Attachments.CountAsync())));
    }

    [Fact]
    public async Task More_than_five_files_are_refused()
    {
        using var citizen = factory.CreatePortalClient();
        await citizen.SignInAsync("038090000001");

        var response = await PostAsync(citizen, [.. Enumerable.Range(0, 6).Select(i => ($"tep-{i}.pdf", Files.Pdf))]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Tối đa 5 tệp cho một lần nộp.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Accepted_files_are_stored_outside_the_web_root_under_random_names()
    {
        using var citizen = factory.CreatePortalClient();
        await citizen.SignInAsync("038090000001");

        var response = await PostAsync(citizen, ("to-khai.pdf", Files.Pdf), ("anh.png", Files.Png));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var code = response.Headers.Location!.OriginalString.Split('/')[^1];
        var stored = await factory.QueryAsync(db => db.Attachments.Where(a => db.Dossiers.Any(d => d.Id == a.DossierId && d.Code == Portal.Domain.Dossiers.DossierCode.Parse(code))).ToListAsync());
        Assert.Equal(["anh.png", "to-khai.pdf"], stored.Select(a => a.FileName).Order());
        Assert.All(stored, a =>
        {
            Assert.DoesNotContain("to-khai", a.StorageKey);
            Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "attachments", a.StorageKey)));
        });
        Assert.Equal(HttpStatusCode.OK, (await citizen.Http.GetAsync($"/ho-so/{code}/tep/{stored[0].Id}")).StatusCode);
        using var stranger = factory.CreatePortalClient();
        await stranger.SignInAsync("038195000002");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"/ho-so/{code}/tep/{stored[0].Id}")).StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(PortalClient citizen, params (string Name, byte[] Content)[] files)
    {
        var form = await citizen.GetPageAsync("/nop-ho-so/2.000884");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(PortalClient.AntiforgeryToken(form)), "__RequestVerificationToken" },
            { new StringContent(PortalClient.HiddenValue(form, "ClientRequestId")), "ClientRequestId" },
            { new StringContent("14758"), "CommuneCode" },
            { new StringContent("true"), "Consent" },
            { new StringContent("Giấy ủy quyền"), "Fields[documentName]" },
            { new StringContent("Nguyễn Văn An"), "Fields[signerFullName]" },
        };
        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(file, "Files", name);
        }

        return await citizen.Http.PostAsync("/nop-ho-so/2.000884", content);
    }
}
