using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace SegmentDashboard.Tests.Support;

/// <summary>
/// Runs the real web app (the web project's own build output, same configuration as the tests) as a
/// child process on a free loopback port, so a real browser can reach it. Killed on dispose.
/// </summary>
public sealed partial class AppServerFixture : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private AppServerFixture(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Everything the app wrote so far (for failure messages).</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>The web app's apphost in its own build output, same configuration and target framework as the tests.</summary>
    public static string FindExecutable()
    {
        // The test assembly lives in SegmentDashboard.Tests/bin/<Configuration>/<tfm>/ (framework-dependent: no RID folder).
        var testDirectory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = testDirectory.Name;
        var configuration = testDirectory.Parent!.Name;
        var name = OperatingSystem.IsWindows() ? "SegmentDashboard.exe" : "SegmentDashboard";
        var path = Path.Combine(TestPaths.RepoRoot, "SegmentDashboard", "bin", configuration, tfm, name);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The web app was not built at '{path}'. Build the solution (or SegmentDashboard.Tests) first.", path);
        }

        return path;
    }

    public static async Task<AppServerFixture> StartAsync(IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var executable = FindExecutable();
        var start = new ProcessStartInfo(executable, ["--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = Path.GetDirectoryName(executable)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{executable}'.");
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new StringBuilder();
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (log)
            {
                log.AppendLine(line);
            }

            var match = ListeningPattern().Match(line);
            if (match.Success)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The app exited before listening:\n" + log));

        try
        {
            var address = await listening.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(60));
            var fixture = new AppServerFixture(process, address);
            lock (log)
            {
                fixture._log.Append(log);
            }

            process.OutputDataReceived += (_, e) => fixture.Append(e.Data);
            process.ErrorDataReceived += (_, e) => fixture.Append(e.Data);
            return fixture;
        }
        catch
        {
            Kill(process);
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill(_process);
        return ValueTask.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        finally
        {
            process.Dispose();
        }
    }

    [GeneratedRegex(@"Now listening on:\s*(http://\S+)")]
    private static partial Regex ListeningPattern();
}
