using System.Globalization;
using System.Text;

namespace KeyWorks.Server.Api;

/// <summary>
/// The cursors of the API's connections: an item's index in its list, behind the list's own prefix
/// (<c>project:12</c>, base64), so a cursor of one list is refused by another.
/// </summary>
public static class Cursors
{
    /// <summary>The cursor of the item at <paramref name="index"/> of the list named <paramref name="prefix"/>.</summary>
    public static string Encode(string prefix, int index) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{prefix}:{index}"));

    /// <summary>The index a cursor of the list named <paramref name="prefix"/> stands for; null when it is not one.</summary>
    public static int? Decode(string prefix, string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return text.StartsWith(prefix + ":", StringComparison.Ordinal)
                && int.TryParse(text[(prefix.Length + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
