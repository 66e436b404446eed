using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KeyWorks.Domain.Storing;

/// <summary>A <see cref="YearMonth"/> as <c>"2026-03"</c>, as a value and as a dictionary key.</summary>
public sealed class YearMonthJsonConverter : JsonConverter<YearMonth>
{
    public override YearMonth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString());

    public override void Write(Utf8JsonWriter writer, YearMonth value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());

    public override YearMonth ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, YearMonth value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.ToString());

    private static YearMonth Parse(string? text)
    {
        if (text is { Length: 7 } && text[4] == '-'
            && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && month is >= 1 and <= 12)
        {
            return new YearMonth(year, month);
        }

        throw new JsonException($"'{text}' is not a month (yyyy-MM).");
    }
}
