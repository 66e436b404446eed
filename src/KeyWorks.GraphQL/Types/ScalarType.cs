using KeyWorks.GraphQL.Language;

namespace KeyWorks.GraphQL.Types;

/// <summary>
/// A scalar type with its coercion rules (spec 3.5): <see cref="Serialize"/> for results,
/// <see cref="ParseValue"/> for variable values, <see cref="ParseLiteral"/> for literals in the document.
/// Each throws <see cref="GraphQLException"/> for a value it cannot represent.
/// </summary>
public class ScalarType(string name) : NamedType(name)
{
    public string? SpecifiedByUrl { get; internal set; }

    /// <summary>Result coercion: a resolver's value to the value written to the response.</summary>
    public virtual object? Serialize(object value) => value;

    /// <summary>Input coercion of a variable value (already decoded from JSON).</summary>
    public virtual object? ParseValue(object? value) => value;

    /// <summary>Input coercion of a literal; variables inside it have already been replaced.</summary>
    public virtual object? ParseLiteral(ValueNode literal) => ValueLiterals.ToPlainValue(literal);

    /// <summary>Parses a literal that may hold variables: a scalar without its own literal parsing takes their values.</summary>
    internal object? ParseLiteralWithVariables(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) =>
        GetType() == typeof(ScalarType) ? ValueLiterals.ToPlainValue(literal, variables) : ParseLiteral(literal);

    protected static GraphQLException Invalid(string message) => new(message, "BAD_USER_INPUT");

    /// <summary>Describes a value in an error message the way clients expect (JSON-like).</summary>
    protected static string Inspect(object? value) => ValueLiterals.Inspect(value);
}

/// <summary>Conversions between literals and plain values.</summary>
public static class ValueLiterals
{
    /// <summary>A literal as plain .NET values: dictionaries, lists, strings, numbers, booleans and null.</summary>
    public static object? ToPlainValue(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null) => literal switch
    {
        NullValueNode => null,
        IntValueNode i => long.TryParse(i.Value, System.Globalization.CultureInfo.InvariantCulture, out var l) ? l : double.Parse(i.Value, System.Globalization.CultureInfo.InvariantCulture),
        FloatValueNode f => double.Parse(f.Value, System.Globalization.CultureInfo.InvariantCulture),
        StringValueNode s => s.Value,
        BooleanValueNode b => b.Value,
        EnumValueNode e => e.Value,
        ListValueNode list => list.Values.Select(v => ToPlainValue(v, variables)).ToList(),
        ObjectValueNode obj => obj.Fields.ToDictionary(f => f.Name.Value, f => ToPlainValue(f.Value, variables), StringComparer.Ordinal),
        VariableNode variable => variables?.GetValueOrDefault(variable.Name.Value),
        _ => null,
    };

    /// <summary>A short JSON-like rendering of a value for error messages.</summary>
    public static string Inspect(object? value) => value switch
    {
        null => "null",
        string s => Printer.PrintString(s),
        bool b => b ? "true" : "false",
        double d => FormatDouble(d),
        float f => FormatDouble(f),
        IFormattable number => number.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        IReadOnlyDictionary<string, object?> map => "{ " + string.Join(", ", map.Select(kv => kv.Key + ": " + Inspect(kv.Value))) + " }",
        System.Collections.IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Inspect)) + "]",
        _ => value.ToString() ?? "",
    };

    private static string FormatDouble(double d) =>
        double.IsNaN(d) ? "NaN" : double.IsInfinity(d) ? (d > 0 ? "Infinity" : "-Infinity") : d.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
