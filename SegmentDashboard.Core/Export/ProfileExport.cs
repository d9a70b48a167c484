using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Profiling;

namespace SegmentDashboard.Core.Export;

/// <summary>
/// Segment profiles as CSV (one row per segment, for spreadsheets) and JSON (the whole profile,
/// for other tools). Text cells of the CSV are neutralized against formula injection like the
/// labeled CSV; undefined numbers are empty in CSV and null in JSON.
/// </summary>
public static class ProfileExport
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>
    /// The profiles as an export shows them: without traits or category shares of personal/contact
    /// columns (<see cref="ContactColumns"/>) unless <paramref name="includeContact"/> is set.
    /// </summary>
    public static ImmutableArray<SegmentProfile> Visible(IReadOnlyList<SegmentProfile> profiles, Dataset dataset, bool includeContact)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(dataset);
        var hidden = includeContact ? [] : ContactColumns.Of(dataset);
        return hidden.IsEmpty
            ? [.. profiles]
            : [.. profiles.Select(p => p with
            {
                Traits = [.. p.Traits.Where(t => !hidden.Contains(t.Feature))],
                CategoryMix = [.. p.CategoryMix.Where(c => !hidden.Contains(c.Column))],
            })];
    }

    /// <summary>
    /// Columns: Segment, Name, Size, Share, Description, Offer, Channel, Product categories,
    /// Actions, then "&lt;feature&gt; mean" and "&lt;feature&gt; effect size" for every numeric feature.
    /// UTF-8 with BOM, CRLF; the stream is not disposed.
    /// </summary>
    public static void WriteCsv(Stream output, IReadOnlyList<SegmentProfile> profiles, Explain.SegmentExplanation? explanation = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(profiles);
        var features = profiles.SelectMany(p => p.Traits.Select(t => t.Feature)).Distinct(StringComparer.Ordinal).ToList();
        using var writer = new StreamWriter(output, Utf8WithBom, bufferSize: 1 << 14, leaveOpen: true);
        string[] fixedHeader = ["Segment", "Name", "Size", "Share", "Description", "Offer", "Channel", "Product categories", "Actions"];
        var header = fixedHeader.Concat(features.SelectMany(f => new[] { $"{f} mean", $"{f} effect size" }));
        if (explanation is not null)
        {
            header = header.Concat(["Rule", "Rule precision", "Rule coverage"]);
        }

        writer.Write(string.Join(',', header.Select(LabeledCsvWriter.EscapeCell)));
        writer.Write("\r\n");
        foreach (var profile in profiles)
        {
            var traits = profile.Traits.ToDictionary(t => t.Feature, StringComparer.Ordinal);
            var cells = new List<string>
            {
                profile.SegmentId.ToString(CultureInfo.InvariantCulture),
                profile.Name,
                profile.Size.ToString(CultureInfo.InvariantCulture),
                Number(profile.Share),
                profile.Description,
                profile.Playbook.Offer,
                profile.Playbook.Channel,
                string.Join("; ", profile.Playbook.ProductCategories),
                string.Join(" | ", profile.Playbook.Actions),
            };
            foreach (var feature in features)
            {
                var found = traits.TryGetValue(feature, out var trait);
                cells.Add(found ? Number(trait!.SegmentMean) : string.Empty);
                cells.Add(found ? Number(trait!.EffectSize) : string.Empty);
            }

            if (explanation is not null)
            {
                var rule = explanation.RuleOf(profile.SegmentId);
                cells.Add(rule?.Text ?? string.Empty);
                cells.Add(rule is null ? string.Empty : Number(rule.Precision));
                cells.Add(rule is null ? string.Empty : Number(rule.Coverage));
            }

            writer.Write(string.Join(',', cells.Select(LabeledCsvWriter.EscapeCell)));
            writer.Write("\r\n");
        }
    }

    /// <summary>The profiles as an indented JSON array (camelCase names; UTF-8 without BOM).</summary>
    public static void WriteJson(Stream output, IReadOnlyList<SegmentProfile> profiles, Explain.SegmentExplanation? explanation = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(profiles);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        foreach (var profile in profiles)
        {
            json.WriteStartObject();
            json.WriteNumber("segmentId", profile.SegmentId);
            json.WriteString("name", profile.Name);
            json.WriteString("description", profile.Description);
            json.WriteNumber("size", profile.Size);
            Write(json, "share", profile.Share);
            json.WriteStartArray("traits");
            foreach (var trait in profile.Traits)
            {
                json.WriteStartObject();
                json.WriteString("feature", trait.Feature);
                Write(json, "segmentMean", trait.SegmentMean);
                Write(json, "segmentMedian", trait.SegmentMedian);
                Write(json, "populationMean", trait.PopulationMean);
                Write(json, "populationMedian", trait.PopulationMedian);
                Write(json, "effectSize", trait.EffectSize);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("categoryMix");
            foreach (var share in profile.CategoryMix)
            {
                json.WriteStartObject();
                json.WriteString("column", share.Column);
                json.WriteString("level", share.Level);
                Write(json, "segmentShare", share.SegmentShare);
                Write(json, "populationShare", share.PopulationShare);
                Write(json, "lift", share.Lift);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("playbook");
            json.WriteString("offer", profile.Playbook.Offer);
            json.WriteString("channel", profile.Playbook.Channel);
            WriteStrings(json, "productCategories", profile.Playbook.ProductCategories);
            WriteStrings(json, "actions", profile.Playbook.Actions);
            json.WriteEndObject();
            if (explanation?.RuleOf(profile.SegmentId) is { } segmentRule)
            {
                json.WriteStartObject("rule");
                json.WriteString("text", segmentRule.Text);
                Write(json, "precision", segmentRule.Precision);
                Write(json, "coverage", segmentRule.Coverage);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>The JSON of <see cref="WriteJson"/> as a string.</summary>
    public static string ToJson(IReadOnlyList<SegmentProfile> profiles)
    {
        using var stream = new MemoryStream();
        WriteJson(stream, profiles);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static string Number(double value) =>
        double.IsFinite(value) ? value.ToString("G10", CultureInfo.InvariantCulture) : string.Empty;
}
