using Microsoft.AspNetCore.Identity;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Seeding;

namespace Portal.Web.Features.Staff;

/// <summary>
/// <c>dotnet Portal.Web.dll create-admin USERNAME "FULL NAME"</c>: the first administrator of a real
/// deployment (which has no demo accounts). Prints a one-time password; two-factor set-up follows at
/// first sign-in.
/// </summary>
public static class CreateAdministratorCommand
{
    public const string Name = "create-admin";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output)
    {
        if (args.Count < 2 || string.IsNullOrWhiteSpace(args[1]))
        {
            await output.WriteLineAsync("usage: create-admin USERNAME [\"FULL NAME\"]");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        await DemoAccountSeeder.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        var password = StaffController.TemporaryPassword();
        var user = new PortalUser
        {
            UserName = args[1].Trim(),
            FullName = args.Count > 2 ? args[2].Trim() : args[1].Trim(),
            IsStaff = true,
            CreatedAt = TimeProvider.System.GetUtcNow(),
        };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, PortalRoles.Administrator);
        }

        if (!result.Succeeded)
        {
            await output.WriteLineAsync("create-admin failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
            return 1;
        }

        await output.WriteLineAsync($"Administrator '{user.UserName}' created. One-time password (shown once): {password}");
        return 0;
    }
}
