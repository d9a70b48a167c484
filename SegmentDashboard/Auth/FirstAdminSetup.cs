using Microsoft.AspNetCore.Identity;
using SegmentDashboard.Storage;

namespace SegmentDashboard.Auth;

/// <summary>
/// Local mode's first start: while no account exists, a one-time setup token (256 bits) is printed
/// to the console; whoever holds it creates the first administrator at /setup. The token is kept
/// only as a hash in memory and is gone once used (a restart before that prints a new one).
/// </summary>
public sealed class FirstAdminSetup(IServiceProvider services, ILogger<FirstAdminSetup> logger) : IHostedService
{
    public const string PagePath = "/setup";

    private readonly Lock _lock = new();
    private string? _tokenHash;

    /// <summary>True while the first administrator can still be created.</summary>
    public bool IsPending
    {
        get
        {
            lock (_lock)
            {
                return _tokenHash is not null;
            }
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await IdentitySchema.EnsureAsync(services, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        if (users.Users.Any())
        {
            return;
        }

        var token = SecretTokens.New();
        lock (_lock)
        {
            _tokenHash = SecretTokens.Hash(token);
        }

        logger.LogWarning(
            "No account exists yet. Create the first administrator at {Path} with this one-time setup token: {SetupToken} (or from the command line: SegmentDashboard users add NAME --admin).",
            PagePath,
            token);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Creates the first administrator if <paramref name="token"/> is the setup token; the token is spent on success.</summary>
    public async Task<IdentityResult> CreateAdminAsync(string token, string userName, string password)
    {
        lock (_lock)
        {
            if (_tokenHash is null || string.IsNullOrEmpty(token) || !SecretTokens.Matches(token.Trim(), _tokenHash))
            {
                return IdentityResult.Failed(new IdentityError { Code = "SetupToken", Description = "The setup token is not valid (it is printed in the server's console at first start, and works once)." });
            }

            _tokenHash = null;
        }

        await using var scope = services.CreateAsyncScope();
        if (scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().Users.Any())
        {
            // Accounts were created meanwhile (e.g. with the users command): the token has no purpose left.
            return IdentityResult.Failed(new IdentityError { Code = "SetupDone", Description = "Accounts exist already; sign in instead." });
        }

        var result = await UserAccounts.CreateAsync(scope.ServiceProvider, userName, password, isAdmin: true);
        if (!result.Succeeded)
        {
            lock (_lock)
            {
                _tokenHash ??= SecretTokens.Hash(token.Trim());
            }
        }

        return result;
    }
}
