using System.Text.RegularExpressions;
using KeyWorks.Testing;

namespace KeyWorks.Server.Tests.Api;

/// <summary>
/// The dashboard's GraphQL documents (<c>src/KeyWorks.Dashboard/src/api/documents/*.ts</c>) as the browser sends them: the
/// operation's template with the file's field-list constants (<c>${figuresFields}</c> …) substituted.
/// </summary>
public static partial class DashboardDocuments
{
    /// <summary>The operation of <paramref name="file"/> (e.g. <c>overview.ts</c>) whose text starts with <paramref name="start"/>.</summary>
    public static string Operation(string file, string start)
    {
        var source = File.ReadAllText(Path.Combine(ServerProcess.RepositoryRoot(), "src", "KeyWorks.Dashboard", "src", "api", "documents", file));
        var constants = Constant().Matches(source).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
        var operation = Template().Matches(source).Select(m => m.Groups[1].Value).Single(t => t.StartsWith(start, StringComparison.Ordinal));
        return Placeholder().Replace(operation, m => constants[m.Groups[1].Value]);
    }

    [GeneratedRegex(@"const (\w+) = `([^`]*)`")]
    private static partial Regex Constant();

    [GeneratedRegex(@"\(`([^`]*)`\)")]
    private static partial Regex Template();

    [GeneratedRegex(@"\$\{(\w+)\}")]
    private static partial Regex Placeholder();
}
