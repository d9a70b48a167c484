using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Primitives;
using SegmentDashboard.Core.Clustering;
using SegmentDashboard.Core.Preprocessing;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Api;

/// <summary>
/// Turns the query string of /api/segment into a <see cref="SegmentationRequest"/>. Names are
/// case-insensitive, numbers use the invariant culture, and every refusal names the parameter.
/// </summary>
internal static class ApiRequestParser
{
    public const string Features = "features";
    public const string Algorithm = "algorithm";
    public const string K = "k";
    public const string Linkage = "linkage";
    public const string Eps = "eps";
    public const string MinSamples = "minSamples";
    public const string Scaling = "scaling";
    public const string Missing = "missing";
    public const string Seed = "seed";
    public const string Restarts = "restarts";
    public const string Gamma = "gamma";

    /// <summary>Every accepted query parameter, as documented.</summary>
    public static readonly ImmutableArray<string> Known =
        [Features, Algorithm, K, Linkage, Eps, MinSamples, Scaling, Missing, Seed, Restarts, Gamma, .. CustomerRequestParser.Known];

    private static readonly Dictionary<string, ClusteringAlgorithm> Algorithms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["kmeans"] = ClusteringAlgorithm.KMeans,
        ["hierarchical"] = ClusteringAlgorithm.Hierarchical,
        ["dbscan"] = ClusteringAlgorithm.Dbscan,
        ["kprototypes"] = ClusteringAlgorithm.KPrototypes,
    };

    private static readonly Dictionary<string, LinkageMethod> Linkages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ward"] = LinkageMethod.Ward,
        ["complete"] = LinkageMethod.Complete,
        ["average"] = LinkageMethod.Average,
        ["single"] = LinkageMethod.Single,
    };

    private static readonly Dictionary<string, ScalingMethod> Scalings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zscore"] = ScalingMethod.ZScore,
        ["minmax"] = ScalingMethod.MinMax,
        ["robust"] = ScalingMethod.Robust,
        ["none"] = ScalingMethod.None,
    };

    private static readonly Dictionary<string, MissingValueStrategy> MissingStrategies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["drop"] = MissingValueStrategy.DropRows,
        ["mean"] = MissingValueStrategy.Mean,
        ["median"] = MissingValueStrategy.Median,
    };

    /// <summary>Parses and range-checks the query; throws <see cref="ApiProblemException"/> on the first fault.</summary>
    public static SegmentationRequest Parse(IQueryCollection query)
    {
        foreach (var key in query.Keys)
        {
            if (!Known.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                throw ApiProblemException.BadParameter(
                    key,
                    $"Unknown query parameter '{key}'. Accepted parameters: {string.Join(", ", Known)}.");
            }
        }

        var defaults = new SegmentationRequest();
        var algorithm = ParseChoice(query, Algorithm, Algorithms, defaults.Algorithm);
        var clusterCount = ParseInt(query, K, minimum: 2, "at least 2 (a segmentation needs two segments)");
        var eps = ParseDouble(query, Eps) ?? defaults.Eps;
        if (!(eps > 0))
        {
            throw ApiProblemException.BadParameter(Eps, $"Parameter '{Eps}' must be greater than 0 (it is the DBSCAN neighbourhood radius in scaled units); got {Single(query, Eps)}.");
        }

        var gamma = ParseDouble(query, Gamma);
        if (gamma is < 0)
        {
            throw ApiProblemException.BadParameter(Gamma, $"Parameter '{Gamma}' must be at least 0 (the weight of one differing category in k-prototypes; leave it out for the default from the numeric spread); got {Single(query, Gamma)}.");
        }

        return new SegmentationRequest
        {
            Features = ParseFeatures(query),
            Algorithm = algorithm,
            ClusterCount = clusterCount,
            Linkage = ParseChoice(query, Linkage, Linkages, defaults.Linkage),
            Eps = eps,
            MinSamples = ParseInt(query, MinSamples, minimum: 1, "at least 1") ?? defaults.MinSamples,
            Scaling = ParseChoice(query, Scaling, Scalings, defaults.Scaling),
            Missing = ParseChoice(query, Missing, MissingStrategies, defaults.Missing),
            Seed = ParseInt(query, Seed, minimum: int.MinValue, "a whole number") ?? defaults.Seed,
            Restarts = ParseInt(query, Restarts, minimum: 1, "at least 1") ?? defaults.Restarts,
            Gamma = gamma,

            // The sweep is only needed to suggest k; stability is too slow for a request/response API.
            IncludeSweep = clusterCount is null && algorithm != ClusteringAlgorithm.Dbscan,
            IncludeStability = false,
        };
    }

    /// <summary>Splits a comma-separated list of header names; a name holding a comma is written in double quotes.</summary>
    internal static ImmutableArray<string> SplitNames(string text)
    {
        var names = ImmutableArray.CreateBuilder<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"' && current.ToString().Trim().Length == 0)
            {
                quoted = true;
                wasQuoted = true;
                current.Clear();
            }
            else if (c == ',')
            {
                names.Add(wasQuoted ? current.ToString() : current.ToString().Trim());
                current.Clear();
                wasQuoted = false;
            }
            else if (!(wasQuoted && char.IsWhiteSpace(c)))
            {
                current.Append(c);
            }
        }

        if (quoted)
        {
            throw ApiProblemException.BadParameter(Features, $"Parameter '{Features}' has an unclosed double quote.");
        }

        names.Add(wasQuoted ? current.ToString() : current.ToString().Trim());
        return names.ToImmutable();
    }

    private static ImmutableArray<string> ParseFeatures(IQueryCollection query)
    {
        // Absent or blank: the engine's default features.
        var text = Single(query, Features);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var names = SplitNames(text);
        if (names.Any(string.IsNullOrEmpty))
        {
            throw ApiProblemException.BadParameter(Features, $"Parameter '{Features}' has an empty name; give comma-separated column names from the header row, e.g. features=Age,Income.");
        }

        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw ApiProblemException.BadParameter(Features, $"Parameter '{Features}' names the column '{duplicate.Key}' more than once.");
        }

        return names;
    }

    private static string? Single(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out StringValues values) || values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1)
        {
            throw ApiProblemException.BadParameter(name, $"Parameter '{name}' is given {values.Count} times; give it once.");
        }

        return values[0];
    }

    private static T ParseChoice<T>(IQueryCollection query, string name, Dictionary<string, T> choices, T fallback)
    {
        var text = Single(query, name);
        if (text is null)
        {
            return fallback;
        }

        return choices.TryGetValue(text.Trim(), out var value)
            ? value
            : throw ApiProblemException.BadParameter(name, $"Parameter '{name}' must be one of {string.Join(", ", choices.Keys)}; got '{text}'.");
    }

    private static int? ParseInt(IQueryCollection query, string name, int minimum, string requirement)
    {
        var text = Single(query, name);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw ApiProblemException.BadParameter(name, $"Parameter '{name}' must be a whole number; got '{text}'.");
        }

        if (value < minimum)
        {
            throw ApiProblemException.BadParameter(name, $"Parameter '{name}' must be {requirement}; got {value.ToString(CultureInfo.InvariantCulture)}.");
        }

        return value;
    }

    private static double? ParseDouble(IQueryCollection query, string name)
    {
        var text = Single(query, name);
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw ApiProblemException.BadParameter(name, $"Parameter '{name}' must be a number written with a decimal point, e.g. 0.5; got '{text}'.");
        }

        return value;
    }
}
