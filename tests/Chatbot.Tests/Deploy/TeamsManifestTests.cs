using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Chatbot.Tests.Deploy;

/// <summary>
/// The Teams app package in deploy/teams: built by build-package.sh and checked offline by tests/deploy's node
/// validator (the v1.24 JSON schema of <c>@microsoft/app-manifest</c> plus Teams' upload limits). Needs bash and node;
/// runs <c>npm ci</c> in tests/deploy when its node_modules is missing.
/// </summary>
public sealed class TeamsManifestTests
{
    private const string BotAppId = "00000000-0000-0000-0000-000000000001";
    private const string DerivedTeamsAppId = "f0786e3f-3b69-5435-b371-96c7123ca61b";
    private const string PackageName = "clinic-assistant-teams.zip";
    private static readonly string[] Settings = ["MICROSOFT_APP_ID", "TEAMS_APP_ID", "CLINIC_WEBSITE", "PRIVACY_URL", "TERMS_URL", "APP_VERSION", "OUT_DIR", "SKIP_VALIDATION"];
    private static readonly string[] StaffCommands = ["bookings", "unanswered", "why", "handoffs", "release", "take", "end", "help"];
    private static readonly string[] Scopes = ["personal", "team", "groupChat"];
    private static readonly string RepoRoot = FindRepoRoot();
    private static readonly string TeamsFolder = Path.Combine(RepoRoot, "deploy", "teams");
    private static readonly string ValidatorFolder = Path.Combine(RepoRoot, "tests", "deploy");
    private static readonly Lazy<Task> ValidatorInstalled = new(InstallValidatorAsync);

