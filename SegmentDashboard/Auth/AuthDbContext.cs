using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace SegmentDashboard.Auth;

/// <summary>Local mode's Identity accounts (hashed passwords, lockout, roles) in the same SQLite file as the analyses.</summary>
public sealed class AuthDbContext(DbContextOptions<AuthDbContext> options) : IdentityDbContext<IdentityUser>(options);
