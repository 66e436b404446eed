using System.Globalization;
using KeyWorks.GraphQL.Language;

namespace KeyWorks.GraphQL.Types;

/// <summary>
/// Scalars the engine provides beyond the spec's five. A schema gets one when its SDL declares
/// <c>scalar Date</c> (and so on) without binding another implementation.
/// </summary>
public static class CustomScalars
{
    /// <summary>A calendar date as <c>yyyy-MM-dd</c>; resolvers see <see cref="DateOnly"/>.</summary>
    public static ScalarType Date() => new DateScalar();

    /// <summary>An instant as ISO 8601 with offset; resolvers see <see cref="DateTimeOffset"/>.</summary>
    public static ScalarType DateTime() => new DateTimeScalar();

    /// <summary>
    /// An exact decimal number written as a JSON number, or with <paramref name="asString"/> as a JSON string
    /// (<c>"155000000.00"</c>, for clients that would read a number as a binary float); resolvers see
    /// <see cref="decimal"/>. Input is taken as a number or a numeric string either way.
    /// </summary>
    public static ScalarType Decimal(bool asString = false) => new DecimalScalar(asString);

    /// <summary>A 64-bit integer written as a JSON number; resolvers see <see cref="long"/>.</summary>
    public static ScalarType Long() => new LongScalar();

    /// <summary>The provided scalar for a name, or null.</summary>
    public static ScalarType? ForName(string name) => name switch
    {
        "Date" => Date(),
        "DateTime" => DateTime(),
        "Decimal" => Decimal(),
        "Long" => Long(),
        _ => null,
    };

    private sealed class DateScalar : ScalarType
    {
        public DateScalar()
            : base("Date")
        {
            Description = "A calendar date without time zone, written as yyyy-MM-dd.";
        }

        public override object? Serialize(object value) => value switch
        {
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            System.DateTime dt => DateOnly.FromDateTime(dt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            string s when TryParse(s, out var d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => throw new GraphQLException($"Date cannot represent value: {Inspect(value)}"),
        };

        public override object? ParseValue(object? value) =>
            value is string s && TryParse(s, out var date) ? date : throw Invalid($"Date cannot represent value: {Inspect(value)}; expected yyyy-MM-dd.");

        public override object? ParseLiteral(ValueNode literal) =>
            literal is StringValueNode s && TryParse(s.Value, out var date) ? date : throw Invalid($"Date cannot represent value: {Printer.Print(literal)}; expected yyyy-MM-dd.");

        private static bool TryParse(string text, out DateOnly date) =>
            DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private sealed class DateTimeScalar : ScalarType
    {
        private const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";

        public DateTimeScalar()
            : base("DateTime")
        {
            Description = "An instant in time, written as an ISO 8601 date and time with offset.";
        }

        public override object? Serialize(object value) => value switch
        {
            DateTimeOffset d => d.ToString(Format, CultureInfo.InvariantCulture),
            System.DateTime dt => new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? System.DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt).ToString(Format, CultureInfo.InvariantCulture),
            _ => throw new GraphQLException($"DateTime cannot represent value: {Inspect(value)}"),
        };

        public override object? ParseValue(object? value) =>
            value is string s && TryParse(s, out var instant) ? instant : throw Invalid($"DateTime cannot represent value: {Inspect(value)}; expected an ISO 8601 date and time with offset.");

        public override object? ParseLiteral(ValueNode literal) =>
            literal is StringValueNode s && TryParse(s.Value, out var instant) ? instant : throw Invalid($"DateTime cannot represent value: {Printer.Print(literal)}; expected an ISO 8601 date and time with offset.");

        private static bool TryParse(string text, out DateTimeOffset instant) =>
            text.Length >= 20 && (text.EndsWith('Z') || text[^6] is '+' or '-')
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant)
            || Fail(out instant);

        private static bool Fail(out DateTimeOffset instant)
        {
            instant = default;
            return false;
        }
    }

    private sealed class DecimalScalar : ScalarType
    {
        private readonly bool _asString;

        public DecimalScalar(bool asString)
            : base("Decimal")
        {
            _asString = asString;
            Description = asString ? "An exact decimal number, written as a JSON string." : "An exact decimal number.";
        }

        public override object? Serialize(object value)
        {
            var exact = value switch
            {
                decimal m => m,
                int or long or short or byte => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
                double d when !double.IsNaN(d) && !double.IsInfinity(d) => (decimal)d,
                _ => throw new GraphQLException($"Decimal cannot represent value: {Inspect(value)}"),
            };
            return _asString ? exact.ToString(CultureInfo.InvariantCulture) : exact;
        }

        public override object? ParseValue(object? value) => value switch
        {
            decimal m => m,
            int or long => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
            double d when !double.IsNaN(d) && !double.IsInfinity(d) && Math.Abs(d) < 7.9e28 => (decimal)d,
            string s when decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => throw Invalid($"Decimal cannot represent value: {Inspect(value)}"),
        };

        public override object? ParseLiteral(ValueNode literal) => literal switch
        {
            IntValueNode i when decimal.TryParse(i.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) => m,
            FloatValueNode f when decimal.TryParse(f.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) => m,
            StringValueNode s when decimal.TryParse(s.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var m) => m,
            _ => throw Invalid($"Decimal cannot represent value: {Printer.Print(literal)}"),
        };
    }

    private sealed class LongScalar : ScalarType
    {
        public LongScalar()
            : base("Long")
        {
            Description = "A 64-bit signed integer.";
        }

        public override object? Serialize(object value) => value switch
        {
            long l => l,
            int or short or byte or uint => Convert.ToInt64(value, CultureInfo.InvariantCulture),
            _ => throw new GraphQLException($"Long cannot represent value: {Inspect(value)}"),
        };

        public override object? ParseValue(object? value) => value switch
        {
            long l => l,
            int i => (long)i,
            double d when Math.Floor(d) == d && Math.Abs(d) < 9.2e18 => (long)d,
            string s when long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => throw Invalid($"Long cannot represent value: {Inspect(value)}"),
        };

        public override object? ParseLiteral(ValueNode literal) => literal switch
        {
            IntValueNode i when long.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l,
            StringValueNode s when long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l,
            _ => throw Invalid($"Long cannot represent value: {Printer.Print(literal)}"),
        };
    }
}
