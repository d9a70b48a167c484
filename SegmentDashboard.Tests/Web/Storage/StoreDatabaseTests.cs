using Microsoft.Data.Sqlite;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Storage;

namespace SegmentDashboard.Tests.Web.Storage;

public sealed class StoreDatabaseTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"sd-schema-{Guid.NewGuid():N}");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>A file as version 1 wrote it: the analyses table only, schema version 1, one analysis.</summary>
    private async Task WriteVersionOneFileAsync()
    {
        Directory.CreateDirectory(_folder);
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, StoreDatabase.FileName)};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE schema_version (version INTEGER NOT NULL);
            CREATE TABLE analyses (id TEXT PRIMARY KEY, name TEXT NOT NULL, dataset_name TEXT NOT NULL, row_count INTEGER NOT NULL,
                cluster_count INTEGER NOT NULL, algorithm TEXT NOT NULL, created_utc TEXT NOT NULL, request_json TEXT NOT NULL,
                segment_names_json TEXT NOT NULL, labels BLOB NOT NULL, dataset BLOB NOT NULL);
            INSERT INTO schema_version VALUES (1);
            INSERT INTO analyses VALUES ('oldanalysis1', 'Before sign-in', 'sample', 10, 3, 'KMeans', '2026-01-01T00:00:00.0000000+00:00', '{}', '[]', x'', x'');
            """;
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Open_VersionOneFile_UpgradesToCurrent_OldAnalysesBelongToAdministratorsOnly()
    {
        await WriteVersionOneFileAsync();
        var store = new AnalysisStore(_folder);

        var version = await store.Database.ReadVersionAsync();
        var personal = await store.ListAsync(Actor.Personal);
        var user = await store.ListAsync(new Actor("ana", IsAdmin: false));
        var access = await store.AccessAsync("oldanalysis1", new Actor("ana", IsAdmin: false));

        Assert.Equal(StoreDatabase.SchemaVersion, version);
        Assert.Equal("oldanalysis1", Assert.Single(personal).Id);
        Assert.Empty(user);
        Assert.Equal(AnalysisAccess.None, access);
    }

    [Fact]
    public async Task Open_NewerSchema_RefusesWithAMessageNamingTheVersion()
    {
        await WriteVersionOneFileAsync();
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, StoreDatabase.FileName)};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE schema_version SET version = 99";
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new StoreDatabase(_folder).ReadVersionAsync());

        Assert.Contains("schema 99", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ana", false, null, false, AnalysisAccess.None)]
    [InlineData("ana", false, "ana", false, AnalysisAccess.Manage)]
    [InlineData("ANA", false, "ana", false, AnalysisAccess.Manage)]
    [InlineData("bob", false, "ana", true, AnalysisAccess.Read)]
    [InlineData("bob", false, "ana", false, AnalysisAccess.None)]
    [InlineData("root", true, "ana", false, AnalysisAccess.Manage)]
    [InlineData("root", true, null, false, AnalysisAccess.Manage)]
    public void Decide_OwnerSharedAdmin(string actor, bool admin, string? owner, bool shared, AnalysisAccess expected) =>
        Assert.Equal(expected, AnalysisAccessRules.Decide(new Actor(actor, admin), owner, shared));

    [Fact]
    public async Task Delete_RemovesSharesAndLinks_AuditStays()
    {
        var service = new SegmentationService();
        var result = await service.SegmentAsync(service.Sample(), new SegmentationRequest { ClusterCount = 3, IncludeStability = false, IncludeSweep = false });
        var database = new StoreDatabase(_folder);
        var store = new AnalysisStore(database);
        var sharing = new SharingStore(database, TimeProvider.System);
        var audit = new AuditLog(database, TimeProvider.System);
        var owned = new OwnedAnalyses(new AnalysisLibrary(store, service), sharing, audit);
        var ana = new Actor("ana", IsAdmin: false);
        var id = await owned.SaveAsync(ana, "to delete", result, result.Profiles.Select(p => p.Name).ToArray());
        await owned.ShareWithAsync(ana, id, "bob");
        var link = (await owned.CreateLinkAsync(ana, id, includeData: true, null)).Link!;

        Assert.Equal(AccessOutcome.Done, await owned.DeleteAsync(ana, id));

        Assert.Empty(await sharing.SharesAsync(id));
        Assert.Empty(await sharing.LinksAsync(id));
        Assert.Null(await sharing.ResolveAsync(link.Token));
        Assert.Equal([AuditActions.Deleted, AuditActions.LinkCreated, AuditActions.Shared, AuditActions.Created], (await audit.ReadAsync(id)).Select(e => e.Action));
    }
}