    [Fact]
    public async Task TheTemplateRenderedWithDummyValuesIsValid()
    {
        await ValidatorInstalled.Value;

        var result = await RunAsync("node", ["validate-manifest.js"], ValidatorFolder);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("schema v1.24", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildPackageWritesAValidZipWithTheThreeFilesAtItsRoot()
    {
        // Arrange
        await ValidatorInstalled.Value;
        var outDir = Directory.CreateTempSubdirectory("teams-package-");
        try
        {
            // Act
            var result = await RunAsync("bash", ["deploy/teams/build-package.sh"], RepoRoot, new()
            {
                ["MICROSOFT_APP_ID"] = BotAppId,
                ["CLINIC_WEBSITE"] = "https://clinic.example",
                ["APP_VERSION"] = "1.2.3",
                ["OUT_DIR"] = outDir.FullName,
            });

            // Assert
            Assert.True(result.ExitCode == 0, result.Output);
            var extracted = outDir.CreateSubdirectory("extracted").FullName;
            using (var zip = ZipFile.OpenRead(Path.Combine(outDir.FullName, PackageName)))
            {
                Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
                zip.ExtractToDirectory(extracted);
            }

            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(extracted, "manifest.json")));
            var root = manifest.RootElement;
            Assert.Equal("1.24", root.GetProperty("manifestVersion").GetString());
            Assert.Equal("1.2.3", root.GetProperty("version").GetString());
            // Derived from the bot's app id when TEAMS_APP_ID is not set: the same on every build, so a new package
            // updates the installed app. Changing the derivation would make Teams see a different app.
            Assert.Equal(DerivedTeamsAppId, root.GetProperty("id").GetString());
            var bot = Assert.Single(root.GetProperty("bots").EnumerateArray());
            Assert.Equal(BotAppId, bot.GetProperty("botId").GetString());
            Assert.Equal(Scopes, bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
            foreach (var scope in Scopes)
            {
                var list = Assert.Single(bot.GetProperty("commandLists").EnumerateArray(), l => l.GetProperty("scopes").EnumerateArray().Any(s => s.GetString() == scope));
                Assert.Equal(StaffCommands, list.GetProperty("commands").EnumerateArray().Select(c => c.GetProperty("title").GetString()));
            }

            var validation = await RunAsync("node", ["validate-manifest.js", Path.Combine(extracted, "manifest.json")], ValidatorFolder);
            Assert.True(validation.ExitCode == 0, validation.Output);
        }
        finally
        {
            outDir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(null, "is not set")]
    [InlineData("28:00000000-0000-0000-0000-000000000001", "without the \"28:\" prefix")]
    [InlineData("not-a-guid", "must be a GUID")]
    public async Task BuildPackageRefusesAMissingOrInvalidAppId(string? appId, string expected)
    {
        var outDir = Directory.CreateTempSubdirectory("teams-package-");
        try
        {
            var environment = new Dictionary<string, string?> { ["MICROSOFT_APP_ID"] = appId, ["OUT_DIR"] = outDir.FullName };

            var result = await RunAsync("bash", ["deploy/teams/build-package.sh"], RepoRoot, environment);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("MICROSOFT_APP_ID", result.Output, StringComparison.Ordinal);
            Assert.Contains(expected, result.Output, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(outDir.FullName, PackageName)));
        }
        finally
        {
            outDir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task TheValidatorRejectsABotIdWithThePrefixAndALongCommandTitle()
    {
        // Arrange
        await ValidatorInstalled.Value;
        var folder = Directory.CreateTempSubdirectory("teams-manifest-");
        try
        {
            var template = File.ReadAllText(Path.Combine(TeamsFolder, "manifest.template.json"))
                .Replace("{{APP_VERSION}}", "1.0.0", StringComparison.Ordinal)
                .Replace("{{TEAMS_APP_ID}}", "11111111-2222-4333-8444-555555555555", StringComparison.Ordinal)
                .Replace("{{MICROSOFT_APP_ID}}", "28:" + BotAppId, StringComparison.Ordinal)
                .Replace("{{CLINIC_WEBSITE}}", "https://clinic.example", StringComparison.Ordinal)
                .Replace("{{PRIVACY_URL}}", "https://clinic.example/privacy", StringComparison.Ordinal)
                .Replace("{{TERMS_URL}}", "https://clinic.example/terms", StringComparison.Ordinal)
                .Replace("\"title\": \"bookings\"", "\"title\": \"" + new string('b', 33) + "\"", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder.FullName, "manifest.json"), template);
            File.Copy(Path.Combine(TeamsFolder, "color.png"), Path.Combine(folder.FullName, "color.png"));
            File.Copy(Path.Combine(TeamsFolder, "outline.png"), Path.Combine(folder.FullName, "outline.png"));

            // Act
            var result = await RunAsync("node", ["validate-manifest.js", Path.Combine(folder.FullName, "manifest.json")], ValidatorFolder);

            // Assert
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("schema: /bots/0/botId must match pattern", result.Output, StringComparison.Ordinal);
            Assert.Contains("without the \"28:\" prefix", result.Output, StringComparison.Ordinal);
            Assert.Contains("is longer than 32 characters", result.Output, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void TheIconsHaveTheSizesTeamsRequires(string file, int size)
    {
        var header = ReadPngHeader(Path.Combine(TeamsFolder, file));

        Assert.Equal((size, size), (header.Width, header.Height));
    }

    [Fact]
    public void TheOutlineIconHasAnAlphaChannel()
    {
        const byte TrueColourWithAlpha = 6;

        var header = ReadPngHeader(Path.Combine(TeamsFolder, "outline.png"));

        Assert.Equal(TrueColourWithAlpha, header.ColourType);
    }

    private static PngHeader ReadPngHeader(string path)
    {
        // Signature (8 bytes), then the IHDR chunk: length (4), "IHDR" (4), width (4), height (4), bit depth, colour type.
        ReadOnlySpan<byte> signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length >= 33 && bytes.AsSpan(0, 8).SequenceEqual(signature), $"{path} is not a PNG file");
        Assert.Equal("IHDR", Encoding.ASCII.GetString(bytes, 12, 4));
        return new PngHeader(BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)), bytes[25]);
    }

    private static async Task InstallValidatorAsync()
    {
        if (File.Exists(Path.Combine(ValidatorFolder, "node_modules", "@microsoft", "app-manifest", "package.json"))
            && File.Exists(Path.Combine(ValidatorFolder, "node_modules", "ajv-draft-04", "package.json")))
        {
            return;
        }

        var result = await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], ValidatorFolder, timeout: TimeSpan.FromMinutes(5));
        Assert.True(result.ExitCode == 0, $"npm ci in {ValidatorFolder} failed (exit {result.ExitCode}):\n{result.Output}");
    }

    /// <summary>Runs a program; <paramref name="environment"/> sets variables, and a null value removes one.</summary>
    private static async Task<ProcessResult> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, Dictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Settings of the developer's shell must not leak into the package under test.
        foreach (var name in Settings)
        {
            start.Environment.Remove(name);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"Could not start {fileName} ({ex.Message}): these tests need bash and Node.js 20+ with npm on PATH.", ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            Append(output, $"[{fileName} killed after {(timeout ?? TimeSpan.FromMinutes(2)).TotalSeconds:0} s]");
            return new ProcessResult(-1, Snapshot(output));
        }

        return new ProcessResult(process.ExitCode, Snapshot(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Chatbot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Could not find Chatbot.sln above " + AppContext.BaseDirectory);
    }

    private sealed record ProcessResult(int ExitCode, string Output);

    private sealed record PngHeader(int Width, int Height, byte ColourType);
}
