using Microsoft.AspNetCore.Components.Authorization;
using SegmentDashboard.Storage;

namespace SegmentDashboard.Auth;

/// <summary>The signed-in user of a Blazor circuit (or the implicit owner in personal mode), for pages and components.</summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication, AuthOptions options)
{
    /// <summary>The actor, or null when nobody is signed in (a capability link opened anonymously).</summary>
    public async Task<Actor?> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return ActorClaims.From(state.User);
    }

    /// <summary>Personal mode or team mode (the pages show sign-out and tokens only in team mode).</summary>
    public AuthMode Mode => options.Mode;
}
