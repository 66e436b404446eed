using System.Text.Encodings.Web;
using System.Text.Json;

namespace KeyWorks.Domain.Tests;

internal static class Json
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Of(object? value) => value is null ? "null" : JsonSerializer.Serialize(value, value.GetType(), Options);
}
