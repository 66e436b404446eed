namespace KeyWorks.GraphQL.Validation;

/// <summary>"Did you mean …?" hints: options close to a misspelt name, ranked by edit distance.</summary>
public static class Suggestions
{
    private const int MaxSuggestions = 5;

    public static string DidYouMean(IReadOnlyList<string> suggestions, string? subMessage = null)
    {
        if (suggestions.Count == 0)
        {
            return "";
        }

        var message = " Did you mean " + (subMessage is null ? "" : subMessage + " ");
        var quoted = suggestions.Select(s => "\"" + s + "\"").ToList();
        return quoted.Count switch
        {
            1 => message + quoted[0] + "?",
            2 => message + quoted[0] + " or " + quoted[1] + "?",
            _ => message + string.Join(", ", quoted.Take(Math.Min(MaxSuggestions, quoted.Count) - 1)) + ", or " + quoted[Math.Min(MaxSuggestions, quoted.Count) - 1] + "?",
        };
    }

    /// <summary>The options within an edit distance of about 40% of the input's length, closest first.</summary>
    public static List<string> List(string input, IEnumerable<string> options)
    {
        var threshold = (int)Math.Floor(input.Length * 0.4) + 1;
        var distances = new Dictionary<string, int>(StringComparer.Ordinal);
        var inputLower = input.ToLowerInvariant();
        foreach (var option in options)
        {
            var distance = Measure(input, inputLower, option, threshold);
            if (distance is { } d)
            {
                distances[option] = d;
            }
        }

        var result = distances.Keys.ToList();
        result.Sort((a, b) =>
        {
            var diff = distances[a] - distances[b];
            return diff != 0 ? diff : NaturalCompare(a, b);
        });
        return result;
    }

    private static int? Measure(string input, string inputLower, string option, int threshold)
    {
        if (input == option)
        {
            return 0;
        }

        var optionLower = option.ToLowerInvariant();
        if (inputLower == optionLower)
        {
            return 1;
        }

        var a = optionLower;
        var b = inputLower;
        if (a.Length < b.Length)
        {
            (a, b) = (b, a);
        }

        if (a.Length - b.Length > threshold)
        {
            return null;
        }

        var rows = new int[3][];
        for (var r = 0; r < 3; r++)
        {
            rows[r] = new int[b.Length + 1];
        }

        for (var j = 0; j <= b.Length; j++)
        {
            rows[0][j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var up = rows[(i - 1) % 3];
            var current = rows[i % 3];
            var smallest = current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var cell = Math.Min(Math.Min(up[j] + 1, current[j - 1] + 1), up[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    cell = Math.Min(cell, rows[(i - 2) % 3][j - 2] + 1);
                }

                smallest = Math.Min(smallest, cell);
                current[j] = cell;
            }

            if (smallest > threshold)
            {
                return null;
            }
        }

        var distance = rows[a.Length % 3][b.Length];
        return distance <= threshold ? distance : null;
    }

    /// <summary>Compares strings treating runs of digits as numbers ("a2" before "a10").</summary>
    public static int NaturalCompare(string a, string b)
    {
        var i = 0;
        var j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (char.IsAsciiDigit(a[i]) && char.IsAsciiDigit(b[j]))
            {
                var startA = i;
                var startB = j;
                while (i < a.Length && char.IsAsciiDigit(a[i]))
                {
                    i++;
                }

                while (j < b.Length && char.IsAsciiDigit(b[j]))
                {
                    j++;
                }

                var numA = double.Parse(a[startA..i], System.Globalization.CultureInfo.InvariantCulture);
                var numB = double.Parse(b[startB..j], System.Globalization.CultureInfo.InvariantCulture);
                if (numA != numB)
                {
                    return numA < numB ? -1 : 1;
                }
            }
            else
            {
                if (a[i] != b[j])
                {
                    return a[i] < b[j] ? -1 : 1;
                }

                i++;
                j++;
            }
        }

        return a.Length - b.Length;
    }
}
