using Microsoft.AspNetCore.Identity;
using SegmentDashboard.Storage;

namespace SegmentDashboard.Auth;

/// <summary>
/// <c>SegmentDashboard users add NAME [--admin]</c> (password on standard input) and
/// <c>SegmentDashboard users token NAME</c> (prints a new personal access token), with the same
/// configuration as the server (appsettings, environment, --Key value arguments).
/// </summary>
public static class UsersCommand
{
    public const string Usage = "Usage: SegmentDashboard users add NAME [--admin]   (password on standard input)\n"
        + "       SegmentDashboard users token NAME        (prints a new personal access token)";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "users";

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var admin = args.Contains("--admin", StringComparer.Ordinal);
        var positional = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal) || a == "--admin").Where(a => a != "--admin").ToArray();
        var configArgs = args.SkipWhile(a => !a.StartsWith("--", StringComparison.Ordinal) || a == "--admin").Where(a => a != "--admin").ToArray();
        if (positional.Length != 3 || positional[1] is not ("add" or "token") || string.IsNullOrWhiteSpace(positional[2]))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var builder = WebApplication.CreateBuilder(configArgs);
        builder.Logging.ClearProviders();
        var options = AuthOptions.From(builder.Configuration);
        builder.Services.AddStorage();
        builder.Services.AddSingleton(options);
        if (options.Mode == AuthMode.Local)
        {
            builder.Services.AddLogging();
            AuthSetup.AddLocalAccounts(builder.Services);
        }

        await using var app = builder.Build();
        var name = positional[2].Trim();
        return positional[1] == "add"
            ? await AddAsync(app.Services, options, name, admin, input, output, error)
            : await TokenAsync(app.Services, options, name, output, error);
    }

    private static async Task<int> AddAsync(IServiceProvider services, AuthOptions options, string name, bool admin, TextReader input, TextWriter output, TextWriter error)
    {
        if (options.Mode != AuthMode.Local)
        {
            await error.WriteLineAsync($"'users add' creates local accounts: it needs Auth:Mode=local (it is '{options.Mode.ToString().ToLowerInvariant()}'). With oidc, users are managed at the provider.");
            return 2;
        }

        var password = (await input.ReadLineAsync())?.TrimEnd('\r', '\n');
        if (string.IsNullOrEmpty(password))
        {
            await error.WriteLineAsync("No password on standard input (e.g. echo \"$PASSWORD\" | SegmentDashboard users add ana).");
            return 2;
        }

        await IdentitySchema.EnsureAsync(services);
        await using var scope = services.CreateAsyncScope();
        var result = await UserAccounts.CreateAsync(scope.ServiceProvider, name, password, admin);
        if (!result.Succeeded)
        {
            await error.WriteLineAsync($"User '{name}' was not created: {UserAccounts.Describe(result)}");
            return 1;
        }

        await output.WriteLineAsync($"Created user '{name}'{(admin ? " (administrator)" : string.Empty)}.");
        return 0;
    }

    private static async Task<int> TokenAsync(IServiceProvider services, AuthOptions options, string name, TextWriter output, TextWriter error)
    {
        if (options.Mode == AuthMode.Personal)
        {
            await error.WriteLineAsync("Personal mode needs no tokens (the API is open on loopback). Set Auth:Mode to local or oidc.");
            return 2;
        }

        if (options.Mode == AuthMode.Local)
        {
            await IdentitySchema.EnsureAsync(services);
            await using var scope = services.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByNameAsync(name) is null)
            {
                await error.WriteLineAsync($"No user '{name}'. Create it first: SegmentDashboard users add {name}");
                return 1;
            }
        }

        var created = await services.GetRequiredService<AccessTokenStore>().CreateAsync(name, "command line");
        await output.WriteLineAsync(created.Secret);
        return 0;
    }
}
