using Microsoft.AspNetCore.Components;
using SegmentDashboard.Components.Pages;
using SegmentDashboard.Components.Shared;

namespace SegmentDashboard.Tests.Web.Components;

public sealed class ShareRenderingTests
{
    [Fact]
    public async Task ProfilesPage_ReadyState_SaveFormAndEveryExportButton()
    {
        var document = await ComponentRenderer.RenderAsync<ProfilesPage>(ComponentRenderer.ReadyState());

        Assert.NotNull(document.ByTestId("analysis-name"));
        Assert.NotNull(document.ByTestId("save-analysis"));
        foreach (var id in new[] { "export-csv", "export-profiles-csv", "export-profiles-json", "export-report", "export-ids" })
        {
            Assert.NotNull(document.ByTestId(id));
        }
    }

    [Fact]
    public async Task SegmentCard_WithoutRenameHandler_ReadOnly()
    {
        var result = FakeSegmentation.Result();
        var profile = result.Profiles[0];

        var readOnly = await ComponentRenderer.RenderAsync<SegmentCard>(ComponentRenderer.ReadyState(), new Dictionary<string, object?> { ["Profile"] = profile, ["Name"] = "Saved <name>" });
        var editable = await ComponentRenderer.RenderAsync<SegmentCard>(ComponentRenderer.ReadyState(), new Dictionary<string, object?>
        {
            ["Profile"] = profile,
            ["Name"] = "Saved <name>",
            ["OnRename"] = EventCallback.Factory.Create<string>(this, _ => { }),
        });

        Assert.Null(readOnly.ByTestId("segment-rename"));
        Assert.Equal("Saved <name>", readOnly.ByTestId("segment-name")!.TextContent);
        Assert.NotNull(editable.ByTestId("segment-rename"));
    }
}
