using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace KeyWorks.GraphQL.Http;

/// <summary>
/// Documents known by their SHA-256 hash (lower-case hex of the UTF-8 text). Clients send
/// <c>documentId: "sha256:…"</c> or the <c>extensions.persistedQuery.sha256Hash</c> of the automatic
/// persisted query convention instead of the text.
/// </summary>
public sealed class PersistedDocuments
{
    private readonly ConcurrentDictionary<string, string> _byHash = new(StringComparer.Ordinal);

    public static PersistedDocuments From(IEnumerable<string> documents)
    {
        var store = new PersistedDocuments();
        foreach (var document in documents)
        {
            store.Add(document);
        }

        return store;
    }

    /// <summary>Loads every <c>*.graphql</c> file of a directory as one document.</summary>
    public static PersistedDocuments FromDirectory(string directory) =>
        From(Directory.GetFiles(directory, "*.graphql").Order(StringComparer.Ordinal).Select(File.ReadAllText));

    public string Add(string document)
    {
        var hash = Hash(document);
        _byHash[hash] = document;
        return hash;
    }

    public bool TryGet(string hash, out string document)
    {
        var key = hash.StartsWith("sha256:", StringComparison.Ordinal) ? hash["sha256:".Length..] : hash;
        return _byHash.TryGetValue(key.ToLowerInvariant(), out document!);
    }

    public bool Contains(string document) => _byHash.ContainsKey(Hash(document));

    public static string Hash(string document) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));
}
