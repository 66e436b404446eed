using System.Globalization;
using KeyWorks.GraphQL.Language;

namespace KeyWorks.GraphQL.Types;

/// <summary>The five scalars of the spec (3.5.1–3.5.5), with the coercion rules of the reference implementation.</summary>
public static class BuiltInScalars
{
    public static readonly ScalarType Int = new IntScalar();
    public static readonly ScalarType Float = new FloatScalar();
    public static readonly ScalarType String = new StringScalar();
    public static readonly ScalarType Boolean = new BooleanScalar();
    public static readonly ScalarType ID = new IdScalar();

    public static IReadOnlyList<ScalarType> All { get; } = [String, Int, Float, Boolean, ID];

    public static bool IsBuiltIn(string name) => name is "Int" or "Float" or "String" or "Boolean" or "ID";

    internal static bool TryGetNumber(object? value, out double number)
    {
        switch (value)
        {
            case int i: number = i; return true;
            case long l: number = l; return true;
            case short s: number = s; return true;
            case byte b: number = b; return true;
            case sbyte sb: number = sb; return true;
            case uint ui: number = ui; return true;
            case ulong ul: number = ul; return true;
            case ushort us: number = us; return true;
            case double d: number = d; return true;
            case float f: number = f; return true;
            case decimal m: number = (double)m; return true;
            default: number = 0; return false;
        }
    }

    private sealed class IntScalar : ScalarType
    {
        public IntScalar()
            : base("Int")
        {
            Description = "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.";
        }

        public override object? Serialize(object value)
        {
            double number;
            switch (value)
            {
                case int:
                    return value;
                case bool b:
                    return b ? 1 : 0;
                case string s when s.Length > 0 && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                    number = parsed;
                    break;
                default:
                    if (!TryGetNumber(value, out number))
                    {
                        throw new GraphQLException($"Int cannot represent non-integer value: {Inspect(value)}");
                    }

                    break;
            }

            if (double.IsNaN(number) || double.IsInfinity(number) || Math.Floor(number) != number)
            {
                throw new GraphQLException($"Int cannot represent non-integer value: {Inspect(value)}");
            }

            if (number > int.MaxValue || number < int.MinValue)
            {
                throw new GraphQLException($"Int cannot represent non 32-bit signed integer value: {Inspect(value)}");
            }

            return (int)number;
        }

        public override object? ParseValue(object? value)
        {
            if (value is int i)
            {
                return i;
            }

            if (value is bool || !TryGetNumber(value, out var number) || Math.Floor(number) != number || double.IsInfinity(number))
            {
                throw Invalid($"Int cannot represent non-integer value: {Inspect(value)}");
            }

            if (number > int.MaxValue || number < int.MinValue)
            {
                throw Invalid($"Int cannot represent non 32-bit signed integer value: {Inspect(value)}");
            }

            return (int)number;
        }

        public override object? ParseLiteral(ValueNode literal)
        {
            if (literal is not IntValueNode node)
            {
                throw Invalid($"Int cannot represent non-integer value: {Printer.Print(literal)}");
            }

            if (!int.TryParse(node.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                throw Invalid($"Int cannot represent non 32-bit signed integer value: {node.Value}");
            }

            return value;
        }
    }

    private sealed class FloatScalar : ScalarType
    {
        public FloatScalar()
            : base("Float")
        {
            Description = "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).";
        }

        public override object? Serialize(object value)
        {
            if (value is double d && double.IsFinite(d))
            {
                return value;
            }

            double number;
            if (value is bool b)
            {
                number = b ? 1 : 0;
            }
            else if (value is string s && s.Length > 0 && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                number = parsed;
            }
            else if (!TryGetNumber(value, out number))
            {
                throw new GraphQLException($"Float cannot represent non numeric value: {Inspect(value)}");
            }

            if (double.IsNaN(number) || double.IsInfinity(number))
            {
                throw new GraphQLException($"Float cannot represent non numeric value: {Inspect(value)}");
            }

            return number;
        }

        public override object? ParseValue(object? value)
        {
            if (value is bool || !TryGetNumber(value, out var number) || double.IsNaN(number) || double.IsInfinity(number))
            {
                throw Invalid($"Float cannot represent non numeric value: {Inspect(value)}");
            }

            return number;
        }

        public override object? ParseLiteral(ValueNode literal) => literal switch
        {
            IntValueNode i => double.Parse(i.Value, CultureInfo.InvariantCulture),
            FloatValueNode f => double.Parse(f.Value, CultureInfo.InvariantCulture),
            _ => throw Invalid($"Float cannot represent non numeric value: {Printer.Print(literal)}"),
        };
    }

    private sealed class StringScalar : ScalarType
    {
        public StringScalar()
            : base("String")
        {
            Description = "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.";
        }

        public override object? Serialize(object value) => value switch
        {
            string s => s,
            bool b => b ? "true" : "false",
            double or float => Inspect(value),
            _ when TryGetNumber(value, out _) => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
            char c => c.ToString(),
            Enum e => e.ToString(),
            _ => throw new GraphQLException($"String cannot represent value: {Inspect(value)}"),
        };

        public override object? ParseValue(object? value) =>
            value as string ?? throw Invalid($"String cannot represent a non string value: {Inspect(value)}");

        public override object? ParseLiteral(ValueNode literal) =>
            literal is StringValueNode s ? s.Value : throw Invalid($"String cannot represent a non string value: {Printer.Print(literal)}");
    }

    private sealed class BooleanScalar : ScalarType
    {
        public BooleanScalar()
            : base("Boolean")
        {
            Description = "The `Boolean` scalar type represents `true` or `false`.";
        }

        public override object? Serialize(object value)
        {
            if (value is bool)
            {
                return value;
            }

            if (TryGetNumber(value, out var number) && !double.IsNaN(number) && !double.IsInfinity(number))
            {
                return number != 0;
            }

            throw new GraphQLException($"Boolean cannot represent a non boolean value: {Inspect(value)}");
        }

        public override object? ParseValue(object? value) =>
            value is bool b ? b : throw Invalid($"Boolean cannot represent a non boolean value: {Inspect(value)}");

        public override object? ParseLiteral(ValueNode literal) =>
            literal is BooleanValueNode b ? b.Value : throw Invalid($"Boolean cannot represent a non boolean value: {Printer.Print(literal)}");
    }

    private sealed class IdScalar : ScalarType
    {
        public IdScalar()
            : base("ID")
        {
            Description = "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.";
        }

        public override object? Serialize(object value) => value switch
        {
            string s => s,
            Guid g => g.ToString(),
            int or long or short or uint or ulong or ushort or byte or sbyte => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
            double d when Math.Floor(d) == d && !double.IsInfinity(d) => d.ToString("F0", CultureInfo.InvariantCulture),
            _ => throw new GraphQLException($"ID cannot represent value: {Inspect(value)}"),
        };

        public override object? ParseValue(object? value) => value switch
        {
            string s => s,
            int or long or short or uint or ulong or ushort or byte or sbyte => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
            double d when Math.Floor(d) == d && !double.IsInfinity(d) => d.ToString("F0", CultureInfo.InvariantCulture),
            _ => throw Invalid($"ID cannot represent value: {Inspect(value)}"),
        };

        public override object? ParseLiteral(ValueNode literal) => literal switch
        {
            StringValueNode s => s.Value,
            IntValueNode i => i.Value,
            _ => throw Invalid($"ID cannot represent a non-string and non-integer value: {Printer.Print(literal)}"),
        };
    }
}
