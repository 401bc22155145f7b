using System.Text;
using System.Text.Json.Nodes;

namespace MLNetScratchTrainer.Fuzzing.Mutations;

/// <summary>
/// Mutations of a JSON document: structure nested thousands of levels deep, enormous strings and arrays, integer fields
/// set to negative, huge or non-integer values, and values of the wrong kind.
/// </summary>
internal static class JsonMutations
{
    private static readonly string[] SizeFields = ["InputSize", "OutputSize", "HiddenLayers", "Rows", "Columns", "Version", "BestEpoch", "Epoch"];

    private static readonly int[] Depths = [65, 1_000, 100_000, 1_000_000];

    private static readonly string[] Replacements = ["-1", "0", "2147483647", "-2147483648", "2147483648", "1e300", "0.5", "\"12\"", "null", "true", "{}", "[]", "[-1]", "[0,2147483647]"];

    /// <summary>A mutated copy of <paramref name="json"/>; <paramref name="detail"/> says what changed.</summary>
    public static byte[] Mutate(Random random, byte[] json, out string detail)
    {
        var root = JsonNode.Parse(json)!;
        var slots = Slots(root).ToList();
        var (parent, key) = slots[random.Next(slots.Count)];
        switch (random.Next(5))
        {
            case 0:
                int depth = Depths[random.Next(Depths.Length)];
                detail = $"{key} nested {depth} arrays deep";
                return Replace(root, parent, key, new string('[', depth) + new string(']', depth));
            case 1:
                int length = random.Next(2) == 0 ? 1 << 20 : 1 << 23;
                detail = $"{key} replaced by a string of {length} characters";
                return Replace(root, parent, key, "\"" + new string('a', length) + "\"");
            case 2:
                int count = random.Next(2) == 0 ? 100_000 : 1_000_000;
                detail = $"{key} replaced by an array of {count} ones";
                return Replace(root, parent, key, "[" + string.Join(',', Enumerable.Repeat("1", count)) + "]");
            case 3:
                var sizes = slots.Where(s => SizeFields.Contains(s.Key) || (s.Parent is JsonArray a && a.Parent is JsonObject o && o["HiddenLayers"] == a)).ToList();
                (parent, key) = sizes.Count > 0 ? sizes[random.Next(sizes.Count)] : (parent, key);
                goto default;
            default:
                string value = Replacements[random.Next(Replacements.Length)];
                detail = $"{key} set to {value}";
                return Replace(root, parent, key, value);
        }
    }

    /// <summary>Every place a value sits: (its object or array, its property name or index).</summary>
    private static IEnumerable<(JsonNode Parent, string Key)> Slots(JsonNode node)
    {
        IEnumerable<(string Key, JsonNode? Child)> children = node switch
        {
            JsonObject o => o.Select(p => (p.Key, p.Value)),
            JsonArray a => a.Select((child, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), child)),
            _ => [],
        };
        foreach (var (key, child) in children)
        {
            yield return (node, key);
            if (child is not null)
            {
                foreach (var slot in Slots(child))
                {
                    yield return slot;
                }
            }
        }
    }

    /// <summary>Writes the document with the value at (<paramref name="parent"/>, <paramref name="key"/>) replaced by raw JSON text.</summary>
    private static byte[] Replace(JsonNode root, JsonNode parent, string key, string rawValue)
    {
        const string Placeholder = "fuzz-placeholder-5c1e";
        JsonNode placeholder = JsonValue.Create(Placeholder);
        if (parent is JsonObject o)
        {
            o[key] = placeholder;
        }
        else
        {
            ((JsonArray)parent)[int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)] = placeholder;
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString().Replace($"\"{Placeholder}\"", rawValue, StringComparison.Ordinal));
    }
}
