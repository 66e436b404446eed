using System.Text.Json;
using System.Text.Json.Serialization;

namespace KeyWorks.EventStore.Tests.Reading;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AccountOpened))]
[JsonSerializable(typeof(Deposited))]
[JsonSerializable(typeof(Withdrawn))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
